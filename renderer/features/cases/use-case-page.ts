import type { CaseFilter, CasePage, CaseSort } from '../../../shared/domain/cases';
import { call } from '../../api';
import { useRemote } from '../../components/use-remote';

/** Rows fetched at once; the table virtualises them, the server pages beyond. */
/** A page the vault can sort and read in a few milliseconds at 100,000 cases (see BENCHMARKS.md). */
export const CASE_PAGE_SIZE = 100;

export interface CasePageRequest {
  filter: CaseFilter;
  sort: CaseSort[];
  pageIndex: number;
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
export function useCasePage({ filter, sort, pageIndex, reloadToken }: CasePageRequest): CasePageResult {
  const { value, loading, error } = useRemote(
    () => call('cases.list', { filter, sort, offset: pageIndex * CASE_PAGE_SIZE, limit: CASE_PAGE_SIZE }),
    [filter, sort, pageIndex, reloadToken],
  );
  return { page: value, loading, error };
}
