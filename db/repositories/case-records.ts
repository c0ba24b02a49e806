/** Reading cases as the rows of the triage table. */
import { eq, inArray, sql } from 'drizzle-orm';
import type { CaseRecord } from '../../shared/domain/cases';
import { AppError } from '../../shared/errors';
import { riskFlags, type RiskFlag, type ViolationType } from '../../shared/domain/vocabularies';
import { prepared } from '../prepared';
import { cases } from '../schema';
import type { Db } from './changes';

export type CaseRow = typeof cases.$inferSelect;

export const riskColumns = {
  health: 'riskHealth',
  minor: 'riskMinor',
  incommunicado: 'riskIncommunicado',
  torture: 'riskTorture',
} as const satisfies Record<RiskFlag, keyof CaseRow>;

// Shown from their own tables, which stay the record of truth; the copies on the case row serve filters and sorting.
const assigneeName = sql<string | null>`(SELECT name FROM staff WHERE staff.id = ${cases.assigneeId})`;
const violationList = sql<string | null>`(SELECT group_concat(violation, ',') FROM case_violations WHERE case_violations.case_id = ${cases.id})`;

const recordColumns = {
  row: cases,
  assigneeName,
  violations: violationList,
};

function toCaseRecord({ row, assigneeName: name, violations }: { row: CaseRow; assigneeName: string | null; violations: string | null }): CaseRecord {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    personName: row.personName,
    region: row.region,
    priority: row.priority,
    status: row.status,
    summary: row.summary,
    assignee: row.assigneeId ? { id: row.assigneeId, name: name ?? '' } : null,
    violations: violations ? (violations.split(',') as ViolationType[]) : [],
    risks: riskFlags.filter((flag) => row[riskColumns[flag]]),
    eventDate: row.eventDate,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function getCaseRow(db: Db, id: string): CaseRow {
  const row = prepared(db, 'cases.byId', () => db.select().from(cases).where(eq(cases.id, sql.placeholder('id'))).prepare()).get({ id });
  if (!row) throw new AppError('NOT_FOUND', `No case with id ${id}.`);
  return row;
}

export function getCaseRecord(db: Db, id: string): CaseRecord {
  const found = db.select(recordColumns).from(cases).where(eq(cases.id, id)).get();
  if (!found) throw new AppError('NOT_FOUND', `No case with id ${id}.`);
  return toCaseRecord(found);
}

/** The records of one page, in the order of `rowids`. */
export function readCaseRecords(db: Db, rowids: readonly number[]): CaseRecord[] {
  if (rowids.length === 0) return [];
  const found = db
    .select({ ...recordColumns, rowid: sql<number>`${cases}.rowid` })
    .from(cases)
    .where(inArray(sql`${cases}.rowid`, [...rowids]))
    .all();
  const byRowid = new Map(found.map((f) => [f.rowid, toCaseRecord(f)]));
  return rowids.map((rowid) => byRowid.get(rowid)!);
}
