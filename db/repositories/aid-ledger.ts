/**
 * Writes to the disbursement ledger, each behind its guards: four-eyes, the duplicate-payment check and the
 * budget check. The SQLite triggers of migration `aid_ledger_rules` hold the same line for every other path.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { DisbursementStatus, DuplicateCandidate, GuardReport, ParsedNewDisbursement, RecipientCategory } from '../../shared/domain/aid';
import {
  budgetLevel,
  checkApprover,
  checkBudgetOverride,
  checkTransition,
  isSuspectedDuplicate,
  ledgerRoles,
  needsSecondApprover,
  percentText,
  purposeKey,
  shiftDay,
  type BudgetLevel,
} from '../../shared/domain/aid-guards';
import { formatMinor, parseAmount } from '../../shared/domain/money';
import type { Role } from '../../shared/domain/staff';
import { AppError, isErrorCode } from '../../shared/errors';
import { aidDisbursements, aidProgrammes, aidRequests, cases, personRelations, persons } from '../schema';
import { recordChanges, type Author, type Db } from './changes';
import { budgetPosition, getProgrammeRow, type ProgrammeRow } from './aid-programmes';
import { getPersonRow } from './persons';
import { personGroupIds } from './person-links';

export type DisbursementRow = typeof aidDisbursements.$inferSelect;

export interface Actor extends Author {
  role: Role;
}

export interface Warning {
  code: 'BUDGET_WARNING';
  message: string;
  usedBasisPoints: number;
}

/**
 * The persons who count as "the same recipient" as `personId`: every record merged with it by `same` links
 * (its duplicate group), so a family recorded twice, here or by a partner office, is still paid once.
 */
export function sameRecipientIds(db: Db, personId: string): string[] {
  return personGroupIds(db, personId);
}

/** Turns a ledger trigger's abort ("LEDGER_IMMUTABLE: …") into the AppError it stands for. */
export function ledgerError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : '';
  const match = /^([A-Z_]+): (.*)$/s.exec(message);
  if (match && isErrorCode(match[1]) && error instanceof Error && error.name === 'SqliteError') return new AppError(match[1], match[2] ?? '');
  return error;
}

