import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../backend';
import type { Input, Method } from '../../shared/api';
import { unlockVault } from '../../db/vault';
import { call } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs } from '../fixtures/data-dir';
import { aidOffice, disbursement, insertPartnerPayment, ledgerState, paid } from '../fixtures/aid';

afterEach(removeTempDirs);

/** A refused call: its code, its message, and the ledger exactly as before. */
async function refused<M extends Method>(backend: Backend, programmeId: string, method: M, input: Input<M>, code: string, message: RegExp) {
  const before = await ledgerState(backend, programmeId);
  const result = await backend.invoke(method, input);
  expect(result).toMatchObject({ ok: false, error: { code } });
  if (!result.ok) expect(result.error.message).toMatch(message);
  expect(await ledgerState(backend, programmeId)).toBe(before);
}

describe('four-eyes rule', () => {
  it('above the threshold only a coordinator other than the requester approves; admins do not count', async () => {
    const office = await aidOffice();
    const { backend, as, people, programmeId } = office;
    await as('Ales');
    const { disbursement: big } = await call(backend, 'aid.disbursements.create', disbursement(people.natallia, programmeId, { amount: '500.00', type: 'legal-fees', method: 'lawyer-payment' }));
    expect(big).toMatchObject({ status: 'requested', amountMinor: 50_000, amount: '500.00', needsSecondApprover: true, requestedBy: { name: 'Ales' } });
    await refused(backend, programmeId, 'aid.disbursements.approve', { id: big.id }, 'FOUR_EYES', /second person.*you requested this one/);
    await as('Nasta');
    await refused(backend, programmeId, 'aid.disbursements.approve', { id: big.id }, 'FOUR_EYES', /approved by a coordinator other than the requester/);
    await as('Kasia');
    await refused(backend, programmeId, 'aid.disbursements.approve', { id: big.id }, 'FORBIDDEN', /caseworker role may not call aid\.disbursements\.approve/);
    await as('Bazhena');
    const { disbursement: approved } = await call(backend, 'aid.disbursements.approve', { id: big.id });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: { name: 'Bazhena' } });
    const detail = await call(backend, 'aid.disbursements.get', { id: big.id });
    expect(detail.history.filter((h) => h.field === 'status').map((h) => [h.before, h.after, h.by?.name])).toEqual([
      [null, 'requested', 'Ales'],
      ['requested', 'approved', 'Bazhena'],
    ]);
  });

  it('at or below the threshold a coordinator or an admin may approve their own request', async () => {
    const { backend, as, people, programmeId } = await aidOffice();
    await as('Ales');
    const { disbursement: small } = await call(backend, 'aid.disbursements.create', disbursement(people.natallia, programmeId, { amount: '300.00' }));
    expect(small.needsSecondApprover).toBe(false);
    expect((await call(backend, 'aid.disbursements.approve', { id: small.id })).disbursement.status).toBe('approved');
    await as('Nasta');
    const { disbursement: mine } = await call(backend, 'aid.disbursements.create', disbursement(people.ihar, programmeId, { amount: '20.00', type: 'parcel', method: 'parcel', purpose: 'Parcel to the colony' }));
    expect((await call(backend, 'aid.disbursements.approve', { id: mine.id })).disbursement.approvedBy?.name).toBe('Nasta');
  });

  it('a threshold of zero puts every disbursement under four eyes', async () => {
    const { backend, as, people, programmeId } = await aidOffice({ fourEyesThreshold: '0' });
    await as('Bazhena');
    const { disbursement: d } = await call(backend, 'aid.disbursements.create', disbursement(people.maria, programmeId, { amount: '0.01' }));
    await refused(backend, programmeId, 'aid.disbursements.approve', { id: d.id }, 'FOUR_EYES', /you requested this one/);
  });
});

