import type { RowSelectionState, SortingState, Updater } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import type { CaseFilter, CaseSort } from '../../../shared/domain/cases';
import type { SavedView } from '../../../shared/domain/views';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { fromServerSort, toServerSort } from './case-sort';
import { draftFromFilter, emptyDraft, filterFromDraft, type FilterDraft } from './filters/filter-draft';

export const TEXT_DEBOUNCE_MS = 250;

function apply<T>(updater: Updater<T>, current: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater;
}

/**
 * Everything the triage screen remembers while a case is open: filters, sort, page, selection, the active
 * row and the chosen view. Lives in CasesView so "Back to cases" returns to the same place.
 */
export function useTriageState() {
  const [draft, setDraftState] = useState<FilterDraft>(emptyDraft);
  const [sorting, setSortingState] = useState<SortingState>([]);
  const [pageIndex, setPageIndex] = useState(0);
  // Page n starts after the last row of page n - 1: its cursor, learnt when page n - 1 arrived.
  const [cursors, setCursors] = useState<readonly (string | undefined)[]>([undefined]);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [activeId, setActiveId] = useState<string | null>(null);
  const [viewId, setViewId] = useState('');

  // Typing is debounced; choices in lists apply at once.
  // (A string, so re-renders with the same text do not restart the wait.)
  const typedJson = useDebouncedValue(
    JSON.stringify({ tag: draft.tag, from: draft.from, to: draft.to, search: draft.search }),
    TEXT_DEBOUNCE_MS,
  );
  const typed = JSON.parse(typedJson) as Pick<FilterDraft, 'tag' | 'from' | 'to' | 'search'>;
  const filterJson = JSON.stringify(filterFromDraft({ ...draft, ...typed }));
  const filter = useMemo(() => JSON.parse(filterJson) as CaseFilter, [filterJson]);
  const sortJson = JSON.stringify(toServerSort(sorting));
  const sort = useMemo(() => JSON.parse(sortJson) as CaseSort[], [sortJson]);

  // A new query starts on its first page with nothing selected (adjusting state during render, not in an effect).
  const queryKey = `${filterJson}|${sortJson}`;
  const [lastQueryKey, setLastQueryKey] = useState(queryKey);
  if (queryKey !== lastQueryKey) {
    setLastQueryKey(queryKey);
    setPageIndex(0);
    setCursors([undefined]);
    setRowSelection({});
  }

  /** Records where the page after `index` starts (or that none follows), forgetting later pages' cursors. */
  const setNextCursor = useCallback((index: number, cursor: string | undefined) => {
    setCursors((current) => (current[index + 1] === cursor && current.length === index + 2 ? current : [...current.slice(0, index + 1), cursor]));
  }, []);

  const setDraft = useCallback((updater: Updater<FilterDraft>) => {
    setDraftState((current) => apply(updater, current));
    setViewId('');
  }, []);

  const setSorting = useCallback((updater: Updater<SortingState>) => {
    setSortingState((current) => apply(updater, current));
    setViewId('');
  }, []);

  /** A view replaces the filters and sort; `null` only forgets which view was chosen. */
  const applyView = useCallback((view: SavedView | null) => {
    setViewId(view?.id ?? '');
    if (!view) return;
    setDraftState(draftFromFilter(view.filter));
    setSortingState(fromServerSort(view.sort));
  }, []);

  return {
    draft,
    setDraft,
    filter,
    sorting,
    setSorting,
    sort,
    pageIndex,
    setPageIndex,
    after: cursors[pageIndex],
    hasNextPage: cursors[pageIndex + 1] !== undefined,
    setNextCursor,
    rowSelection,
    setRowSelection,
    activeId,
    setActiveId,
    viewId,
    applyView,
  };
}

export type TriageState = ReturnType<typeof useTriageState>;
