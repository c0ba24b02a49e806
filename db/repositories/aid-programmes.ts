import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { aidTypes, type AidType, type BudgetPosition, type NewProgramme, type ProgrammeDetail, type ProgrammePatch, type ProgrammeRecord } from '../../shared/domain/aid';
import { basisPoints, formatMinor, moneyTotal, parseAmount } from '../../shared/domain/money';
import { AppError } from '../../shared/errors';
import { aidDisbursements, aidLedgerTotals, aidProgrammes } from '../schema';
import { recordChanges, type Author, type Db } from './changes';

export type ProgrammeRow = typeof aidProgrammes.$inferSelect;

export function toProgrammeRecord(row: ProgrammeRow): ProgrammeRecord {
  return {
    id: row.id,
    name: row.name,
    donor: row.donor,
    currency: row.currency,
    budgetMinor: row.budgetMinor,
    budget: formatMinor(row.budgetMinor, row.currency),
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    eligibleTypes: JSON.parse(row.eligibleTypes) as AidType[],
    fourEyesThresholdMinor: row.fourEyesThresholdMinor,
    fourEyesThreshold: formatMinor(row.fourEyesThresholdMinor, row.currency),
    iatiIdentifier: row.iatiIdentifier,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const ordered = (types: readonly AidType[]) => aidTypes.filter((t) => types.includes(t));

function assertNameFree(db: Db, name: string, exceptId?: string) {
  const clash = db
    .select({ id: aidProgrammes.id })
    .from(aidProgrammes)
    .where(and(sql`${aidProgrammes.name} = ${name} COLLATE NOCASE`, isNull(aidProgrammes.originOffice)))
    .get();
  if (clash && clash.id !== exceptId) throw new AppError('CONFLICT', `A programme called "${name}" already exists.`);
}

export function insertProgramme(db: Db, input: Required<Omit<NewProgramme, 'eligibleTypes'>> & { eligibleTypes: AidType[] }, author: Author): ProgrammeRow {
  assertNameFree(db, input.name);
  const row: ProgrammeRow = {
    id: uuidv7(),
    name: input.name,
    donor: input.donor,
    currency: input.currency,
    budgetMinor: parseAmount(input.budget, input.currency),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    eligibleTypes: JSON.stringify(ordered(input.eligibleTypes)),
    fourEyesThresholdMinor: parseAmount(input.fourEyesThreshold, input.currency, { allowZero: true }),
    iatiIdentifier: input.iatiIdentifier,
    originOffice: null,
    createdAt: author.at,
    updatedAt: author.at,
    createdBy: author.id,
    updatedBy: author.id,
  };
  db.insert(aidProgrammes).values(row).run();
  const { id: _id, createdAt: _c, updatedAt: _u, ...created } = toProgrammeRecord(row);
  recordChanges(db, 'aid-programme', row.id, null, { created }, author);
  return row;
}

export function getProgrammeRow(db: Db, id: string): ProgrammeRow {
  const row = db.select().from(aidProgrammes).where(eq(aidProgrammes.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `No programme with id ${id}.`);
  return row;
}

/** A programme by id or by its name (any case), among this office's own. */
export function findProgramme(db: Db, idOrName: string): ProgrammeRow {
  const byId = db.select().from(aidProgrammes).where(eq(aidProgrammes.id, idOrName)).get();
  if (byId) return byId;
  const byName = db
    .select()
    .from(aidProgrammes)
    .where(and(sql`${aidProgrammes.name} = ${idOrName.trim()} COLLATE NOCASE`, isNull(aidProgrammes.originOffice)))
    .get();
  if (!byName) throw new AppError('NOT_FOUND', `No programme called or with id "${idOrName.slice(0, 200)}".`);
  return byName;
}

export function updateProgramme(db: Db, id: string, patch: ProgrammePatch, author: Author): ProgrammeRow {
  const before = getProgrammeRow(db, id);
  if (before.originOffice !== null) throw new AppError('FORBIDDEN', 'A partner office’s programme is changed by that office.');
  if (patch.name !== undefined) assertNameFree(db, patch.name, id);
  const next: ProgrammeRow = {
    ...before,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.donor !== undefined ? { donor: patch.donor } : {}),
    ...(patch.budget !== undefined ? { budgetMinor: parseAmount(patch.budget, before.currency) } : {}),
    ...(patch.startsOn !== undefined ? { startsOn: patch.startsOn } : {}),
    ...(patch.endsOn !== undefined ? { endsOn: patch.endsOn } : {}),
    ...(patch.eligibleTypes !== undefined ? { eligibleTypes: JSON.stringify(ordered(patch.eligibleTypes)) } : {}),
    ...(patch.fourEyesThreshold !== undefined ? { fourEyesThresholdMinor: parseAmount(patch.fourEyesThreshold, before.currency, { allowZero: true }) } : {}),
    ...(patch.iatiIdentifier !== undefined ? { iatiIdentifier: patch.iatiIdentifier } : {}),
    updatedAt: author.at,
    updatedBy: author.id,
  };
  if (next.endsOn < next.startsOn) throw new AppError('VALIDATION', 'endsOn: must not be before the start');
  const strip = (row: ProgrammeRow) => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = toProgrammeRecord(row);
    return rest;
  };
  if (recordChanges(db, 'aid-programme', id, strip(before), strip(next), author) === 0) return before;
  db.update(aidProgrammes).set(next).where(eq(aidProgrammes.id, id)).run();
  return next;
}

export function listProgrammes(db: Db): ProgrammeRecord[] {
  return db.select().from(aidProgrammes).where(isNull(aidProgrammes.originOffice)).orderBy(asc(aidProgrammes.name)).all().map(toProgrammeRecord);
}

/** Paid net of reversals, from the derived totals (a few thousand rows at most, not the ledger). */
export function paidMinor(db: Db, programmeId: string): bigint {
  const found = db.get<{ total: string | null }>(
    sql`SELECT CAST(sum(${aidLedgerTotals.netMinor}) AS TEXT) AS total FROM ${aidLedgerTotals}
        WHERE ${aidLedgerTotals.dimension} = 'type' AND ${aidLedgerTotals.programmeId} = ${programmeId}`,
  );
  return BigInt(found?.total ?? '0');
}

/**
 * Money approved or requested and not yet paid, read from the (programme, status, amount) index alone: no
 * ledger row is decrypted, however large the ledger.
 */
function openMinor(db: Db, programmeId: string, status: 'approved' | 'requested'): bigint {
  const found = db.get<{ total: string | null }>(
    sql`SELECT CAST(sum(${aidDisbursements.amountMinor}) AS TEXT) AS total FROM ${aidDisbursements}
        WHERE ${aidDisbursements.programmeId} = ${programmeId} AND ${aidDisbursements.status} = ${status}`,
  );
  return BigInt(found?.total ?? '0');
}

/** The budget position; `exclude` leaves out one requested disbursement (the one being approved). */
export function budgetPosition(db: Db, programme: ProgrammeRow, exclude?: { status: string; amountMinor: number }): BudgetPosition {
  const budget = BigInt(programme.budgetMinor);
  const spent = paidMinor(db, programme.id);
  const committed = openMinor(db, programme.id, 'approved') - (exclude?.status === 'approved' ? BigInt(exclude.amountMinor) : 0n);
  const requested = openMinor(db, programme.id, 'requested') - (exclude?.status === 'requested' ? BigInt(exclude.amountMinor) : 0n);
  const c = programme.currency;
  return {
    budget: moneyTotal(c, budget),
    spent: moneyTotal(c, spent),
    committed: moneyTotal(c, committed),
    requested: moneyTotal(c, requested),
    remaining: moneyTotal(c, budget - spent - committed),
    usedBasisPoints: basisPoints(spent + committed, budget),
  };
}

export function getProgrammeDetail(db: Db, id: string): ProgrammeDetail {
  const row = getProgrammeRow(db, id);
  const monthly = db.all<{ month: string; paid: string }>(
    sql`SELECT substr(${aidLedgerTotals.day}, 1, 7) AS month, CAST(sum(${aidLedgerTotals.netMinor}) AS TEXT) AS paid FROM ${aidLedgerTotals}
        WHERE ${aidLedgerTotals.dimension} = 'type' AND ${aidLedgerTotals.programmeId} = ${id} GROUP BY month ORDER BY month`,
  );
  let remaining = BigInt(row.budgetMinor);
  const burnDown = monthly.map(({ month, paid }) => {
    remaining -= BigInt(paid);
    return { month, paidMinor: paid, remainingMinor: remaining.toString() };
  });
  return { ...toProgrammeRecord(row), position: budgetPosition(db, row), burnDown };
}