describe('role limits', () => {
  it('viewers only read; caseworkers request and withdraw their own, never approve, pay or reverse', async () => {
    const office = await aidOffice();
    const { backend, as, people, programmeId } = office;
    const paidId = await paid(office, disbursement(people.ihar, programmeId, { type: 'parcel', method: 'parcel', purpose: 'Parcel' }));
    await as('Vital');
    await refused(backend, programmeId, 'aid.disbursements.create', disbursement(people.natallia, programmeId), 'FORBIDDEN', /viewer role may not call aid\.disbursements\.create/);
    await refused(backend, programmeId, 'aid.programmes.create', { name: 'X', donor: 'Y', currency: 'EUR', budget: '1', startsOn: '2026-01-01', endsOn: '2026-02-01' }, 'FORBIDDEN', /viewer/);
    expect((await call(backend, 'aid.disbursements.list', {})).total).toBe(1);
    await as('Kasia');
    const { disbursement: own } = await call(backend, 'aid.disbursements.create', disbursement(people.natallia, programmeId));
    for (const [method, input] of [
      ['aid.disbursements.approve', { id: own.id }],
      ['aid.disbursements.pay', { id: own.id, reference: 'R1' }],
      ['aid.disbursements.reject', { id: own.id, reason: 'no' }],
      ['aid.disbursements.reverse', { id: paidId, reason: 'wrong family' }],
    ] as const) {
      await refused(backend, programmeId, method, input as never, 'FORBIDDEN', /caseworker role may not call/);
    }
    await as('Ales');
    const { disbursement: others } = await call(backend, 'aid.disbursements.create', disbursement(people.maria, programmeId));
    await as('Kasia');
    await refused(backend, programmeId, 'aid.disbursements.cancel', { id: others.id, reason: 'mine to cancel?' }, 'FORBIDDEN', /may not cancel others’ disbursements/);
    expect(await call(backend, 'aid.disbursements.cancel', { id: own.id, reason: 'family found other help' })).toMatchObject({ status: 'cancelled', statusReason: 'family found other help' });
  });
});

