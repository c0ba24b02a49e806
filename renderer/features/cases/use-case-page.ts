import type { CaseFilter, CasePage, CaseSort } from '../../../shared/domain/cases';
import { call } from '../../api';
import { useRemote } from '../../components/use-remote';

/** A page the vault can sort and read in a few milliseconds at 100,000 cases (see BENCHMARKS.md). */
export const CASE_PAGE_SIZE = 100;

export interface CasePageRequest {
  filter: CaseFilter;
  sort: CaseSort[];
  pageIndex: number;
  /** Where page `pageIndex` starts: the previous page's `nextCursor` (none for the first page). */
  after: string | undefined;
  /** Bump to fetch the same page again (e.g. after a case was created). */
  reloadToken: number;
}

export interface CasePageResult {
  /** The last page that arrived; kept while the next one loads so the table does not flicker. */
  page: CasePage | null;
  loading: boolean;
  error: unknown;
}

/** One page of cases, filtered, sorted and paged by the server. Held only in component state. */
export function useCasePage({ filter, sort, pageIndex, after, reloadToken }: CasePageRequest): CasePageResult {
  // Deeper pages start after the previous page's last row, so they cost no more than the first; a first page
  // for an unknown cursor (none learnt yet) falls back to the offset.
  const { value, loading, error } = useRemote(
    () => call('cases.list', { filter, sort, limit: CASE_PAGE_SIZE, ...(after ? { after } : { offset: pageIndex * CASE_PAGE_SIZE }) }),
    [filter, sort, pageIndex, after, reloadToken],
  );
  return { page: value, loading, error };
}
