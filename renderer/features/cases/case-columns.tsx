import { createColumnHelper, rowSortingFeature, tableFeatures, type CellContext } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { CaseRecord, CaseSortField, CaseStatus, Priority, Region } from '../../../shared/domain/cases';
import { PriorityBadge } from '../../components/PriorityBadge';
import { formatDateTime } from '../../components/format-date';

/** Sorting only: the server sorts and pages, the table just keeps the sort state and renders. */
export const caseTableFeatures = tableFeatures({ rowSortingFeature });
type Features = typeof caseTableFeatures;

const helper = createColumnHelper<Features, CaseRecord>();

/** A header component per column, so the label follows the interface language. */
function columnLabel(field: CaseSortField) {
  function ColumnLabel() {
    const { t } = useTranslation();
    return t(`cases.columns.${field}`);
  }
  return ColumnLabel;
}

function RegionCell(props: CellContext<Features, CaseRecord, Region>) {
  const { t } = useTranslation();
  return t(`regions.${props.getValue()}`);
}

function PriorityCell(props: CellContext<Features, CaseRecord, Priority>) {
  return <PriorityBadge priority={props.getValue()} />;
}

function StatusCell(props: CellContext<Features, CaseRecord, CaseStatus>) {
  const { t } = useTranslation();
  const status = props.getValue();
  return <span className={`status status-${status}`}>{t(`statuses.${status}`)}</span>;
}

function DateTimeCell(props: CellContext<Features, CaseRecord, string>) {
  const { i18n } = useTranslation();
  const value = props.getValue();
  return <time dateTime={value}>{formatDateTime(value, i18n.language)}</time>;
}

function TextCell(props: CellContext<Features, CaseRecord, string>) {
  return props.getValue();
}

/** Column ids are the server's sort field names, so table sorting state maps straight onto `cases.list`. */
export const caseColumns = helper.columns([
  helper.accessor('title', { header: columnLabel('title'), cell: TextCell }),
  helper.accessor('personName', { header: columnLabel('personName'), cell: TextCell }),
  helper.accessor('region', { header: columnLabel('region'), cell: RegionCell }),
  helper.accessor('priority', { header: columnLabel('priority'), cell: PriorityCell }),
  helper.accessor('status', { header: columnLabel('status'), cell: StatusCell }),
  helper.accessor('updatedAt', { header: columnLabel('updatedAt'), cell: DateTimeCell }),
]);