describe('duplicate-payment check', () => {
  it('blocks a second payment of the same type within the window until someone confirms with a reason', async () => {
    const office = await aidOffice();
    const { backend, as, people, programmeId } = office;
    const first = await paid(office, disbursement(people.natallia, programmeId));
    await as('Kasia');
    await refused(backend, programmeId, 'aid.disbursements.create', disbursement(people.natallia, programmeId, { date: '2026-03-20', purpose: 'Winter coat' }), 'DUPLICATE_PAYMENT', new RegExp(`2026-03-01 150\\.00 EUR cash-support \\(paid\\) ${first}`));
    // Same purpose, another type, counts too (case and punctuation aside).
    await refused(backend, programmeId, 'aid.disbursements.create', disbursement(people.natallia, programmeId, { date: '2026-02-15', type: 'rent', method: 'bank-transfer', purpose: 'monthly  SUPPORT!' }), 'DUPLICATE_PAYMENT', /similar payment/);
    // Another type and purpose, another person, or outside the 30-day window: no suspicion.
    await call(backend, 'aid.disbursements.create', disbursement(people.natallia, programmeId, { date: '2026-03-05', type: 'parcel', method: 'parcel', purpose: 'Parcel' }));
    await call(backend, 'aid.disbursements.create', disbursement(people.ihar, programmeId, { date: '2026-03-05' }));
    await call(backend, 'aid.disbursements.create', disbursement(people.natallia, programmeId, { date: '2026-04-01' }));
    const { disbursement: confirmed } = await call(backend, 'aid.disbursements.create', disbursement(people.natallia, programmeId, { date: '2026-03-10', confirmDuplicate: 'Second instalment agreed with the donor' }));
    expect(confirmed.duplicateReason).toBe('Second instalment agreed with the donor');
    const detail = await call(backend, 'aid.disbursements.get', { id: confirmed.id });
    expect(detail.history).toContainEqual(expect.objectContaining({ field: 'duplicateConfirmed', after: expect.objectContaining({ reason: 'Second instalment agreed with the donor', similar: expect.arrayContaining([first]) }) }));
    expect(detail.duplicates.map((d) => d.id)).toContain(first);
  });

  it('sees disbursements received from a partner office, at request and again at approval', async () => {
    const office = await aidOffice();
    const { dir, backend, as, people, programmeId } = office;
    const partnerRow = await insertPartnerPayment(dir, backend, { recipientId: people.maria, date: '2026-05-02' });
    await as('Kasia');
    const listed = await call(backend, 'aid.disbursements.list', { filter: { origin: 'partner' } });
    expect(listed.rows).toEqual([expect.objectContaining({ id: partnerRow, originOffice: 'Partner office (Warsaw)', programme: null, status: 'paid' })]);
    await refused(backend, programmeId, 'aid.disbursements.create', disbursement(people.maria, programmeId, { date: '2026-05-10' }), 'DUPLICATE_PAYMENT', /\(paid, from Partner office \(Warsaw\)\)/);

    // A request made before the partner's payment arrived is caught when it is approved.
    const { disbursement: pending } = await call(backend, 'aid.disbursements.create', disbursement(people.ihar, programmeId, { date: '2026-06-10' }));
    await insertPartnerPayment(dir, backend, { recipientId: people.ihar, date: '2026-06-08', type: 'parcel', purpose: 'Monthly support' });
    await as('Bazhena');
    await refused(backend, programmeId, 'aid.disbursements.approve', { id: pending.id }, 'DUPLICATE_PAYMENT', /from Partner office/);
    const { disbursement: approved } = await call(backend, 'aid.disbursements.approve', { id: pending.id, confirmDuplicate: 'Partner paid rent, we pay food' });
    expect(approved).toMatchObject({ status: 'approved', duplicateReason: 'Partner paid rent, we pay food' });
    // The partner's row never counts against this office's budget or reports.
    expect((await call(backend, 'aid.programmes.get', { id: programmeId })).position.spent.minor).toBe('0');
    expect((await call(backend, 'aid.report', { groupBy: 'type' })).totals).toEqual([]);
  });

  it('looks across a merged duplicate group: a family recorded twice is still paid once', async () => {
    const office = await aidOffice();
    const { backend, as, people, programmeId } = office;
    const first = await paid(office, disbursement(people.natallia, programmeId));
    await as('Ales');
    await call(backend, 'persons.merge', { a: people.natallia, b: people.ihar });
    await as('Kasia');
    await refused(backend, programmeId, 'aid.disbursements.create', disbursement(people.ihar, programmeId, { date: '2026-03-12' }), 'DUPLICATE_PAYMENT', new RegExp(`2026-03-01 150\\.00 EUR cash-support \\(paid\\) ${first}`));
    // Either record's aid history shows the whole group's payments.
    expect((await call(backend, 'aid.disbursements.list', { filter: { recipientId: people.ihar } })).rows.map((r) => r.id)).toEqual([first]);
    await as('Ales');
    await call(backend, 'persons.unmerge', { a: people.natallia, b: people.ihar });
    await as('Kasia');
    await call(backend, 'aid.disbursements.create', disbursement(people.ihar, programmeId, { date: '2026-03-12' }));
    expect((await call(backend, 'aid.disbursements.list', { filter: { recipientId: people.natallia } })).rows.map((r) => r.id)).toEqual([first]);
  });

  it('ignores rejected, cancelled and reversed payments, and the configured window applies', async () => {
    const office = await aidOffice();
    const { backend, as, people, programmeId } = office;
    const first = await paid(office, disbursement(people.natallia, programmeId));
    await as('Ales');
    await call(backend, 'aid.disbursements.reverse', { id: first, reason: 'Paid to the wrong account' });
    const { disbursement: again } = await call(backend, 'aid.disbursements.create', disbursement(people.natallia, programmeId, { date: '2026-03-02' }));
    await call(backend, 'aid.disbursements.reject', { id: again.id, reason: 'Not eligible' });
    await call(backend, 'aid.disbursements.create', disbursement(people.natallia, programmeId, { date: '2026-03-03' }));
    await as('Nasta');
    await call(backend, 'aid.settings.update', { duplicateWindowDays: 90 });
    await refused(backend, programmeId, 'aid.disbursements.create', disbursement(people.natallia, programmeId, { date: '2026-05-20' }), 'DUPLICATE_PAYMENT', /2026-03-03/);
  });
});

