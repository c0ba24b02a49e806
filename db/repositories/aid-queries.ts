import { aliasedTable, and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type {
  DisbursementDetail,
  DisbursementFilter,
  DisbursementPage,
  DisbursementRecord,
  DisbursementSort,
  DisbursementSortField,
} from '../../shared/domain/aid';
import { needsSecondApprover } from '../../shared/domain/aid-guards';
import { formatMinor } from '../../shared/domain/money';
import { AppError } from '../../shared/errors';
import { aidDisbursements, aidProgrammes, aidReceipts, persons, staff } from '../schema';
import { matchingIds } from '../search';
import { historyOf, type Db } from './changes';
import { findDuplicates, getDisbursementRow } from './aid-ledger';
import { personGroupIds } from './person-links';

const requester = aliasedTable(staff, 'requester');
const approver = aliasedTable(staff, 'approver');
const payer = aliasedTable(staff, 'payer');

const columns = {
  row: aidDisbursements,
  recipientName: persons.displayName,
  recipientLatin: persons.latinName,
  programmeName: aidProgrammes.name,
  threshold: aidProgrammes.fourEyesThresholdMinor,
  requesterName: requester.name,
  approverName: approver.name,
  payerName: payer.name,
  reversedById: sql<string | null>`(SELECT r.id FROM aid_disbursements r WHERE r.reverses_id = ${aidDisbursements.id})`,
};

type Joined = {
  row: typeof aidDisbursements.$inferSelect;
  recipientName: string | null;
  recipientLatin: string | null;
  programmeName: string | null;
  threshold: number | null;
  requesterName: string | null;
  approverName: string | null;
  payerName: string | null;
  reversedById: string | null;
};

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

function toRecord(j: Joined): DisbursementRecord {
  const { row } = j;
  return {
    id: row.id,
    recipient: { id: row.recipientId, displayName: j.recipientName ?? '', latinName: j.recipientLatin ?? '' },
    programme: row.programmeId ? { id: row.programmeId, name: j.programmeName ?? '' } : null,
    caseId: row.caseId,
    requestId: row.requestId,
    amountMinor: row.amountMinor,
    amount: formatMinor(row.amountMinor, row.currency),
    currency: row.currency,
    type: row.type,
    method: row.method,
    purpose: row.purpose,
    date: row.date,
    status: row.status,
    recipientRegion: row.recipientRegion,
    recipientCategory: row.recipientCategory,
    requestedBy: ref(row.requestedBy, j.requesterName),
    requestedAt: row.requestedAt,
    approvedBy: ref(row.approvedBy, j.approverName),
    approvedAt: row.approvedAt,
    paidBy: ref(row.paidBy, j.payerName),
    paidAt: row.paidAt,
    paymentReference: row.paymentReference,
    statusReason: row.statusReason,
    reversesId: row.reversesId,
    reversedById: j.reversedById,
    duplicateReason: row.duplicateReason,
    budgetOverrideReason: row.budgetOverrideReason,
    originOffice: row.originOffice,
    needsSecondApprover: j.threshold !== null && row.reversesId === null && needsSecondApprover(row.amountMinor, j.threshold),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function joined(db: Db) {
  return db
    .select(columns)
    .from(aidDisbursements)
    .leftJoin(persons, eq(persons.id, aidDisbursements.recipientId))
    .leftJoin(aidProgrammes, eq(aidProgrammes.id, aidDisbursements.programmeId))
    .leftJoin(requester, eq(requester.id, aidDisbursements.requestedBy))
    .leftJoin(approver, eq(approver.id, aidDisbursements.approvedBy))
    .leftJoin(payer, eq(payer.id, aidDisbursements.paidBy));
}

const sortExpressions: Record<DisbursementSortField, SQL> = {
  date: sql`${aidDisbursements.date}`,
  amount: sql`${aidDisbursements.amountMinor}`,
  status: sql`${aidDisbursements.status}`,
  recipient: sql`${persons.displayName} COLLATE NOCASE`,
  programme: sql`${aidProgrammes.name} COLLATE NOCASE`,
  type: sql`${aidDisbursements.type}`,
  createdAt: sql`${aidDisbursements.createdAt}`,
};

function filterConditions(db: Db, filter: DisbursementFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (filter.status?.length) where.push(inArray(aidDisbursements.status, filter.status));
  if (filter.programmeId) where.push(eq(aidDisbursements.programmeId, filter.programmeId));
  if (filter.type?.length) where.push(inArray(aidDisbursements.type, filter.type));
  if (filter.method?.length) where.push(inArray(aidDisbursements.method, filter.method));
  // A person's aid is the aid of every record merged with it.
  if (filter.recipientId) where.push(inArray(aidDisbursements.recipientId, personGroupIds(db, filter.recipientId)));
  if (filter.caseId) where.push(eq(aidDisbursements.caseId, filter.caseId));
  if (filter.from) where.push(sql`${aidDisbursements.date} >= ${filter.from}`);
  if (filter.to) where.push(sql`${aidDisbursements.date} <= ${filter.to}`);
  if (filter.origin === 'own') where.push(isNull(aidDisbursements.originOffice));
  if (filter.origin === 'partner') where.push(isNotNull(aidDisbursements.originOffice));
  if (filter.search) {
    const names = matchingIds('person', filter.search);
    const byReference = eq(aidDisbursements.paymentReference, filter.search);
    where.push(names ? or(sql`${aidDisbursements.recipientId} IN (${names})`, byReference) : byReference);
  }
  return where.length ? and(...where) : undefined;
}

/** The joined records of these ids, in the order given. */
function recordsInOrder(db: Db, ids: string[]): DisbursementRecord[] {
  if (ids.length === 0) return [];
  const byId = new Map(joined(db).where(inArray(aidDisbursements.id, ids)).all().map((j) => [j.row.id, toRecord(j)]));
  return ids.map((id) => byId.get(id)).filter((r): r is DisbursementRecord => r !== undefined);
}

/**
 * One page of the ledger, filtered and sorted in SQL; ties fall back to the id (UUIDv7, so creation order).
 * The page's ids come first from the ledger table alone (joining only what a sort needs), then the page's
 * records with their names: with five joins in one statement the planner may sort the whole ledger instead of
 * walking the date index.
 */
export function listDisbursements(db: Db, query: { filter: DisbursementFilter; sort: DisbursementSort[]; offset: number; limit: number }): DisbursementPage {
  const where = filterConditions(db, query.filter);
  const order = query.sort.map(({ field, direction }) => (direction === 'asc' ? asc(sortExpressions[field]) : desc(sortExpressions[field])));
  const then = (query.sort.at(-1)?.direction ?? 'desc') === 'asc' ? asc : desc;
  if (query.sort.length === 0) order.push(desc(aidDisbursements.date));
  order.push(then(aidDisbursements.id));
  const sortFields = new Set(query.sort.map((s) => s.field));
  let ids = db.select({ id: aidDisbursements.id }).from(aidDisbursements).$dynamic();
  if (sortFields.has('recipient')) ids = ids.leftJoin(persons, eq(persons.id, aidDisbursements.recipientId));
  if (sortFields.has('programme')) ids = ids.leftJoin(aidProgrammes, eq(aidProgrammes.id, aidDisbursements.programmeId));
  const page = ids.where(where).orderBy(...order).limit(query.limit).offset(query.offset).all().map((r) => r.id);
  const total = db.select({ n: count() }).from(aidDisbursements).where(where).get()?.n ?? 0;
  return { rows: recordsInOrder(db, page), total };
}

/** Requests waiting for approval, oldest first: what a coordinator works through. */
export function approvalQueue(db: Db, query: { offset: number; limit: number }): DisbursementPage {
  const where = eq(aidDisbursements.status, 'requested');
  const ids = db
    .select({ id: aidDisbursements.id })
    .from(aidDisbursements)
    .where(where)
    .orderBy(asc(aidDisbursements.requestedAt), asc(aidDisbursements.id))
    .limit(query.limit)
    .offset(query.offset)
    .all()
    .map((r) => r.id);
  const total = db.select({ n: count() }).from(aidDisbursements).where(where).get()?.n ?? 0;
  return { rows: recordsInOrder(db, ids), total };
}

export function getDisbursementRecord(db: Db, id: string): DisbursementRecord {
  const found = joined(db).where(eq(aidDisbursements.id, id)).get();
  if (!found) throw new AppError('NOT_FOUND', `No disbursement with id ${id}.`);
  return toRecord(found);
}

export function getDisbursementDetail(db: Db, id: string, windowDays: number): DisbursementDetail {
  const record = getDisbursementRecord(db, id);
  const row = getDisbursementRow(db, id);
  const receipts = db
    .select({ receipt: { id: aidReceipts.id, fileName: aidReceipts.fileName, mediaType: aidReceipts.mediaType, size: aidReceipts.size, sha256: aidReceipts.sha256, createdAt: aidReceipts.createdAt, createdBy: aidReceipts.createdBy }, author: staff.name })
    .from(aidReceipts)
    .leftJoin(staff, eq(staff.id, aidReceipts.createdBy))
    .where(eq(aidReceipts.disbursementId, id))
    .orderBy(asc(aidReceipts.createdAt))
    .all()
    .map(({ receipt, author }) => ({ ...receipt, createdBy: ref(receipt.createdBy, author) }));
  const duplicates = row.reversesId ? [] : findDuplicates(db, { id: row.id, recipientId: row.recipientId, type: row.type, purposeKey: row.purposeKey, date: row.date }, windowDays);
  return { ...record, receipts, history: historyOf(db, [{ entity: 'disbursement', rowId: id }]), duplicates };
}
