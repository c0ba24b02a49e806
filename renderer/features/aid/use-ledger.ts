import type { OnChangeFn, RowSelectionState, SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import { disbursementSortFields, type DisbursementFilter, type DisbursementSort } from '../../../shared/domain/aid';
import type { AidSavedView } from '../../../shared/domain/aid-views';
import { call } from '../../api';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useRemote } from '../../components/use-remote';

export const LEDGER_PAGE_SIZE = 100;

const toSort = (sorting: SortingState): DisbursementSort[] =>
  sorting.filter((s) => (disbursementSortFields as readonly string[]).includes(s.id)).map((s) => ({ field: s.id as DisbursementSort['field'], direction: s.desc ? 'desc' : 'asc' }));

/** The ledger table's state: filters, sort and page run on the server, like the case triage. */
export function useLedger() {
  const [filter, setFilterState] = useState<DisbursementFilter>({});
  const [sorting, setSortingState] = useState<SortingState>([]);
  const [viewId, setViewId] = useState('');
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
  const resetPage = () => {
    setPageIndex(0);
    setRowSelection({});
  };
  const setFilter = (next: DisbursementFilter) => {
    setFilterState(next);
    setViewId('');
    resetPage();
  };
  const setSorting: OnChangeFn<SortingState> = (updater) => {
    setSortingState(updater);
    setViewId('');
  };
  /** A view replaces the filters and sort; `null` only forgets which view was chosen. */
  const applyView = (view: AidSavedView | null) => {
    setViewId(view?.id ?? '');
    if (!view) return;
    setFilterState(view.filter);
    setSortingState(view.sort.map((s) => ({ id: s.field, desc: s.direction === 'desc' })));
    resetPage();
  };
  return { filter, setFilter, sorting, setSorting, sort: toSort(sorting), viewId, applyView, pageIndex, setPageIndex, rowSelection, setRowSelection, activeId, setActiveId, page, pageKey: key };
}

export type LedgerState = ReturnType<typeof useLedger>;