describe('budget check', () => {
  it('warns from 90 %, blocks above 100 % unless an admin overrides with a reason', async () => {
    const office = await aidOffice({ fourEyesThreshold: '1000.00' });
    const { backend, as, people, programmeId } = office;
    await paid(office, disbursement(people.natallia, programmeId, { amount: '850.00' }));
    await as('Ales');
    const { warnings } = await call(backend, 'aid.disbursements.create', disbursement(people.ihar, programmeId, { amount: '60.00' }));
    expect(warnings).toEqual([expect.objectContaining({ code: 'BUDGET_WARNING', usedBasisPoints: 9100 })]);
    expect(warnings[0]!.message).toMatch(/91\.00 % of the Families of political prisoners 2026 budget \(1000\.00 EUR\)/);
    // Requested money is not yet committed: the budget counts paid and approved.
    await refused(backend, programmeId, 'aid.disbursements.create', disbursement(people.maria, programmeId, { amount: '150.01' }), 'BUDGET_EXCEEDED', /100\.00 %.*An admin may override with a reason/);
    await refused(backend, programmeId, 'aid.disbursements.create', disbursement(people.maria, programmeId, { amount: '200.00', budgetOverride: 'Emergency' }), 'BUDGET_EXCEEDED', /Only an admin may override/);
    const exactly = await call(backend, 'aid.disbursements.create', disbursement(people.maria, programmeId, { amount: '150.00', type: 'medical', method: 'bank-transfer', purpose: 'Medicine' }));
    expect(exactly.warnings[0]?.usedBasisPoints).toBe(10_000);
    await as('Nasta');
    const { disbursement: over } = await call(backend, 'aid.disbursements.create', disbursement(people.maria, programmeId, { amount: '200.00', type: 'travel', purpose: 'Visit in the colony', budgetOverride: 'Emergency agreed with the donor by phone' }));
    expect(over.budgetOverrideReason).toBe('Emergency agreed with the donor by phone');
    // The override travels with the disbursement: a coordinator may approve it.
    await as('Bazhena');
    await call(backend, 'aid.disbursements.approve', { id: over.id });
    // Another one beyond the budget, requested within it, is blocked at approval.
    await refused(backend, programmeId, 'aid.disbursements.approve', { id: exactly.disbursement.id }, 'BUDGET_EXCEEDED', /Only an admin|An admin may override/);
    const position = (await call(backend, 'aid.programmes.get', { id: programmeId })).position;
    expect(position).toMatchObject({ spent: { amount: '850.00' }, committed: { amount: '200.00' }, remaining: { amount: '-50.00' }, usedBasisPoints: 10_500 });
  });
});

