/**
 * The order of the triage list: each sort field's key, the index that holds cases in that order, and the
 * cursor that lets a page start right after the previous page's last row.
 */
import { sql, type SQL } from 'drizzle-orm';
import { caseStatuses, priorities, regions, type CaseFilter, type CaseSort, type CaseSortField } from '../../shared/domain/cases';
import { AppError } from '../../shared/errors';
import { cases, eventSortKey } from '../schema';

interface SortField {
  /** Exactly the expression its index is built on, so the planner can read the order off that index. */
  key: SQL;
  index: string;
  /** A unique key orders every row by itself: nothing after it can break a tie. */
  unique?: true;
}

const sortFields: Record<CaseSortField, SortField> = {
  reference: { key: sql`${cases.reference}`, index: 'cases_reference_order', unique: true },
  title: { key: sql`${cases.title} COLLATE NOCASE`, index: 'cases_title_order' },
  personName: { key: sql`${cases.personName} COLLATE NOCASE`, index: 'cases_person_name_order' },
  region: { key: sql`${cases.region}`, index: 'cases_region_order' },
  priority: { key: sql`${cases.priorityRank}`, index: 'cases_priority_order' },
  status: { key: sql`${cases.statusRank}`, index: 'cases_status_order' },
  assignee: { key: sql`${cases.assigneeName} COLLATE NOCASE`, index: 'cases_assignee_order' },
  eventDate: { key: eventSortKey(cases.eventFrom), index: 'cases_event_order' },
  createdAt: { key: sql`${cases.createdAt}`, index: 'cases_created_order' },
  updatedAt: { key: sql`${cases.updatedAt}`, index: 'cases_updated_order' },
};

export interface OrderTerm {
  key: SQL;
  desc: boolean;
}

export interface CaseOrder {
  /** The sort fields, each once, in order. */
  fields: CaseSortField[];
  terms: OrderTerm[];
  /** The index that serves the first term (and, for one sort field, the whole order). */
  index: string;
  /** Identifies the order inside a cursor, so a cursor is never applied to another order. */
  signature: string;
}

/**
 * Newest first by default. Ties fall back to the last-updated time, then the id (so paging is stable), both in
 * the direction of the last key: the (key, updated_at, id) indexes then serve the whole order, and within one
 * priority the oldest case comes first when sorting most urgent first. Every key is non-null, so a cursor is a
 * plain comparison.
 */
export function caseOrder(sort: readonly CaseSort[]): CaseOrder {
  const terms: OrderTerm[] = [];
  const seen = new Set<CaseSortField>();
  let complete = false;
  for (const { field, direction } of sort) {
    if (seen.has(field)) continue;
    seen.add(field);
    terms.push({ key: sortFields[field].key, desc: direction === 'desc' });
    if (sortFields[field].unique) {
      complete = true;
      break;
    }
  }
  if (!complete) {
    const desc = (sort.at(-1)?.direction ?? 'desc') === 'desc';
    if (!seen.has('updatedAt')) terms.push({ key: sortFields.updatedAt.key, desc });
    terms.push({ key: sql`${cases.id}`, desc });
  }
  const first = sort[0]?.field ?? 'updatedAt';
  const signature = terms.map((t) => t.desc ? 'd' : 'a').join('') + ':' + [...seen].join(',');
  return { fields: [...seen], terms, index: sortFields[first].index, signature };
}

export const orderBy = (order: CaseOrder): SQL => sql.join(order.terms.map(({ key, desc }) => sql`${key} ${sql.raw(desc ? 'DESC' : 'ASC')}`), sql`, `);

export type CursorValue = string | number;

export function encodeCursor(order: CaseOrder, values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify({ o: order.signature, k: values }), 'utf8').toString('base64url');
}

const notACursor = () => new AppError('VALIDATION', 'after: is not a cursor returned by cases.list');

export function decodeCursor(order: CaseOrder, cursor: string): CursorValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw notACursor();
    throw error;
  }
  const { o, k } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { o?: unknown; k?: unknown };
  if (typeof o !== 'string' || !Array.isArray(k)) throw notACursor();
  if (o !== order.signature) throw new AppError('VALIDATION', 'after: belongs to another sort order; start again from the first page');
  if (k.length !== order.terms.length || !k.every((v) => typeof v === 'string' || typeof v === 'number')) throw notACursor();
  return k as CursorValue[];
}

/**
 * Rows strictly after the cursor's row in this order: one row-value comparison when every term runs the same
 * way (any order of one sort field), else term by term. The planner seeks a row value only on plain columns,
 * so a bound on the first key alone, which holds for every such row, lets it seek on any ordering index.
 */
export function afterCursor(order: CaseOrder, values: readonly CursorValue[]): SQL {
  const { terms } = order;
  const first = terms[0]!;
  const beyond = (desc: boolean) => sql.raw(desc ? '<' : '>');
  const bound = sql`${first.key} ${sql.raw(first.desc ? '<=' : '>=')} ${values[0]}`;
  if (terms.every((t) => t.desc === first.desc)) {
    const keys = sql.join(terms.map((t) => t.key), sql`, `);
    const params = sql.join(values.map((v) => sql`${v}`), sql`, `);
    return sql`(${bound} AND (${keys}) ${beyond(first.desc)} (${params}))`;
  }
  const alternatives = terms.map((term, i) => {
    const ties = terms.slice(0, i).map((t, j) => sql`${t.key} = ${values[j]}`);
    return sql.join([...ties, sql`${term.key} ${beyond(term.desc)} ${values[i]}`], sql` AND `);
  });
  return sql`(${bound} AND (${sql.join(alternatives.map((a) => sql`(${a})`), sql` OR `)}))`;
}

/** First sort keys with a handful of values, all of them filter columns, listed in their order. */
const armValues: Partial<Record<CaseSortField, (filter: CaseFilter) => CursorValue[]>> = {
  priority: (filter) => priorities.flatMap((p, rank) => (!filter.priority?.length || filter.priority.includes(p) ? [rank] : [])),
  status: (filter) => caseStatuses.flatMap((s, rank) => (!filter.status?.length || filter.status.includes(s) ? [rank] : [])),
  region: (filter) => regions.filter((r) => !filter.region?.length || filter.region.includes(r)).sort(),
};

export interface OrderArm {
  /** The first key's value on this arm. */
  value: CursorValue;
  /** The ordering index of the second sort field, which orders the arm. */
  index: string;
  /** A bound on the second key for the arm the cursor is on, so that arm seeks to it. */
  seek: SQL | null;
}

/**
 * An order by two or more fields whose first has a handful of values (priority, status, region) reads as one
 * arm per value, each walking the second field's ordering index, merged: SQLite would otherwise sort every
 * case of the first group to show a page of it. Arms before the cursor's are left out. Null for other orders.
 */
export function orderArms(order: CaseOrder, filter: CaseFilter, position: readonly CursorValue[] | null): OrderArm[] | null {
  const [first, second] = order.fields;
  const values = first && armValues[first];
  if (!values || !second) return null;
  const desc = order.terms[0]!.desc;
  const secondTerm = order.terms[1]!;
  const start = position?.[0];
  const ahead = (v: CursorValue) => start === undefined || (desc ? v <= start : v >= start);
  return values(filter)
    .filter(ahead)
    .map((value) => ({
      value,
      index: sortFields[second].index,
      seek: start === value ? sql`${secondTerm.key} ${sql.raw(secondTerm.desc ? '<=' : '>=')} ${position![1]}` : null,
    }));
}