export function getDisbursementRow(db: Db, id: string): DisbursementRow {
  const row = db.select().from(aidDisbursements).where(eq(aidDisbursements.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `No disbursement with id ${id}.`);
  return row;
}

/** Live entries of the same recipient around `date` that the duplicate rule flags, from every office. */
export function findDuplicates(db: Db, candidate: { id?: string; recipientId: string; type: DisbursementRow['type']; purposeKey: string; date: string }, windowDays: number): DuplicateCandidate[] {
  const reversed = sql<number>`EXISTS (SELECT 1 FROM aid_disbursements r WHERE r.reverses_id = ${aidDisbursements.id})`;
  const rows = db
    .select({ row: aidDisbursements, reversed, programmeName: aidProgrammes.name })
    .from(aidDisbursements)
    .leftJoin(aidProgrammes, eq(aidProgrammes.id, aidDisbursements.programmeId))
    .where(
      and(
        inArray(aidDisbursements.recipientId, sameRecipientIds(db, candidate.recipientId)),
        sql`${aidDisbursements.date} BETWEEN ${shiftDay(candidate.date, -windowDays)} AND ${shiftDay(candidate.date, windowDays)}`,
      ),
    )
    .all();
  return rows
    .filter(({ row, reversed: isReversed }) =>
      isSuspectedDuplicate(candidate, { ...row, reversed: Boolean(isReversed), reversal: row.reversesId !== null }, windowDays),
    )
    .map(({ row, programmeName }) => ({
      id: row.id,
      date: row.date,
      amount: formatMinor(row.amountMinor, row.currency),
      currency: row.currency,
      type: row.type,
      purpose: row.purpose,
      status: row.status,
      originOffice: row.originOffice,
      programmeName,
      createdAt: row.createdAt,
    }));
}

function describeDuplicates(found: DuplicateCandidate[]): string {
  const listed = found
    .slice(0, 5)
    .map((d) => `${d.date} ${d.amount} ${d.currency} ${d.type} (${d.status}${d.originOffice ? `, from ${d.originOffice}` : ''}) ${d.id}`)
    .join('; ');
  return `A similar payment to this recipient exists within the duplicate window: ${listed}. Confirm with a reason to go ahead.`;
}

/**
 * Checks the budget with `amountMinor` more: a warning from 90 %; above 100 % it throws unless an admin gives a
 * reason now, or one was recorded with this disbursement before (`overridden`).
 */
function guardBudget(
  db: Db,
  programme: ProgrammeRow,
  amountMinor: number,
  actor: Actor,
  override: { reason: string | undefined; overridden: boolean; exclude?: { status: string; amountMinor: number } },
): { level: BudgetLevel; warning: Warning | null } {
  const position = budgetPosition(db, programme, override.exclude);
  const used = BigInt(position.spent.minor) + BigInt(position.committed.minor);
  const { level, usedBasisPoints } = budgetLevel(BigInt(programme.budgetMinor), used, BigInt(amountMinor));
  const describe = `This would use ${percentText(usedBasisPoints)} of the ${programme.name} budget (${position.budget.amount} ${programme.currency}).`;
  if (!override.overridden) checkBudgetOverride(level, { role: actor.role, reason: override.reason }, describe);
  const warning = level === 'ok' ? null : { code: 'BUDGET_WARNING' as const, message: describe, usedBasisPoints };
  return { level, warning };
}

/** The category a recipient falls in today, when the request does not say. */
export function defaultCategory(db: Db, personId: string): RecipientCategory {
  const person = getPersonRow(db, personId);
  if (person.politicalPrisoner || person.inDetention) return 'prisoner';
  const relativeOfPrisoner = db
    .select({ id: personRelations.id })
    .from(personRelations)
    .innerJoin(persons, eq(persons.id, personRelations.personId))
    .where(and(eq(personRelations.relativeId, personId), sql`(${persons.politicalPrisoner} = 1 OR ${persons.inDetention} = 1)`))
    .get();
  if (relativeOfPrisoner) return 'family';
  if (person.released) return 'former-prisoner';
  if (person.inExile) return 'exile';
  return 'other';
}

function checkLinks(db: Db, input: ParsedNewDisbursement) {
  if (input.caseId && !db.select({ id: cases.id }).from(cases).where(eq(cases.id, input.caseId)).get()) {
    throw new AppError('NOT_FOUND', `No case with id ${input.caseId}.`);
  }
  if (input.requestId) {
    const request = db.select().from(aidRequests).where(eq(aidRequests.id, input.requestId)).get();
    if (!request) throw new AppError('NOT_FOUND', `No aid request with id ${input.requestId}.`);
    if (request.personId !== input.recipientId) throw new AppError('VALIDATION', 'requestId: the request is for another person');
  }
}

/** Records a requested disbursement after every guard passed. All checks run before anything is written. */
export function requestDisbursement(db: Db, input: ParsedNewDisbursement, actor: Actor, windowDays: number): { row: DisbursementRow; warnings: Warning[] } {
  const programme = getProgrammeRow(db, input.programmeId);
  if (programme.originOffice !== null) throw new AppError('FORBIDDEN', 'Disbursements are recorded against this office’s own programmes.');
  if (input.currency !== programme.currency) {
    throw new AppError('CURRENCY_MISMATCH', `${programme.name} is budgeted in ${programme.currency}; this disbursement is in ${input.currency}. Record it in ${programme.currency}.`);
  }
  const amountMinor = parseAmount(input.amount, input.currency);
  const eligible = JSON.parse(programme.eligibleTypes) as string[];
  if (!eligible.includes(input.type)) throw new AppError('VALIDATION', `type: ${programme.name} does not pay for ${input.type} (it pays for ${eligible.join(', ')})`);
  if (input.date < programme.startsOn || input.date > programme.endsOn) {
    throw new AppError('VALIDATION', `date: ${input.date} is outside ${programme.name} (${programme.startsOn} to ${programme.endsOn})`);
  }
  const recipient = getPersonRow(db, input.recipientId);
  checkLinks(db, input);
  const key = purposeKey(input.purpose);
  const duplicates = findDuplicates(db, { recipientId: recipient.id, type: input.type, purposeKey: key, date: input.date }, windowDays);
  if (duplicates.length > 0 && !input.confirmDuplicate) throw new AppError('DUPLICATE_PAYMENT', describeDuplicates(duplicates));
  const budget = guardBudget(db, programme, amountMinor, actor, { reason: input.budgetOverride, overridden: false });
  const overridden = budget.level === 'block';
  const row: DisbursementRow = {
    id: uuidv7(),
    recipientId: recipient.id,
    programmeId: programme.id,
    caseId: input.caseId,
    requestId: input.requestId,
    amountMinor,
    currency: input.currency,
    type: input.type,
    method: input.method,
    purpose: input.purpose,
    purposeKey: key,
    date: input.date,
    status: 'requested',
    recipientRegion: recipient.region ?? 'unknown',
    recipientCategory: input.recipientCategory ?? defaultCategory(db, recipient.id),
    requestedBy: actor.id,
    requestedAt: actor.at,
    approvedBy: null,
    approvedAt: null,
    paidBy: null,
    paidAt: null,
    paymentReference: '',
    statusReason: '',
    reversesId: null,
    duplicateReason: duplicates.length > 0 ? (input.confirmDuplicate ?? '') : '',
    duplicateConfirmedBy: duplicates.length > 0 ? actor.id : null,
    budgetOverrideReason: overridden ? (input.budgetOverride ?? '') : '',
    budgetOverrideBy: overridden ? actor.id : null,
    originOffice: null,
    createdAt: actor.at,
    updatedAt: actor.at,
  };
  db.insert(aidDisbursements).values(row).run();
  recordChanges(
    db,
    'disbursement',
    row.id,
    null,
    {
      status: 'requested',
      created: { recipientId: row.recipientId, programmeId: row.programmeId, amount: formatMinor(amountMinor, row.currency), currency: row.currency, type: row.type, method: row.method, date: row.date, purpose: row.purpose },
      ...(row.duplicateReason ? { duplicateConfirmed: { reason: row.duplicateReason, similar: duplicates.map((d) => d.id) } } : {}),
      ...(row.budgetOverrideReason ? { budgetOverride: row.budgetOverrideReason } : {}),
    },
    actor,
  );
  return { row, warnings: budget.warning ? [budget.warning] : [] };
}

function setStatus(db: Db, row: DisbursementRow, to: DisbursementStatus, fields: Partial<DisbursementRow>, history: Record<string, unknown>, actor: Actor): DisbursementRow {
  checkTransition(row.status, to);
  if (row.originOffice !== null) throw new AppError('FORBIDDEN', 'A partner office’s disbursement is changed by that office.');
  const next = { ...row, ...fields, status: to, updatedAt: actor.at };
  const before: Record<string, unknown> = { status: row.status };
  for (const key of Object.keys(history)) before[key] = null;
  db.update(aidDisbursements).set({ ...fields, status: to, updatedAt: actor.at }).where(and(eq(aidDisbursements.id, row.id), eq(aidDisbursements.status, row.status))).run();
  recordChanges(db, 'disbursement', row.id, before, { status: to, ...history }, actor);
  return next;
}

function requireLedgerRole(actor: Actor, what: string) {
  if (!(ledgerRoles as readonly Role[]).includes(actor.role)) throw new AppError('FORBIDDEN', `The ${actor.role} role may not ${what} disbursements.`);
}

export function approveDisbursement(db: Db, id: string, input: { confirmDuplicate?: string | undefined; budgetOverride?: string | undefined }, actor: Actor, windowDays: number): { row: DisbursementRow; warnings: Warning[] } {
  const row = getDisbursementRow(db, id);
  checkTransition(row.status, 'approved');
  if (!row.programmeId) throw new AppError('FORBIDDEN', 'A partner office’s disbursement is approved by that office.');
  const programme = getProgrammeRow(db, row.programmeId);
  checkApprover({ amountMinor: row.amountMinor, thresholdMinor: programme.fourEyesThresholdMinor, currency: row.currency, requesterId: row.requestedBy, approver: actor });
  // Partner offices' payments may have arrived since the request: look again. This office's later requests were
  // checked against this one when they were made, so only earlier ones (and partners' rows) count here.
  const duplicates = findDuplicates(db, { id: row.id, recipientId: row.recipientId, type: row.type, purposeKey: row.purposeKey, date: row.date }, windowDays);
  const confirmedBefore = row.duplicateReason !== '';
  const unconfirmed = duplicates.filter((d) =>
    d.originOffice !== null ? !confirmedBefore || d.createdAt > row.createdAt : !confirmedBefore && d.createdAt < row.createdAt,
  );
  if (unconfirmed.length > 0 && !input.confirmDuplicate) throw new AppError('DUPLICATE_PAYMENT', describeDuplicates(unconfirmed));
  const overridden = row.budgetOverrideReason !== '';
  const { level, warning } = guardBudget(db, programme, row.amountMinor, actor, { reason: input.budgetOverride, overridden, exclude: row });
  const fields: Partial<DisbursementRow> = { approvedBy: actor.id, approvedAt: actor.at };
  const history: Record<string, unknown> = {};
  if (unconfirmed.length > 0 && input.confirmDuplicate) {
    fields.duplicateReason = input.confirmDuplicate;
    fields.duplicateConfirmedBy = actor.id;
    history.duplicateConfirmed = { reason: input.confirmDuplicate, similar: unconfirmed.map((d) => d.id) };
  }
  if (level === 'block' && !overridden && input.budgetOverride) {
    fields.budgetOverrideReason = input.budgetOverride;
    fields.budgetOverrideBy = actor.id;
    history.budgetOverride = input.budgetOverride;
  }
  return { row: setStatus(db, row, 'approved', fields, history, actor), warnings: warning ? [warning] : [] };
}

export function rejectDisbursement(db: Db, id: string, reason: string, actor: Actor): DisbursementRow {
  requireLedgerRole(actor, 'reject');
  const row = getDisbursementRow(db, id);
  return setStatus(db, row, 'rejected', { statusReason: reason }, { statusReason: reason }, actor);
}

/** The requester may withdraw their own request; coordinators and admins may cancel any unpaid one. */
export function cancelDisbursement(db: Db, id: string, reason: string, actor: Actor): DisbursementRow {
  const row = getDisbursementRow(db, id);
  if (row.requestedBy !== actor.id) requireLedgerRole(actor, 'cancel others’');
  return setStatus(db, row, 'cancelled', { statusReason: reason }, { statusReason: reason }, actor);
}

export function payDisbursement(db: Db, id: string, reference: string, actor: Actor): DisbursementRow {
  requireLedgerRole(actor, 'pay');
  const row = getDisbursementRow(db, id);
  return setStatus(db, row, 'paid', { paidBy: actor.id, paidAt: actor.at, paymentReference: reference }, { paymentReference: reference }, actor);
}

/** Corrects a paid disbursement with a new entry of the opposite amount, dated `date`, linked to it. */
export function reverseDisbursement(db: Db, id: string, reason: string, date: string, actor: Actor): DisbursementRow {
  requireLedgerRole(actor, 'reverse');
  const original = getDisbursementRow(db, id);
  if (original.status !== 'paid') throw new AppError('INVALID_TRANSITION', `Only a paid disbursement is reversed; this one is ${original.status}: cancel it instead.`);
  if (original.reversesId) throw new AppError('INVALID_TRANSITION', 'This entry is itself a reversal; record a new payment instead.');
  if (original.originOffice !== null) throw new AppError('FORBIDDEN', 'A partner office’s payment is reversed by that office.');
  if (db.select({ id: aidDisbursements.id }).from(aidDisbursements).where(eq(aidDisbursements.reversesId, id)).get()) {
    throw new AppError('INVALID_TRANSITION', 'This payment was already reversed.');
  }
  const row: DisbursementRow = {
    ...original,
    id: uuidv7(),
    amountMinor: -original.amountMinor,
    date,
    status: 'paid',
    requestedBy: actor.id,
    requestedAt: actor.at,
    approvedBy: actor.id,
    approvedAt: actor.at,
    paidBy: actor.id,
    paidAt: actor.at,
    paymentReference: original.paymentReference,
    statusReason: reason,
    reversesId: original.id,
    duplicateReason: '',
    duplicateConfirmedBy: null,
    budgetOverrideReason: '',
    budgetOverrideBy: null,
    createdAt: actor.at,
    updatedAt: actor.at,
  };
  db.insert(aidDisbursements).values(row).run();
  recordChanges(db, 'disbursement', row.id, null, { status: 'paid', reverses: { id: original.id, amount: formatMinor(row.amountMinor, row.currency), reason } }, actor);
  recordChanges(db, 'disbursement', original.id, { reversedBy: null }, { reversedBy: { id: row.id, reason } }, actor);
  return row;
}

/** What the guards would say about a new disbursement, without deciding or writing anything. */
export function previewGuards(db: Db, input: ParsedNewDisbursement, windowDays: number): GuardReport {
  const programme = getProgrammeRow(db, input.programmeId);
  const amountMinor = input.currency === programme.currency ? parseAmount(input.amount, input.currency) : 0;
  const duplicates = findDuplicates(db, { recipientId: getPersonRow(db, input.recipientId).id, type: input.type, purposeKey: purposeKey(input.purpose), date: input.date }, windowDays);
  const position = budgetPosition(db, programme);
  const used = BigInt(position.spent.minor) + BigInt(position.committed.minor);
  const { level, usedBasisPoints } = budgetLevel(BigInt(programme.budgetMinor), used, BigInt(amountMinor));
  return { duplicates, budget: { level, usedBasisPoints, position }, needsSecondApprover: needsSecondApprover(amountMinor, programme.fourEyesThresholdMinor) };
}