describe('ledger: reversal and immutability', () => {
  it('corrects a paid disbursement with a linked reversing entry; the paid entry never changes', async () => {
    const office = await aidOffice();
    const { backend, as, people, programmeId } = office;
    const id = await paid(office, disbursement(people.natallia, programmeId, { amount: '120.00' }));
    await as('Ales');
    const before = await call(backend, 'aid.disbursements.get', { id });
    await refused(backend, programmeId, 'aid.disbursements.pay', { id, reference: 'again' }, 'LEDGER_IMMUTABLE', /is paid: it can no longer change/);
    await refused(backend, programmeId, 'aid.disbursements.cancel', { id, reason: 'oops' }, 'LEDGER_IMMUTABLE', /Record a reversal/);
    const reversal = await call(backend, 'aid.disbursements.reverse', { id, reason: 'Bank returned the transfer', date: '2026-03-04' });
    expect(reversal).toMatchObject({ amountMinor: -12_000, amount: '-120.00', status: 'paid', reversesId: id, statusReason: 'Bank returned the transfer', date: '2026-03-04' });
    const after = await call(backend, 'aid.disbursements.get', { id });
    expect({ ...after, reversedById: null, history: [], updatedAt: '' }).toEqual({ ...before, reversedById: null, history: [], updatedAt: '' });
    expect(after.reversedById).toBe(reversal.id);
    expect(after.updatedAt).toBe(before.updatedAt);
    await refused(backend, programmeId, 'aid.disbursements.reverse', { id, reason: 'twice' }, 'INVALID_TRANSITION', /already reversed/);
    await refused(backend, programmeId, 'aid.disbursements.reverse', { id: reversal.id, reason: 'undo' }, 'INVALID_TRANSITION', /itself a reversal/);
    const { disbursement: requested } = await call(backend, 'aid.disbursements.create', disbursement(people.ihar, programmeId));
    await refused(backend, programmeId, 'aid.disbursements.reverse', { id: requested.id, reason: 'x' }, 'INVALID_TRANSITION', /cancel it instead/);
    await refused(backend, programmeId, 'aid.disbursements.pay', { id: requested.id, reference: 'R' }, 'INVALID_TRANSITION', /requested disbursement cannot become paid/);
    expect((await call(backend, 'aid.programmes.get', { id: programmeId })).position.spent.minor).toBe('0');
    const report = await call(backend, 'aid.report', { groupBy: 'month', programmeId });
    expect(report.rows).toEqual([expect.objectContaining({ key: '2026-03', netMinor: '0', payments: 0 })]);
  });

  it('refuses raw SQL that would change or delete a paid row, or skip a status', async () => {
    const office = await aidOffice();
    const { dir, backend, people, programmeId } = office;
    const id = await paid(office, disbursement(people.natallia, programmeId));
    await office.as('Ales');
    const { disbursement: approved } = await call(backend, 'aid.disbursements.create', disbursement(people.ihar, programmeId, { amount: '10.00' }));
    await call(backend, 'aid.disbursements.approve', { id: approved.id });
    await call(backend, 'vault.lock', {});
    const vault = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
    try {
      const row = () => vault.sqlite.prepare('SELECT * FROM aid_disbursements WHERE id = ?').get(id);
      const before = row();
      expect(() => vault.sqlite.prepare('UPDATE aid_disbursements SET amount_minor = 1 WHERE id = ?').run(id)).toThrow(/LEDGER_IMMUTABLE/);
      expect(() => vault.sqlite.prepare("UPDATE aid_disbursements SET payment_reference = 'forged' WHERE id = ?").run(id)).toThrow(/LEDGER_IMMUTABLE/);
      expect(() => vault.sqlite.prepare("UPDATE aid_disbursements SET status = 'cancelled' WHERE id = ?").run(id)).toThrow(/LEDGER_IMMUTABLE/);
      expect(() => vault.sqlite.prepare('DELETE FROM aid_disbursements WHERE id = ?').run(id)).toThrow(/LEDGER_IMMUTABLE/);
      expect(() => vault.sqlite.prepare('DELETE FROM aid_disbursements').run()).toThrow(/LEDGER_IMMUTABLE/);
      expect(() => vault.sqlite.prepare("UPDATE aid_disbursements SET status = 'requested' WHERE id = ?").run(approved.id)).toThrow(/INVALID_TRANSITION/);
      expect(() => vault.sqlite.prepare('UPDATE aid_disbursements SET amount_minor = 999999 WHERE id = ?').run(approved.id)).toThrow(/LEDGER_IMMUTABLE/);
      expect(() =>
        vault.sqlite.prepare("INSERT INTO aid_disbursements SELECT * FROM aid_disbursements WHERE id = ?").run(id),
      ).toThrow(/UNIQUE|constraint/i);
      expect(() =>
        vault.sqlite
          .prepare("INSERT INTO aid_disbursements (id, recipient_id, programme_id, amount_minor, currency, type, method, date, status, recipient_region, recipient_category, requested_at, reverses_id, created_at, updated_at) VALUES ('01900000-0000-7000-8000-00000000abcd', ?, ?, -99, 'EUR', 'cash-support', 'cash', '2026-03-02', 'paid', 'minsk', 'family', 'x', ?, 'x', 'x')")
          .run(people.natallia, programmeId, id),
      ).toThrow(/INVALID_TRANSITION: a reversal must negate/);
      expect(row()).toEqual(before);
      expect(vault.sqlite.prepare('SELECT count(*) AS n FROM aid_disbursements').get()).toEqual({ n: 2 });
    } finally {
      vault.close();
    }
  });
});

describe('bad inputs', () => {
  it('answers every bad amount, currency, date or link with its code and writes nothing', async () => {
    const { backend, as, people, programmeId } = await aidOffice();
    await as('Ales');
    const d = (extra: Record<string, unknown>) => disbursement(people.natallia, programmeId, extra);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ amount: '150.005' }, 'INVALID_AMOUNT', /EUR has 2 decimals: "150\.005" has 3/],
      [{ amount: '1,5e2' }, 'INVALID_AMOUNT', /is not an amount/],
      [{ amount: '-5.00' }, 'INVALID_AMOUNT', /is not an amount/],
      [{ amount: '0.00' }, 'INVALID_AMOUNT', /more than zero/],
      [{ amount: '99999999999999999' }, 'INVALID_AMOUNT', /larger than any payment/],
      [{ amount: 150 }, 'VALIDATION', /amount: /],
      [{ currency: 'XYZ' }, 'VALIDATION', /currency: must be an ISO 4217 currency code/],
      [{ currency: 'USD' }, 'CURRENCY_MISMATCH', /budgeted in EUR; this disbursement is in USD/],
      [{ date: '2026-02-30' }, 'VALIDATION', /date: must be a date YYYY-MM-DD/],
      [{ date: '2027-01-05' }, 'VALIDATION', /date: 2027-01-05 is outside/],
      [{ type: 'bribe' }, 'VALIDATION', /type: /],
      [{ recipientId: '01900000-0000-7000-8000-0000000000ff' }, 'NOT_FOUND', /No person with id/],
      [{ caseId: '01900000-0000-7000-8000-0000000000ff' }, 'NOT_FOUND', /No case with id/],
      [{ programmeId: '01900000-0000-7000-8000-0000000000ff' }, 'NOT_FOUND', /No programme with id/],
    ];
    for (const [extra, code, message] of cases) await refused(backend, programmeId, 'aid.disbursements.create', d(extra) as never, code, message);
    const { id: jpy } = await call(backend, 'aid.programmes.create', { name: 'Tokyo fund', donor: 'Tokyo donor', currency: 'jpy', budget: '100000', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    await refused(backend, programmeId, 'aid.disbursements.create', disbursement(people.natallia, jpy, { currency: 'JPY', amount: '1500.5' }), 'INVALID_AMOUNT', /JPY has no minor unit/);
    const yen = await call(backend, 'aid.disbursements.create', disbursement(people.natallia, jpy, { currency: 'JPY', amount: '1500' }));
    expect(yen.disbursement).toMatchObject({ amountMinor: 1500, amount: '1500', currency: 'JPY' });
    await refused(backend, programmeId, 'aid.programmes.create', { name: 'families of political prisoners 2026', donor: 'X', currency: 'EUR', budget: '5', startsOn: '2026-01-01', endsOn: '2026-02-01' }, 'CONFLICT', /already exists/);
    await refused(backend, programmeId, 'aid.programmes.create', { name: 'Z', donor: 'X', currency: 'EUR', budget: '5', startsOn: '2026-03-01', endsOn: '2026-02-01' }, 'VALIDATION', /endsOn: must not be before the start/);
  });
});

