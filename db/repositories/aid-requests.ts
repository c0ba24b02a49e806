import { and, desc, eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { AidRequestRecord, AidRequestStatus } from '../../shared/domain/aid';
import { formatMinor, parseAmount } from '../../shared/domain/money';
import { AppError } from '../../shared/errors';
import { aidRequests, cases, persons, staff } from '../schema';
import { recordChanges, type Author, type Db } from './changes';
import { getPersonRow } from './persons';

type RequestRow = typeof aidRequests.$inferSelect;

const nextStatuses: Record<AidRequestStatus, readonly AidRequestStatus[]> = {
  open: ['granted', 'declined', 'withdrawn'],
  granted: [],
  declined: ['open'],
  withdrawn: ['open'],
};

export function insertAidRequest(
  db: Db,
  input: { personId: string; caseId: string | null; type: RequestRow['type']; amount: string; currency: string; description: string },
  author: Author,
): string {
  getPersonRow(db, input.personId);
  if (input.caseId && !db.select({ id: cases.id }).from(cases).where(eq(cases.id, input.caseId)).get()) throw new AppError('NOT_FOUND', `No case with id ${input.caseId}.`);
  const row: RequestRow = {
    id: uuidv7(),
    personId: input.personId,
    caseId: input.caseId,
    type: input.type,
    amountMinor: parseAmount(input.amount, input.currency),
    currency: input.currency,
    description: input.description,
    status: 'open',
    originOffice: null,
    createdAt: author.at,
    updatedAt: author.at,
    createdBy: author.id,
    updatedBy: author.id,
  };
  db.insert(aidRequests).values(row).run();
  recordChanges(db, 'aid-request', row.id, null, { status: 'open', created: { personId: row.personId, type: row.type, amount: formatMinor(row.amountMinor, row.currency), currency: row.currency } }, author);
  return row.id;
}

export function setAidRequestStatus(db: Db, id: string, status: AidRequestStatus, author: Author): void {
  const row = db.select().from(aidRequests).where(eq(aidRequests.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `No aid request with id ${id}.`);
  if (!nextStatuses[row.status].includes(status)) throw new AppError('INVALID_TRANSITION', `An ${row.status} request cannot become ${status}.`);
  db.update(aidRequests).set({ status, updatedAt: author.at, updatedBy: author.id }).where(eq(aidRequests.id, id)).run();
  recordChanges(db, 'aid-request', id, { status: row.status }, { status }, author);
}

export function listAidRequests(db: Db, filter: { personId?: string; status?: AidRequestStatus[] }): AidRequestRecord[] {
  const where = and(filter.personId ? eq(aidRequests.personId, filter.personId) : undefined, filter.status?.length ? inArray(aidRequests.status, filter.status) : undefined);
  return db
    .select({ row: aidRequests, personName: persons.displayName, author: staff.name })
    .from(aidRequests)
    .innerJoin(persons, eq(persons.id, aidRequests.personId))
    .leftJoin(staff, eq(staff.id, aidRequests.createdBy))
    .where(where)
    .orderBy(desc(aidRequests.createdAt))
    .limit(1000)
    .all()
    .map(({ row, personName, author }) => ({
      id: row.id,
      person: { id: row.personId, displayName: personName },
      caseId: row.caseId,
      type: row.type,
      amountMinor: row.amountMinor,
      amount: formatMinor(row.amountMinor, row.currency),
      currency: row.currency,
      description: row.description,
      status: row.status,
      createdAt: row.createdAt,
      createdBy: row.createdBy ? { id: row.createdBy, name: author ?? '' } : null,
    }));
}
