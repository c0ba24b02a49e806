/**
 * The triage list at 100,000 cases. Every query reads as little of the encrypted file as it can: a page walks
 * one ordering index whose entries carry every filter column (see `db/schema/cases.ts`), so rows a filter
 * rejects are never read from the table, and only the page's own rows are; a count scans the small
 * `cases_filters` index. Tag and search filters start from their matches when there are few of them.
 */
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { caseStatuses, priorities, type CaseFilter, type CasePage, type CaseSort } from '../../shared/domain/cases';
import { partialDateBounds } from '../../shared/domain/partial-date';
import type { RiskFlag } from '../../shared/domain/vocabularies';
import { cases } from '../schema';
import { matchExpression } from '../search';
import { violationMask } from '../violation-mask';
import { afterCursor, caseOrder, decodeCursor, encodeCursor, orderArms, orderBy, type CaseOrder, type CursorValue } from './case-order';
import { readCaseRecords } from './case-records';
import type { Db } from './changes';

export interface CaseListQuery {
  filter: CaseFilter;
  sort: CaseSort[];
  offset: number;
  limit: number;
  after?: string | undefined;
}

/**
 * A tag or a search counts its matches up to this many (the list then says "1,000+"). Up to this many, the page
 * is read by sorting the matches; beyond, by walking an ordering index, which finds a page of them quickly.
 */
export const COUNT_CAP = 1000;

const riskColumn = {
  health: cases.riskHealth,
  minor: cases.riskMinor,
  incommunicado: cases.riskIncommunicado,
  torture: cases.riskTorture,
} as const satisfies Record<RiskFlag, unknown>;

/** Terms on columns every triage index carries. */
function columnConditions(filter: CaseFilter, me: string): SQL[] {
  const where: SQL[] = [];
  if (filter.status?.length) where.push(inArray(cases.statusRank, filter.status.map((s) => caseStatuses.indexOf(s))));
  if (filter.priority?.length) where.push(inArray(cases.priorityRank, filter.priority.map((p) => priorities.indexOf(p))));
  if (filter.region?.length) where.push(inArray(cases.region, filter.region));
  if (filter.violation?.length) where.push(sql`(${cases.violationMask} & ${violationMask(filter.violation)}) != 0`);
  if (filter.assignee === 'none') where.push(sql`${cases.assigneeId} IS NULL`);
  else if (filter.assignee) where.push(sql`${cases.assigneeId} = ${filter.assignee === 'me' ? me : filter.assignee}`);
  for (const flag of filter.risk ?? []) where.push(sql`${riskColumn[flag]} = 1`);
  if (filter.from) where.push(sql`${cases.eventTo} >= ${partialDateBounds(filter.from).from}`);
  if (filter.to) where.push(sql`${cases.eventFrom} <= ${partialDateBounds(filter.to).to}`);
  return where;
}

/** A filter on another table: how many rows it matches, its matching case ids, and a test of one case. */
interface ChildFilter {
  size: SQL;
  ids: SQL;
  matches: SQL;
}

function childFilters(filter: CaseFilter): ChildFilter[] {
  const children: ChildFilter[] = [];
  const expression = filter.search ? matchExpression(filter.search) : null;
  if (expression) {
    const docids = sql`SELECT rowid FROM search_index WHERE search_index MATCH ${expression}`;
    children.push({
      // Persons' entries too: close enough to choose a plan, and counted without reading search_docs.
      size: sql`SELECT count(*) AS n FROM search_index WHERE search_index MATCH ${expression}`,
      ids: sql`SELECT row_id AS case_id FROM search_docs WHERE entity = 'case' AND docid IN (${docids})`,
      matches: sql`EXISTS (SELECT 1 FROM search_docs d WHERE d.entity = 'case' AND d.row_id = ${cases.id} AND d.docid IN (${docids}))`,
    });
  }
  if (filter.tag) {
    children.push({
      size: sql`SELECT count(*) AS n FROM case_tags WHERE tag = ${filter.tag}`,
      ids: sql`SELECT case_id FROM case_tags WHERE tag = ${filter.tag}`,
      matches: sql`EXISTS (SELECT 1 FROM case_tags t WHERE t.case_id = ${cases.id} AND t.tag = ${filter.tag})`,
    });
  }
  return children;
}