describe('persistence and reports', () => {
  it('keeps the ledger across a lock and reopen; reports agree with a full scan of the ledger', async () => {
    const office = await aidOffice({ budget: '100000.00' });
    const { dir, backend, as, people, programmeId } = office;
    const a = await paid(office, disbursement(people.natallia, programmeId, { amount: '150.00', date: '2026-01-15' }));
    await paid(office, disbursement(people.ihar, programmeId, { amount: '99.99', type: 'parcel', method: 'parcel', purpose: 'Parcel', date: '2026-02-03' }));
    await paid(office, disbursement(people.maria, programmeId, { amount: '410.50', type: 'legal-fees', method: 'lawyer-payment', purpose: 'Lawyer', date: '2026-02-20' }));
    await as('Ales');
    await call(backend, 'aid.disbursements.reverse', { id: a, reason: 'Duplicate transfer', date: '2026-03-01' });
    await call(backend, 'aid.disbursements.create', disbursement(people.natallia, programmeId, { amount: '70.00', type: 'medical', purpose: 'Insulin', date: '2026-03-10' }));
    await call(backend, 'vault.lock', {});
    await call(backend, 'vault.unlock', { passphrase: PASSPHRASE });
    const byMonth = await call(backend, 'aid.report', { groupBy: 'month', programmeId });
    expect(byMonth.rows.map((r) => [r.key, r.amount, r.payments])).toEqual([
      ['2026-01', '150.00', 1],
      ['2026-02', '510.49', 2],
      ['2026-03', '-150.00', -1],
    ]);
    expect(byMonth.totals).toEqual([{ currency: 'EUR', minor: '51049', amount: '510.49' }]);
    const byRegion = await call(backend, 'aid.report', { groupBy: 'region', from: '2026-02-01', to: '2026-02-28' });
    expect(byRegion.rows.map((r) => [r.key, r.amount])).toEqual([
      ['brest', '99.99'],
      ['gomel', '410.50'],
    ]);
    const converted = await call(backend, 'aid.report', { groupBy: 'type', convert: { to: 'BYN', rates: { EUR: '3.4521' } } });
    // 510.49 EUR × 3.4521 = 1762.2625… BYN, rounded half-even once.
    expect(converted.converted).toMatchObject({ to: 'BYN', parts: [{ currency: 'EUR', rate: '3.4521', amount: '1762.26' }], total: { amount: '1762.26', currency: 'BYN' } });
    expect((await backend.invoke('aid.report', { convert: { to: 'USD', rates: {} } })).ok).toBe(false);
    await call(backend, 'vault.lock', {});
    const vault = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
    try {
      const { buildReport, reportFromLedger, rebuildLedgerTotals } = await import('../../db/repositories/aid-reports');
      for (const groupBy of ['programme', 'month', 'region', 'type', 'category'] as const) {
        for (const range of [{}, { from: '2026-02-01' }, { to: '2026-02-03' }, { programmeId }]) {
          expect(buildReport(vault.orm, { groupBy, ...range })).toEqual(reportFromLedger(vault.orm, { groupBy, ...range }));
        }
      }
      const before = buildReport(vault.orm, { groupBy: 'category' });
      vault.orm.transaction((tx) => rebuildLedgerTotals(tx));
      expect(buildReport(vault.orm, { groupBy: 'category' })).toEqual(before);
    } finally {
      vault.close();
    }
  });
});

