import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../backend';
import type { Input, Method } from '../../shared/api';
import { call } from '../fixtures/backend';
import { removeTempDirs } from '../fixtures/data-dir';
import { aidOffice, disbursement, paid } from '../fixtures/aid';

afterEach(removeTempDirs);

const builtIn = ['Awaiting approval', 'Approved, not yet paid', 'From partner offices'];

/** Everything a refused call could have touched: the person's ledger views, case views and the audit log. */
async function viewState(backend: Backend) {
  const aid = await call(backend, 'aid.views.list', {});
  const cases = await call(backend, 'views.list', {});
  const audit = await call(backend, 'audit.list', { limit: 1000 });
  return JSON.stringify({ aid, cases, audit: audit.rows.map((r) => [r.seq, r.method]) });
}

async function refused<M extends Method>(backend: Backend, method: M, input: Input<M>, code: string, message: RegExp) {
  const before = await viewState(backend);
  const result = await backend.invoke(method, input);
  expect(result).toMatchObject({ ok: false, error: { code } });
  if (!result.ok) expect(result.error.message).toMatch(message);
  expect(await viewState(backend)).toBe(before);
}

/** Three disbursements in three states: requested (Natallia), approved (Ihar), paid (Maria). */
async function ledger() {
  const office = await aidOffice();
  const { backend, as, people, programmeId } = office;
  const paidId = await paid(office, disbursement(people.maria, programmeId, { amount: '80.00', date: '2026-02-10' }));
  await as('Ales');
  const { disbursement: requested } = await call(backend, 'aid.disbursements.create', disbursement(people.natallia, programmeId, { amount: '40.00', date: '2026-03-05' }));
  const { disbursement: approved } = await call(backend, 'aid.disbursements.create', disbursement(people.ihar, programmeId, { amount: '60.00', type: 'parcel', method: 'parcel', date: '2026-03-07' }));
  await call(backend, 'aid.disbursements.approve', { id: approved.id });
  return { ...office, rows: { requested: requested.id, approved: approved.id, paid: paidId } };
}

describe('saved ledger views', () => {
  it('saves the filter and sort, applies them, survives a lock and reopen, and deletes', async () => {
    const { backend, as, rows } = await ledger();
    await as('Bazhena');
    const names = async () => (await call(backend, 'aid.views.list', {})).map((v) => v.name);
    expect(await names()).toEqual(builtIn);

    const saved = await call(backend, 'aid.views.save', {
      name: '  Паскі і выплаты  ',
      filter: { status: ['approved', 'paid'] },
      sort: [{ field: 'amount', direction: 'desc' }],
    });
    expect(saved).toMatchObject({ name: 'Паскі і выплаты', builtIn: false, filter: { status: ['approved', 'paid'] }, sort: [{ field: 'amount', direction: 'desc' }] });
    expect(await names()).toEqual([...builtIn, 'Паскі і выплаты']);

    const view = (await call(backend, 'aid.views.list', {})).find((v) => v.id === saved.id)!;
    const page = await call(backend, 'aid.disbursements.list', { filter: view.filter, sort: view.sort });
    expect(page.rows.map((r) => r.id)).toEqual([rows.paid, rows.approved]);

    // The built-in views express what they say.
    const byBuiltIn = async (id: string) => {
      const v = (await call(backend, 'aid.views.list', {})).find((x) => x.id === id)!;
      return (await call(backend, 'aid.disbursements.list', { filter: v.filter, sort: v.sort })).rows.map((r) => r.id);
    };
    expect(await byBuiltIn('builtin:aid-awaiting-approval')).toEqual([rows.requested]);
    expect(await byBuiltIn('builtin:aid-approved-unpaid')).toEqual([rows.approved]);
    expect(await byBuiltIn('builtin:aid-from-partners')).toEqual([]);

    // Per person: Ales sees only the built-in ones.
    await as('Ales');
    expect(await names()).toEqual(builtIn);

    await as('Bazhena');
    expect((await call(backend, 'aid.views.list', {})).find((v) => v.id === saved.id)).toEqual(view);
    // Ledger views and case views are separate lists.
    expect((await call(backend, 'views.list', {})).map((v) => v.name)).toEqual(['Urgent & unassigned', 'My cases']);

    const audit = await call(backend, 'audit.list', { limit: 1000 });
    expect(audit.rows.filter((r) => r.method === 'aid.views.save')).toHaveLength(1);

    expect(await call(backend, 'aid.views.delete', { id: saved.id })).toEqual({ deleted: true });
    expect(await names()).toEqual(builtIn);
    await as('Bazhena');
    expect(await names()).toEqual(builtIn);
  });

  it('refuses bad names, duplicates and deleting views that are not one’s own, changing nothing', async () => {
    const { backend, as } = await ledger();
    await as('Ales');
    const alesView = await call(backend, 'aid.views.save', { name: 'Ales parcels', filter: { type: ['parcel'] } });
    await as('Bazhena');
    const mine = await call(backend, 'aid.views.save', { name: 'Paid in March', filter: { status: ['paid'], from: '2026-03-01', to: '2026-03-31' } });

    await refused(backend, 'aid.views.save', { name: '   ', filter: {} }, 'VALIDATION', /name: is required/);
    await refused(backend, 'aid.views.save', { name: 'x'.repeat(61), filter: {} }, 'VALIDATION', /name: must be at most 60 characters/);
    await refused(backend, 'aid.views.save', { name: 'paid in march', filter: {} }, 'CONFLICT', /already have a view called “paid in march”/);
    await refused(backend, 'aid.views.save', { name: 'Awaiting approval', filter: {} }, 'CONFLICT', /already have a view called/);
    await refused(backend, 'aid.views.save', { name: 'Bad status', filter: { status: ['lost' as 'paid'] } }, 'VALIDATION', /filter\.status/);
    await refused(backend, 'aid.views.delete', { id: alesView.id }, 'NOT_FOUND', /No such saved ledger view of yours/);
    await refused(backend, 'aid.views.delete', { id: '0190a6f0-0000-7000-8000-000000000000' }, 'NOT_FOUND', /No such saved ledger view of yours/);
    await refused(backend, 'aid.views.delete', { id: 'builtin:aid-awaiting-approval' }, 'VALIDATION', /id: must be a record id/);

    // A case view's id is not a ledger view, nor the other way round.
    const caseView = await call(backend, 'views.save', { name: 'Mine', filter: { assignee: 'me' } });
    await refused(backend, 'aid.views.delete', { id: caseView.id }, 'NOT_FOUND', /No such saved ledger view/);
    await refused(backend, 'views.delete', { id: mine.id }, 'NOT_FOUND', /No such saved view/);

    // Exactly 60 characters is accepted; the same name under another person is fine.
    expect((await call(backend, 'aid.views.save', { name: 'я'.repeat(60), filter: {} })).name).toHaveLength(60);
    expect((await call(backend, 'aid.views.save', { name: 'Ales parcels', filter: { type: ['parcel'] } })).name).toBe('Ales parcels');
  });
});
