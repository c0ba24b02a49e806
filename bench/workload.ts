/**
 * The queries the benchmark times, as the triage screen makes them: the default view, the built-in views, and
 * random combinations of the column filters with every sort order, on the first page or deeper; searches for
 * people by name typed in the other script; opening a case.
 */
import { performance } from 'node:perf_hooks';
import type { Orm } from '../db/vault';
import { getCaseDetail, listCases } from '../db/repositories/cases';
import { caseSortFields, caseStatuses, priorities, regions, type CaseFilter, type CaseSort, type CaseStatus } from '../shared/domain/cases';
import { builtInViews } from '../shared/domain/views';
import { riskFlags, violationTypes } from '../shared/domain/vocabularies';
import { transliterate } from '../shared/names';
import { random, tagPool } from './synthetic';

const PAGE = 100;
const openStatuses: CaseStatus[] = ['new', 'triage', 'open', 'monitoring'];

export interface TriageQuery {
  filter: CaseFilter;
  sort: CaseSort[];
  /** The page the person is on: page n is reached, as the UI does, with the cursor of page n - 1. */
  page: number;
}

export function triageQueries(count: number, staffIds: readonly string[]): TriageQuery[] {
  const next = random(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const some = <T>(items: readonly T[], most: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(next() * most) }, () => pick(items)))];
  const sorts: CaseSort[][] = [
    [],
    ...caseSortFields.flatMap((field) => (['asc', 'desc'] as const).map((direction) => [{ field, direction }])),
    [{ field: 'priority', direction: 'asc' }, { field: 'eventDate', direction: 'desc' }],
    [{ field: 'status', direction: 'asc' }, { field: 'priority', direction: 'asc' }],
  ];
  const randomFilter = (): CaseFilter => {
    const filter: CaseFilter = {};
    if (next() < 0.5) filter.status = next() < 0.4 ? openStatuses : some(caseStatuses, 3);
    if (next() < 0.35) filter.priority = some(priorities, 2);
    if (next() < 0.35) filter.region = some(regions, 2);
    if (next() < 0.25) filter.violation = some(violationTypes, 2);
    const assignee = next();
    if (assignee < 0.15) filter.assignee = 'none';
    else if (assignee < 0.25) filter.assignee = 'me';
    else if (assignee < 0.3) filter.assignee = pick(staffIds);
    if (next() < 0.08) filter.tag = tagPool[Math.floor(next() ** 2 * tagPool.length)]!;
    if (next() < 0.08) filter.risk = [pick(riskFlags)];
    const dates = next();
    const year = 2020 + Math.floor(next() * 7);
    if (dates < 0.15) filter.from = `${year}`;
    else if (dates < 0.2) Object.assign(filter, { from: `${year}-03`, to: `${year}-08` });
    return filter;
  };
  const page = () => {
    const r = next();
    if (r < 0.55) return 0;
    if (r < 0.8) return 1 + Math.floor(next() * 4);
    if (r < 0.95) return 5 + Math.floor(next() * 26);
    return 31 + Math.floor(next() * 1000);
  };
  return Array.from({ length: count }, () => {
    const kind = next();
    if (kind < 0.25) return { filter: {}, sort: [], page: page() };
    if (kind < 0.35) {
      const view = pick(builtInViews);
      return { filter: view.filter, sort: view.sort, page: page() };
    }
    return { filter: randomFilter(), sort: pick(sorts), page: page() };
  });
}

/** Family names as a person would type them to find someone in the register: in the other script. */
export interface SearchQuery {
  text: string;
  filter: CaseFilter;
  sort: CaseSort[];
}

export function searchTexts(count: number, people: readonly string[]): SearchQuery[] {
  const next = random(11);
  const latin = (word: string) => transliterate(word)[0]?.latin ?? word;
  return Array.from({ length: count }, () => {
    const [given, ...family] = people[Math.floor(next() * people.length)]!.split(' ');
    const surname = latin(family.join(' '));
    const kind = next();
    const text = kind < 0.2 ? `${latin(given!)} ${surname}` : surname;
    const filter: CaseFilter = kind > 0.9 ? { status: openStatuses } : {};
    return { text, filter, sort: next() < 0.1 ? [{ field: 'personName', direction: 'asc' }] : [] };
  });
}

export interface Percentiles {
  p50: number;
  p95: number;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

export function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** One store as the workload sees it: its ORM, the person using it, its case ids in import order. */
export interface StoreView {
  orm: Orm;
  me: string;
  caseIds: readonly string[];
}

export interface Samples {
  triage: number[];
  triageByOffset: number[];
  search: number[];
  open: number[];
}

export const noSamples = (): Samples => ({ triage: [], triageByOffset: [], search: [], open: [] });

export const firstPage = (store: StoreView) => timed(() => listCases(store.orm, { filter: {}, sort: [], offset: 0, limit: PAGE }, store.me));

/**
 * One round of the workload on one store: a triage page (reached by cursor, then the same page by offset), a
 * search and a case opened. The page before a deep page is read first, untimed, as the person saw it before
 * pressing Next; past the end, the last page is taken.
 */
export function runRound(store: StoreView, samples: Samples, query: TriageQuery, search: SearchQuery, openIndex: number): void {
  const { orm, me } = store;
  const list = (paging: { offset: number; after?: string }) => listCases(orm, { filter: query.filter, sort: query.sort, limit: PAGE, ...paging }, me);
  let page = query.page;
  let after: string | undefined;
  if (page > 0) {
    let before = list({ offset: (page - 1) * PAGE });
    if (!before.nextCursor && before.total > PAGE) {
      page = Math.ceil(before.total / PAGE) - 1;
      before = list({ offset: (page - 1) * PAGE });
    }
    after = before.nextCursor;
    if (!after) page = 0;
  }
  samples.triage.push(timed(() => list(after ? { offset: 0, after } : { offset: 0 })));
  samples.triageByOffset.push(timed(() => list({ offset: page * PAGE })));
  samples.search.push(timed(() => listCases(orm, { filter: { ...search.filter, search: search.text }, sort: search.sort, offset: 0, limit: PAGE }, me)));
  const id = store.caseIds[openIndex]!;
  samples.open.push(timed(() => getCaseDetail(orm, id, { withSources: true })));
}
