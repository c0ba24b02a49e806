import { createColumnHelper, rowSelectionFeature, rowSortingFeature, tableFeatures, type CellContext, type HeaderContext } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { DisbursementRecord } from '../../../shared/domain/aid';
import { useAidLabels } from './aid-labels';

/** Sorting and selection only: the server filters, sorts and pages, as for cases. */
export const ledgerFeatures = tableFeatures({ rowSortingFeature, rowSelectionFeature });
type Features = typeof ledgerFeatures;
const helper = createColumnHelper<Features, DisbursementRecord>();

type Key = 'date' | 'recipient' | 'programme' | 'type' | 'amount' | 'status' | 'requestedBy';

function label(key: Key) {
  function ColumnLabel() {
    const { t } = useTranslation();
    return t(`aid.columns.${key}`);
  }
  return ColumnLabel;
}

/** Every cell reads the whole record, whatever its column's value type. */
type RecordCell<V> = CellContext<Features, DisbursementRecord, V>;

function SelectAll({ table }: HeaderContext<Features, DisbursementRecord, unknown>) {
  const { t } = useTranslation();
  return (
    <label className="row-check">
      <input type="checkbox" aria-label={t('aid.selectPage')} checked={table.getIsAllPageRowsSelected()} onChange={table.getToggleAllPageRowsSelectedHandler()} />
    </label>
  );
}

function Select<V>({ row }: RecordCell<V>) {
  const { t } = useTranslation();
  return (
    <label className="row-check" onClick={(event) => event.stopPropagation()}>
      <input
        type="checkbox"
        aria-label={t('aid.selectRow', { date: row.original.date, name: row.original.recipient.displayName })}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    </label>
  );
}

function Recipient<V>({ row }: RecordCell<V>) {
  const { recipient, originOffice } = row.original;
  const { t } = useTranslation();
  return (
    <span>
      {recipient.displayName}
      {originOffice ? <span className="badge badge-partner">{t('aid.partnerRow', { office: originOffice })}</span> : null}
    </span>
  );
}

function Programme<V>({ row }: RecordCell<V>) {
  return <span>{row.original.programme?.name ?? '—'}</span>;
}

function Type<V>({ row }: RecordCell<V>) {
  return <span>{useAidLabels().type(row.original.type)}</span>;
}

function Amount<V>({ row }: RecordCell<V>) {
  const { t } = useTranslation();
  const r = row.original;
  return (
    <span className={r.amountMinor < 0 ? 'amount amount-negative' : 'amount'}>
      {r.amount} {r.currency}
      {r.reversesId ? <span className="badge">{t('aid.reversal')}</span> : null}
      {r.reversedById ? <span className="badge">{t('aid.reversed')}</span> : null}
    </span>
  );
}

function Status<V>({ row }: RecordCell<V>) {
  const { t } = useTranslation();
  const r = row.original;
  return (
    <span className={`aid-status aid-status-${r.status}`}>
      {useAidLabels().status(r.status)}
      {r.status === 'requested' && r.needsSecondApprover ? <span className="badge">{t('aid.needsSecond')}</span> : null}
    </span>
  );
}

function RequestedBy<V>({ row }: RecordCell<V>) {
  return <span>{row.original.requestedBy?.name ?? ''}</span>;
}

/** Column ids are the server's sort fields, so the table's sorting maps straight onto `aid.disbursements.list`. */
export const ledgerColumns = helper.columns([
  helper.display({ id: 'select', header: SelectAll, cell: Select, enableSorting: false }),
  helper.accessor('date', { header: label('date'), cell: ({ row }) => row.original.date }),
  helper.accessor((r) => r.recipient.displayName, { id: 'recipient', header: label('recipient'), cell: Recipient }),
  helper.accessor((r) => r.programme?.name ?? '', { id: 'programme', header: label('programme'), cell: Programme }),
  helper.accessor('type', { header: label('type'), cell: Type }),
  helper.accessor('amountMinor', { id: 'amount', header: label('amount'), cell: Amount }),
  helper.accessor('status', { header: label('status'), cell: Status }),
  helper.accessor((r) => r.requestedBy?.name ?? '', { id: 'requestedBy', header: label('requestedBy'), cell: RequestedBy, enableSorting: false }),
]);