const whereOf = (terms: SQL[]) => (terms.length ? sql`WHERE ${and(...terms)}` : sql``);

/** Cases that start from a child filter's matches and look each case up by id. */
const fromMatches = (driver: ChildFilter) => sql`(${driver.ids}) AS hits CROSS JOIN ${cases} ON ${cases.id} = hits.case_id`;

/**
 * The index led by the most selective of the filtered columns an index leads with (status, priority, region),
 * and the share of cases in its range; the small filter index and a share of 1 when none is filtered. Every
 * one of them carries every filter column; `needsId` asks for one that has the id too (for a child test).
 */
function leadingIndex(filter: CaseFilter, needsId: boolean): { index: string; share: number } {
  const led = [
    { share: (filter.status?.length ?? 5) / 5, index: needsId ? 'cases_status_order' : 'cases_filters' },
    { share: (filter.priority?.length ?? 4) / 4, index: 'cases_priority_order' },
    { share: (filter.region?.length ?? 9) / 9, index: 'cases_region_order' },
  ].sort((a, b) => a.share - b.share)[0]!;
  if (led.share < 1) return led;
  return { index: needsId ? 'cases_updated_order' : 'cases_filters', share: 1 };
}

const count = (db: Db, query: SQL) => db.get<{ n: number }>(query)?.n ?? 0;

interface Plan {
  total: number;
  /** Counting stopped at `COUNT_CAP`: at least that many match. */
  capped: boolean;
  /** Start from the matches of this child filter (few of them) instead of walking an ordering index. */
  driver: ChildFilter | null;
}

/**
 * Counts the matches and chooses how to read the page. Column filters alone are counted exactly on an index.
 * With a tag or a search, the count starts from whichever side matches fewer rows, the child filter's or the
 * column filters', and stops at `COUNT_CAP`.
 */
function plan(db: Db, filter: CaseFilter, columns: SQL[], children: ChildFilter[]): Plan {
  const onColumns = (tests: SQL[] = []) =>
    sql`${cases} INDEXED BY ${sql.raw(leadingIndex(filter, tests.length > 0).index)} ${whereOf([...columns, ...tests])}`;
  if (children.length === 0) {
    return { total: count(db, columns.length ? sql`SELECT count(*) AS n FROM ${onColumns()}` : sql`SELECT count(*) AS n FROM ${cases}`), capped: false, driver: null };
  }
  const sized = children.map((child) => ({ child, size: count(db, child.size) })).sort((a, b) => a.size - b.size);
  const smallest = sized[0]!;
  // Starting from a few child matches is cheap whatever the columns match, so only many are weighed against them.
  const byChild = columns.length === 0 || smallest.size <= COUNT_CAP || smallest.size <= count(db, sql`SELECT count(*) AS n FROM ${onColumns()}`);
  const source = byChild
    ? sql`SELECT 1 FROM ${fromMatches(smallest.child)} ${whereOf([...columns, ...sized.slice(1).map((s) => s.child.matches)])}`
    : sql`SELECT 1 FROM ${onColumns(children.map((c) => c.matches))}`;
  const total = count(db, sql`SELECT count(*) AS n FROM (${source} LIMIT ${COUNT_CAP + 1})`);
  const capped = total > COUNT_CAP;
  return { total: Math.min(total, COUNT_CAP), capped, driver: byChild && !capped ? smallest.child : null };
}

/** Reading a row of the table costs about this many index entries read in order. */
const LOOKUP_COST = 30;

