import type { CellContext, HeaderContext } from '@tanstack/react-table';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord, CaseStatus, Priority, Region, StaffRef } from '../../../shared/domain/cases';
import type { PartialDate } from '../../../shared/domain/partial-date';
import type { ViolationType } from '../../../shared/domain/vocabularies';
import { PriorityBadge } from '../../components/PriorityBadge';
import { formatDateTime, formatPartialDate } from '../../components/format-date';
import type { caseTableFeatures } from './case-columns';

type Features = typeof caseTableFeatures;
type Cell<V> = CellContext<Features, CaseRecord, V>;

export function TextCell(props: Cell<string>) {
  return props.getValue();
}

export function ReferenceCell(props: Cell<string>) {
  return <span className="reference">{props.getValue()}</span>;
}

/** The title is a button too, so the case opens from the keyboard without the triage keys. */
export function TitleCell(props: Cell<string>) {
  return (
    <button type="button" className="link-button">
      {props.getValue()}
    </button>
  );
}

export function RegionCell(props: Cell<Region>) {
  const { t } = useTranslation();
  return t(`regions.${props.getValue()}`);
}

export function PriorityCell(props: Cell<Priority>) {
  return <PriorityBadge priority={props.getValue()} />;
}

export function StatusCell(props: Cell<CaseStatus>) {
  const { t } = useTranslation();
  const status = props.getValue();
  return <span className={`status status-${status}`}>{t(`statuses.${status}`)}</span>;
}

export function AssigneeCell(props: Cell<StaffRef | null>) {
  const { t } = useTranslation();
  const assignee = props.getValue();
  return assignee ? assignee.name : <span className="muted-cell">{t('cases.unassigned')}</span>;
}

export function ViolationsCell(props: Cell<ViolationType[]>) {
  const { t } = useTranslation();
  const violations = props.getValue();
  return (
    <span title={violations.map((v) => t(`violations.${v}`)).join(', ')}>
      {violations.map((v) => t(`violationsShort.${v}`)).join(', ')}
    </span>
  );
}

export function EventDateCell(props: Cell<PartialDate | null>) {
  const { i18n } = useTranslation();
  const value = props.getValue();
  return value ? <time dateTime={value}>{formatPartialDate(value, i18n.language)}</time> : null;
}

export function DateTimeCell(props: Cell<string>) {
  const { i18n } = useTranslation();
  const value = props.getValue();
  return <time dateTime={value}>{formatDateTime(value, i18n.language)}</time>;
}

export function SelectCell({ row }: Cell<unknown>) {
  const { t } = useTranslation();
  return (
    <label className="row-check" onClick={(event) => event.stopPropagation()}>
      <input
        type="checkbox"
        aria-label={t('cases.selectRow', { reference: row.original.reference })}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    </label>
  );
}

export function SelectAllHeader({ table }: HeaderContext<Features, CaseRecord, unknown>) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  const all = table.getIsAllPageRowsSelected();
  const some = table.getIsSomePageRowsSelected();
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some && !all;
  }, [some, all]);
  return (
    <label className="row-check">
      <input
        ref={ref}
        type="checkbox"
        aria-label={t('cases.selectPage')}
        checked={all}
        disabled={table.getRowModel().rows.length === 0}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    </label>
  );
}