describe('aid requests and receipts', () => {
  it('links a disbursement to the family’s request, and keeps receipts with their intake hash, also after payment', async () => {
    const office = await aidOffice();
    const { backend, as, people, programmeId } = office;
    await as('Kasia');
    const { id: requestId } = await call(backend, 'aid.requests.create', { personId: people.natallia, type: 'legal-fees', amount: '400', currency: 'EUR', description: 'Lawyer for the appeal hearing' });
    expect(await call(backend, 'aid.requests.list', { personId: people.natallia })).toEqual([
      expect.objectContaining({ id: requestId, status: 'open', amount: '400.00', createdBy: expect.objectContaining({ name: 'Kasia' }) }),
    ]);
    await refused(backend, programmeId, 'aid.disbursements.create', disbursement(people.ihar, programmeId, { requestId }), 'VALIDATION', /requestId: the request is for another person/);
    const id = await paid(office, disbursement(people.natallia, programmeId, { requestId, amount: '250.00', type: 'legal-fees', method: 'lawyer-payment' }), 'Kasia');
    await as('Kasia');
    await call(backend, 'aid.requests.setStatus', { id: requestId, status: 'granted' });
    expect(await backend.invoke('aid.requests.setStatus', { id: requestId, status: 'declined' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    const bytes = Buffer.from('Receipt: 250.00 EUR to advocate Ivanova, 2026-03-01');
    const receipt = await call(backend, 'aid.receipts.add', { disbursementId: id, fileName: 'receipt.txt', mediaType: 'text/plain', dataBase64: bytes.toString('base64') });
    expect(receipt).toMatchObject({ fileName: 'receipt.txt', size: bytes.length, createdBy: { name: 'Kasia' } });
    const back = await call(backend, 'aid.receipts.get', { id: receipt.id });
    expect(Buffer.from(back.dataBase64, 'base64')).toEqual(bytes);
    const detail = await call(backend, 'aid.disbursements.get', { id });
    expect(detail).toMatchObject({ status: 'paid', requestId, receipts: [expect.objectContaining({ id: receipt.id, sha256: back.meta.sha256 })] });
    expect((await call(backend, 'aid.disbursements.list', { filter: { recipientId: people.natallia } })).rows.map((r) => r.id)).toEqual([id]);
  });

  it('refuses a receipt whose bytes changed inside the vault, and an unknown one, by code and message', async () => {
    const office = await aidOffice();
    const { dir, backend, as, people, programmeId } = office;
    const id = await paid(office, disbursement(people.natallia, programmeId), 'Kasia');
    await as('Kasia');
    const receipt = await call(backend, 'aid.receipts.add', { disbursementId: id, fileName: 'receipt.txt', mediaType: 'text/plain', dataBase64: Buffer.from('Receipt: 150.00 EUR').toString('base64') });
    await call(backend, 'vault.lock', {});
    const vault = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
    try {
      // Receipts are append-only, so only damage beneath the app's own rules can change their bytes.
      vault.sqlite.exec('DROP TRIGGER aid_receipts_no_update');
      vault.sqlite.prepare('UPDATE aid_receipts SET data = ? WHERE id = ?').run(Buffer.from('Receipt: 950.00 EUR'), receipt.id);
    } finally {
      vault.close();
    }
    await as('Kasia');
    expect(await backend.invoke('aid.receipts.get', { id: receipt.id })).toEqual({ ok: false, error: { code: 'VAULT_DAMAGED', message: 'Receipt receipt.txt no longer matches its intake hash.' } });
    const unknown = '01900000-0000-7000-8000-000000000000';
    expect(await backend.invoke('aid.receipts.get', { id: unknown })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `No receipt with id ${unknown}.` } });
    expect((await call(backend, 'aid.disbursements.get', { id })).receipts).toEqual([expect.objectContaining({ id: receipt.id, sha256: receipt.sha256 })]);
  });
});