/**
 * Few matches among many cases: scanning the index led by a filtered column (or the small filter index) and
 * sorting the matches reads less than walking the ordering index until a page is found. Costs in index entries.
 */
function scanAndSort(db: Db, query: CaseListQuery, total: number): boolean {
  // The largest rowid stands for the number of cases (none is ever deleted) and costs one index step.
  const size = db.get<{ n: number | null }>(sql`SELECT max(rowid) AS n FROM ${cases}`)?.n ?? 0;
  const walk = Math.min(size, ((query.offset + query.limit + 1) * size) / Math.max(total, 1));
  return leadingIndex(query.filter, false).share * size + total * LOOKUP_COST < walk;
}

/** A page's row: its rowid, then its sort keys as k0, k1, … (for the next page's cursor). */
type PageRow = { r: number } & Record<string, string | number>;

function pageRows(db: Db, query: CaseListQuery, order: CaseOrder, columns: SQL[], children: ChildFilter[], plan: Plan, position: CursorValue[] | null): PageRow[] {
  const { driver, total } = plan;
  const keys = sql.join(order.terms.map((t, i) => sql`${t.key} AS ${sql.raw(`k${i}`)}`), sql`, `);
  const cursor = position ? [afterCursor(order, position)] : [];
  const tests = children.filter((child) => child !== driver).map((child) => child.matches);
  const page = sql`LIMIT ${query.limit + 1} OFFSET ${query.offset}`;
  const scan = !driver && children.length === 0 && scanAndSort(db, query, total);
  const arms = driver || scan ? null : orderArms(order, query.filter, position);
  if (arms) {
    if (arms.length === 0) return [];
    const first = order.terms[0]!.key;
    const arm = ({ value, index, seek }: (typeof arms)[number]) =>
      sql`SELECT ${cases}.rowid AS r, ${keys} FROM ${cases} INDEXED BY ${sql.raw(index)} ${whereOf([
        sql`${first} = ${value}`,
        ...columns,
        ...tests,
        ...(seek ? [seek, ...cursor] : []),
      ])}`;
    const merged = sql.join(order.terms.map((t, i) => sql`${sql.raw(`k${i}`)} ${sql.raw(t.desc ? 'DESC' : 'ASC')}`), sql`, `);
    return db.all<PageRow>(sql`${sql.join(arms.map(arm), sql` UNION ALL `)} ORDER BY ${merged} ${page}`);
  }
  // Few matches of a tag or search: read them and sort them. Few matches of the column filters: scan and sort
  // them too. Otherwise walk the ordering index, testing each entry until the page is full.
  const from = driver
    ? fromMatches(driver)
    : scan
      ? sql`${cases} INDEXED BY ${sql.raw(leadingIndex(query.filter, false).index)}`
      : sql`${cases} INDEXED BY ${sql.raw(order.index)}`;
  return db.all<PageRow>(sql`SELECT ${cases}.rowid AS r, ${keys} FROM ${from} ${whereOf([...columns, ...tests, ...cursor])} ORDER BY ${orderBy(order)} ${page}`);
}

export function listCases(db: Db, query: CaseListQuery, me: string): CasePage {
  const order = caseOrder(query.sort);
  const position = query.after ? decodeCursor(order, query.after) : null;
  const columns = columnConditions(query.filter, me);
  const children = childFilters(query.filter);
  const counted = plan(db, query.filter, columns, children);
  const { total, capped } = counted;
  const page = total === 0 ? [] : pageRows(db, query, order, columns, children, counted, position);
  const shown = page.slice(0, query.limit);
  const rows = readCaseRecords(db, shown.map((row) => row.r));
  const last = shown.at(-1);
  const nextCursor = page.length > query.limit && last ? encodeCursor(order, order.terms.map((_, i) => last[`k${i}`]!)) : undefined;
  return { rows, total, ...(capped ? { totalCapped: true as const } : {}), ...(nextCursor ? { nextCursor } : {}) };
}
