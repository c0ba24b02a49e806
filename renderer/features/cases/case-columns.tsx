import { createColumnHelper, rowSelectionFeature, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../../shared/domain/cases';
import {
  AssigneeCell,
  DateTimeCell,
  EventDateCell,
  PriorityCell,
  ReferenceCell,
  RegionCell,
  SelectAllHeader,
  SelectCell,
  StatusCell,
  TextCell,
  TitleCell,
  ViolationsCell,
} from './case-cells';

/** Sorting and selection only: the server filters, sorts and pages; the table keeps the state and renders. */
export const caseTableFeatures = tableFeatures({ rowSortingFeature, rowSelectionFeature });
type Features = typeof caseTableFeatures;

const helper = createColumnHelper<Features, CaseRecord>();

type ColumnKey = 'reference' | 'title' | 'personName' | 'region' | 'priority' | 'status' | 'assignee' | 'violations' | 'eventDate' | 'updatedAt';

/** A header component per column, so the label follows the interface language. */
function columnLabel(key: ColumnKey) {
  function ColumnLabel() {
    const { t } = useTranslation();
    return t(`cases.columns.${key}`);
  }
  return ColumnLabel;
}

/** Column ids are the server's sort field names, so table sorting state maps straight onto `cases.list`. */
export const caseColumns = helper.columns([
  helper.display({ id: 'select', header: SelectAllHeader, cell: SelectCell, enableSorting: false }),
  helper.accessor('reference', { header: columnLabel('reference'), cell: ReferenceCell }),
  helper.accessor('title', { header: columnLabel('title'), cell: TitleCell }),
  helper.accessor('personName', { header: columnLabel('personName'), cell: TextCell }),
  helper.accessor('region', { header: columnLabel('region'), cell: RegionCell }),
  helper.accessor('priority', { header: columnLabel('priority'), cell: PriorityCell }),
  helper.accessor('status', { header: columnLabel('status'), cell: StatusCell }),
  helper.accessor('assignee', { header: columnLabel('assignee'), cell: AssigneeCell }),
  helper.accessor('violations', { header: columnLabel('violations'), cell: ViolationsCell, enableSorting: false }),
  helper.accessor('eventDate', { header: columnLabel('eventDate'), cell: EventDateCell }),
  helper.accessor('updatedAt', { header: columnLabel('updatedAt'), cell: DateTimeCell }),
]);
