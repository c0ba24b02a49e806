import type { RowSelectionState, SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import { disbursementSortFields, type DisbursementFilter, type DisbursementSort } from '../../../shared/domain/aid';
import { call } from '../../api';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useRemote } from '../../components/use-remote';

export const LEDGER_PAGE_SIZE = 100;

const toSort = (sorting: SortingState): DisbursementSort[] =>
  sorting.filter((s) => (disbursementSortFields as readonly string[]).includes(s.id)).map((s) => ({ field: s.id as DisbursementSort['field'], direction: s.desc ? 'desc' : 'asc' }));

/** The ledger table's state: filters, sort and page run on the server, like the case triage. */
export function useLedger() {
  const [filter, setFilterState] = useState<DisbursementFilter>({});
  const [sorting, setSorting] = useState<SortingState>([]);
  const [pageIndex, setPageIndex] = useState(0);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [activeId, setActiveId] = useState<string | null>(null);
  const search = useDebouncedValue(filter.search ?? '', 250);
  const effective = { ...filter, search: search.trim() || undefined };
  const key = JSON.stringify([effective, sorting, pageIndex]);
  const page = useRemote(
    () => call('aid.disbursements.list', { filter: effective, sort: toSort(sorting), offset: pageIndex * LEDGER_PAGE_SIZE, limit: LEDGER_PAGE_SIZE }),
    [key],
  );
  const setFilter = (next: DisbursementFilter) => {
    setFilterState(next);
    setPageIndex(0);
    setRowSelection({});
  };
  return { filter, setFilter, sorting, setSorting, pageIndex, setPageIndex, rowSelection, setRowSelection, activeId, setActiveId, page, pageKey: key };
}

export type LedgerState = ReturnType<typeof useLedger>;
