import { asc, count, desc, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  caseStatuses,
  priorities,
  type CasePage,
  type CaseRecord,
  type CaseSort,
  type CaseSortField,
  type NewCase,
} from '../../shared/domain/cases';
import { cases } from '../schema';
import type { Orm } from '../vault';

type ParsedNewCase = Required<Pick<NewCase, 'summary'>> & Omit<NewCase, 'summary'>;

/** SQL for the position of a value in an ordered vocabulary, so "urgent" sorts before "high". */
function rankOf(column: SQLWrapper, vocabulary: readonly string[]): SQL {
  const branches = vocabulary.map((value, i) => sql`WHEN ${value} THEN ${i}`);
  return sql`CASE ${column} ${sql.join(branches, sql` `)} ELSE ${vocabulary.length} END`;
}

const sortExpressions: Record<CaseSortField, SQL> = {
  title: sql`${cases.title} COLLATE NOCASE`,
  personName: sql`${cases.personName} COLLATE NOCASE`,
  region: sql`${cases.region}`,
  priority: rankOf(cases.priority, priorities),
  status: rankOf(cases.status, caseStatuses),
  createdAt: sql`${cases.createdAt}`,
  updatedAt: sql`${cases.updatedAt}`,
};

const columns = {
  id: cases.id,
  title: cases.title,
  personName: cases.personName,
  region: cases.region,
  priority: cases.priority,
  status: cases.status,
  summary: cases.summary,
  createdAt: cases.createdAt,
  updatedAt: cases.updatedAt,
};

export function listCases(orm: Orm, query: { sort: CaseSort[]; offset: number; limit: number }): CasePage {
  const order = query.sort.map(({ field, direction }) =>
    direction === 'asc' ? asc(sortExpressions[field]) : desc(sortExpressions[field]),
  );
  // Newest first by default, and the id as the last key so paging is stable.
  if (query.sort.length === 0) order.push(desc(cases.updatedAt));
  order.push(asc(cases.id));
  const rows = orm
    .select(columns)
    .from(cases)
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset)
    .all();
  return { rows, total: countCases(orm) };
}

export function countCases(orm: Orm): number {
  return orm.select({ n: count() }).from(cases).get()?.n ?? 0;
}

export function getCase(orm: Orm, id: string): CaseRecord | undefined {
  return orm.select(columns).from(cases).where(eq(cases.id, id)).get();
}

/** Inserts every case in one transaction: all are written or none. */
export function insertCases(orm: Orm, input: readonly ParsedNewCase[], author: string, now: string): CaseRecord[] {
  return orm.transaction((tx) =>
    input.map((item) => {
      const record: CaseRecord = {
        id: uuidv7(),
        title: item.title,
        personName: item.personName,
        region: item.region,
        priority: item.priority,
        status: 'new',
        summary: item.summary,
        createdAt: now,
        updatedAt: now,
      };
      tx.insert(cases).values({ ...record, createdBy: author, updatedBy: author }).run();
      return record;
    }),
  );
}
