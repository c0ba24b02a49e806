import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import {
  budgetLevel,
  checkApprover,
  checkBudgetOverride,
  checkTransition,
  daysApart,
  isSuspectedDuplicate,
  purposeKey,
  shiftDay,
  statusTransitions,
  type LedgerEntryForCheck,
} from '../../shared/domain/aid-guards';
import { disbursementStatuses } from '../../shared/domain/aid';

const outcome = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
};

describe('four-eyes', () => {
  const base = { amountMinor: 50_000, thresholdMinor: 30_000, currency: 'EUR', requesterId: 'ales' };
  it('above the threshold: another coordinator yes; the requester, an admin or a caseworker no', () => {
    expect(outcome(() => checkApprover({ ...base, approver: { id: 'bazhena', role: 'coordinator' } }))).toBe('ok');
    expect(outcome(() => checkApprover({ ...base, approver: { id: 'ales', role: 'coordinator' } }))).toBe('FOUR_EYES');
    expect(outcome(() => checkApprover({ ...base, approver: { id: 'nasta', role: 'admin' } }))).toBe('FOUR_EYES');
    expect(outcome(() => checkApprover({ ...base, approver: { id: 'kasia', role: 'caseworker' } }))).toBe('FORBIDDEN');
    expect(outcome(() => checkApprover({ ...base, approver: { id: 'vital', role: 'viewer' } }))).toBe('FORBIDDEN');
  });

  it('at the threshold and below: any coordinator or admin, the requester included', () => {
    for (const amountMinor of [30_000, 1]) {
      expect(outcome(() => checkApprover({ ...base, amountMinor, approver: { id: 'ales', role: 'coordinator' } }))).toBe('ok');
      expect(outcome(() => checkApprover({ ...base, amountMinor, requesterId: 'nasta', approver: { id: 'nasta', role: 'admin' } }))).toBe('ok');
      expect(outcome(() => checkApprover({ ...base, amountMinor, approver: { id: 'kasia', role: 'caseworker' } }))).toBe('FORBIDDEN');
    }
  });

  it('never lets the requester approve above the threshold, whatever the amounts and roles (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), fc.constantFrom('admin', 'coordinator', 'caseworker', 'viewer' as const), (amountMinor, thresholdMinor, role) => {
        const result = outcome(() => checkApprover({ amountMinor, thresholdMinor, currency: 'EUR', requesterId: 'me', approver: { id: 'me', role } }));
        if (amountMinor > thresholdMinor || role === 'caseworker' || role === 'viewer') expect(result).not.toBe('ok');
      }),
    );
  });
});

describe('budget', () => {
  it('is ok below 90 %, warns from 90 % to 100 % inclusive, blocks above', () => {
    expect(budgetLevel(100_000n, 0n, 89_999n).level).toBe('ok');
    expect(budgetLevel(100_000n, 80_000n, 10_000n)).toEqual({ level: 'warn', usedBasisPoints: 9000 });
    expect(budgetLevel(100_000n, 99_999n, 1n)).toEqual({ level: 'warn', usedBasisPoints: 10_000 });
    expect(budgetLevel(100_000n, 100_000n, 1n)).toEqual({ level: 'block', usedBasisPoints: 10_000 });
    expect(budgetLevel(100_000n, 150_000n, 1n).level).toBe('block');
  });

  it('lets only an admin with a reason go above 100 %', () => {
    expect(outcome(() => checkBudgetOverride('block', { role: 'admin', reason: 'agreed with donor' }, 'Over.'))).toBe('ok');
    expect(outcome(() => checkBudgetOverride('block', { role: 'admin' }, 'Over.'))).toBe('BUDGET_EXCEEDED');
    expect(outcome(() => checkBudgetOverride('block', { role: 'coordinator', reason: 'please' }, 'Over.'))).toBe('BUDGET_EXCEEDED');
    expect(outcome(() => checkBudgetOverride('warn', { role: 'caseworker' }, 'Near.'))).toBe('ok');
  });

  it('blocks exactly when the new total exceeds the budget (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 13n }), (budget, used, amount) => {
        const { level } = budgetLevel(budget, used, amount);
        expect(level === 'block').toBe(used + amount > budget);
        if (level === 'ok') expect((used + amount) * 10n < budget * 9n).toBe(true);
      }),
    );
  });
});

describe('duplicates', () => {
  const other = (extra: Partial<LedgerEntryForCheck> = {}): LedgerEntryForCheck => ({
    id: 'other',
    type: 'cash-support',
    purposeKey: purposeKey('Monthly support'),
    date: '2026-03-01',
    status: 'paid',
    reversed: false,
    reversal: false,
    ...extra,
  });
  const candidate = { type: 'cash-support' as const, purposeKey: purposeKey('Winter coat'), date: '2026-03-20' };

  it('matches the same type or the same purpose within the window, live entries only', () => {
    expect(isSuspectedDuplicate(candidate, other(), 30)).toBe(true);
    expect(isSuspectedDuplicate(candidate, other(), 18)).toBe(false);
    expect(isSuspectedDuplicate(candidate, other(), 19)).toBe(true);
    expect(isSuspectedDuplicate({ ...candidate, type: 'rent', purposeKey: purposeKey('MONTHLY support.') }, other(), 30)).toBe(true);
    expect(isSuspectedDuplicate({ ...candidate, type: 'rent' }, other(), 30)).toBe(false);
    expect(isSuspectedDuplicate({ ...candidate, type: 'rent', purposeKey: '' }, other({ purposeKey: '' }), 30)).toBe(false);
    for (const status of ['rejected', 'cancelled'] as const) expect(isSuspectedDuplicate(candidate, other({ status }), 30)).toBe(false);
    for (const status of ['requested', 'approved'] as const) expect(isSuspectedDuplicate(candidate, other({ status }), 30)).toBe(true);
    expect(isSuspectedDuplicate(candidate, other({ reversed: true }), 30)).toBe(false);
    expect(isSuspectedDuplicate(candidate, other({ reversal: true }), 30)).toBe(false);
    expect(isSuspectedDuplicate({ ...candidate, id: 'other' }, other(), 30)).toBe(false);
  });

  it('folds case, spacing, punctuation and ё in purposes', () => {
    expect(purposeKey('  Перадача  ў калонію — 2! ')).toBe('перадача ў калонію 2');
    expect(purposeKey('Передача, ёлка')).toBe(purposeKey('передача елка'));
  });

  it('counts days across months and years', () => {
    expect(daysApart('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysApart('2025-12-31', '2026-01-01')).toBe(1);
    expect(shiftDay('2026-03-01', -30)).toBe('2026-01-30');
    expect(shiftDay('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('status transitions', () => {
  it('follows requested → approved → paid, with rejected and cancelled before payment; paid is final', () => {
    expect(outcome(() => checkTransition('requested', 'approved'))).toBe('ok');
    expect(outcome(() => checkTransition('approved', 'paid'))).toBe('ok');
    expect(outcome(() => checkTransition('requested', 'paid'))).toBe('INVALID_TRANSITION');
    expect(outcome(() => checkTransition('approved', 'rejected'))).toBe('INVALID_TRANSITION');
    for (const to of disbursementStatuses) {
      expect(outcome(() => checkTransition('paid', to))).toBe('LEDGER_IMMUTABLE');
      expect(outcome(() => checkTransition('rejected', to))).toBe('INVALID_TRANSITION');
      expect(outcome(() => checkTransition('cancelled', to))).toBe('INVALID_TRANSITION');
    }
    expect(Object.values(statusTransitions).flat()).not.toContain('requested');
  });
});
