/**
 * The ledger's guards as pure functions: the repository feeds them what the database holds and throws what
 * they decide. Each takes its inputs as arguments so tests can try every case without a vault.
 */
import { AppError } from '../errors';
import type { AidType, DisbursementStatus } from './aid-vocabularies';
import { basisPoints, formatMinor } from './money';
import type { Role } from './staff';

/** Which status may follow which. Paid, rejected and cancelled are final; a paid entry is corrected by reversal. */
export const statusTransitions: Readonly<Record<DisbursementStatus, readonly DisbursementStatus[]>> = {
  requested: ['approved', 'rejected', 'cancelled'],
  approved: ['paid', 'cancelled'],
  paid: [],
  rejected: [],
  cancelled: [],
};

export function checkTransition(from: DisbursementStatus, to: DisbursementStatus): void {
  if (from === 'paid') throw new AppError('LEDGER_IMMUTABLE', 'This disbursement is paid: it can no longer change. Record a reversal to correct it.');
  if (!statusTransitions[from].includes(to)) throw new AppError('INVALID_TRANSITION', `A ${from} disbursement cannot become ${to}.`);
}

/** Roles that approve, pay, reject and reverse; caseworkers may only request. */
export const ledgerRoles = ['admin', 'coordinator'] as const satisfies readonly Role[];

export const needsSecondApprover = (amountMinor: number, thresholdMinor: number) => amountMinor > thresholdMinor;

/**
 * The four-eyes rule. Above the programme's threshold the approver must hold the coordinator role and must not
 * be the person who requested it. Admins do not count as the second pair of eyes: they control the accounts
 * (an admin can open a second account for themselves), so the check they would add is no check at all; their
 * part in the ledger is the budget override, which is a separate, recorded act. At or below the threshold a
 * coordinator or an admin may approve, their own requests included.
 */
export function checkApprover(input: { amountMinor: number; thresholdMinor: number; currency: string; requesterId: string | null; approver: { id: string; role: Role } }): void {
  const { approver } = input;
  if (!(ledgerRoles as readonly Role[]).includes(approver.role)) {
    throw new AppError('FORBIDDEN', `The ${approver.role} role may not approve disbursements.`);
  }
  if (!needsSecondApprover(input.amountMinor, input.thresholdMinor)) return;
  const limit = `${formatMinor(input.thresholdMinor, input.currency)} ${input.currency}`;
  if (approver.id === input.requesterId) {
    throw new AppError('FOUR_EYES', `Above ${limit} a disbursement needs a second person's approval: you requested this one.`);
  }
  if (approver.role !== 'coordinator') {
    throw new AppError('FOUR_EYES', `Above ${limit} a disbursement must be approved by a coordinator other than the requester.`);
  }
}

export const BUDGET_WARN_BASIS_POINTS = 9000;
export const BUDGET_FULL_BASIS_POINTS = 10_000;

export type BudgetLevel = 'ok' | 'warn' | 'block';

/** Where the budget would stand with `amountMinor` more used: warn from 90 %, block above 100 %. */
export function budgetLevel(budgetMinor: bigint, usedMinor: bigint, amountMinor: bigint): { level: BudgetLevel; usedBasisPoints: number } {
  const after = usedMinor + amountMinor;
  const usedBasisPoints = basisPoints(after, budgetMinor);
  if (after > budgetMinor) return { level: 'block', usedBasisPoints };
  if (usedBasisPoints >= BUDGET_WARN_BASIS_POINTS) return { level: 'warn', usedBasisPoints };
  return { level: 'ok', usedBasisPoints };
}

/** Above 100 % only an admin may go on, and only with a reason (recorded with the disbursement). */
export function checkBudgetOverride(level: BudgetLevel, override: { role: Role; reason?: string | undefined }, describe: string): void {
  if (level !== 'block') return;
  if (!override.reason) throw new AppError('BUDGET_EXCEEDED', `${describe} An admin may override with a reason.`);
  if (override.role !== 'admin') throw new AppError('BUDGET_EXCEEDED', `${describe} Only an admin may override the budget.`);
}

export const percentText = (bp: number) => `${(bp / 100).toFixed(2)} %`;

/** A purpose reduced to what makes two of them "the same": case, spacing and punctuation do not count. */
export function purposeKey(purpose: string): string {
  return purpose
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

export function daysApart(a: string, b: string): number {
  return Math.abs(dayNumber(a) - dayNumber(b));
}

/** The day `days` before or after `day`. */
export function shiftDay(day: string, days: number): string {
  return new Date((dayNumber(day) + days) * 86_400_000).toISOString().slice(0, 10);
}

export interface LedgerEntryForCheck {
  id: string;
  type: AidType;
  purposeKey: string;
  date: string;
  status: DisbursementStatus;
  reversed: boolean;
  reversal: boolean;
}

/** Statuses whose money is, or is about to be, out of the door. */
const liveStatuses: readonly DisbursementStatus[] = ['requested', 'approved', 'paid'];

/**
 * Another disbursement to the same recipient is a suspected duplicate when it is live (not rejected, cancelled or
 * reversed), within `windowDays` of this one, and of the same type or with the same non-empty purpose.
 */
export function isSuspectedDuplicate(candidate: { id?: string; type: AidType; purposeKey: string; date: string }, other: LedgerEntryForCheck, windowDays: number): boolean {
  if (other.id === candidate.id || other.reversal || other.reversed) return false;
  if (!liveStatuses.includes(other.status)) return false;
  if (daysApart(candidate.date, other.date) > windowDays) return false;
  return other.type === candidate.type || (candidate.purposeKey !== '' && other.purposeKey === candidate.purposeKey);
}
