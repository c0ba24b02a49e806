import type { SortingState } from '@tanstack/react-table';
import { caseSortFields, type CaseSort, type CaseSortField } from '../../../shared/domain/cases';

function isCaseSortField(id: string): id is CaseSortField {
  return (caseSortFields as readonly string[]).includes(id);
}

/** Table sorting state → the `sort` input of `cases.list` (first entry sorts first). */
export function toServerSort(sorting: SortingState): CaseSort[] {
  const sort: CaseSort[] = [];
  for (const { id, desc } of sorting) {
    if (isCaseSortField(id)) sort.push({ field: id, direction: desc ? 'desc' : 'asc' });
  }
  return sort;
}

/** A saved view's sort → table sorting state (column ids are the server's field names). */
export function fromServerSort(sort: readonly CaseSort[]): SortingState {
  return sort.map(({ field, direction }) => ({ id: field, desc: direction === 'desc' }));
}
