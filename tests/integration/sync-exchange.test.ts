import { afterEach, describe, expect, it } from 'vitest';
import type { NewCase } from '../../shared/domain/cases';
import { call } from '../fixtures/backend';
import { removeTempDirs } from '../fixtures/data-dir';
import { exchange, exportFor, importInto, makePartners, opsOf, syncOffice, vaultState, withVault } from '../fixtures/sync';

afterEach(removeTempDirs);

const shared: NewCase = { title: 'Detention after the vigil', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent', violations: ['detention'], tags: ['vigil'], consentShare: true };

describe('exchanging bundles between two offices', () => {
  it('sends shared cases with their persons, never the rest, and applies them at the partner', async () => {
    const a = await syncOffice('Viasna');
    const b = await syncOffice('Zhodzina');
    await makePartners(a, b);
    const partners = await call(a.backend, 'partners.list', {});
    expect(partners).toEqual([expect.objectContaining({ name: 'Zhodzina', fingerprint: expect.stringMatching(/^\d{5}( \d{5}){5}$/), lastExport: null, lastImport: null })]);
    expect(partners[0]!.fingerprint).toBe((await call(b.backend, 'sync.identity', {})).fingerprint);

    const sharedCase = await call(a.backend, 'cases.create', shared);
    await call(a.backend, 'cases.addNote', { caseId: sharedCase.id, body: 'Staff note: call the lawyer' });
    await call(a.backend, 'cases.addSource', { caseId: sharedCase.id, name: 'Source Ivan', contact: '+375 29 000', notes: '' });
    const privateCase = await call(a.backend, 'cases.create', { title: 'Not consented', personName: 'Марфа Рабкова', region: 'minsk', priority: 'low' });

    const preview = await call(a.backend, 'sync.exportPreview', { partner: 'Zhodzina' });
    expect(preview.records).toMatchObject({ case: 1, person: 1, casePerson: 1, caseTag: 1, caseViolation: 1 });
    const bundle = await exportFor(a, b);
    expect(Buffer.from(bundle).subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    for (const secret of ['Source Ivan', 'Staff note', 'Бяляцкі', 'Detention']) expect(Buffer.from(bundle).includes(Buffer.from(secret))).toBe(false);

    const summary = await importInto(b, bundle);
    expect(summary).toMatchObject({ partner: { name: 'Viasna' }, applied: summary.ops, records: { case: { created: 1 }, person: { created: 1 } }, conflicts: [], warnings: [] });
    const received = await call(b.backend, 'cases.get', { id: sharedCase.id });
    expect(received).toMatchObject({ title: shared.title, personName: 'Алесь Бяляцкі', violations: ['detention'], tags: ['vigil'], notes: [], sources: [] });
    expect(received.reference).not.toBe('');
    // The local register numbers it; the recording office's reference stays with it.
    expect(await call(b.backend, 'sync.caseOrigin', { id: sharedCase.id })).toEqual({ origin: { office: 'Viasna', reference: sharedCase.reference } });
    expect(await call(a.backend, 'sync.caseOrigin', { id: sharedCase.id })).toEqual({ origin: null });
    expect((await call(b.backend, 'cases.list', { filter: { search: 'Bialiatski' } })).total).toBe(1);
    expect(await b.backend.invoke('cases.get', { id: privateCase.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const history = await call(b.backend, 'cases.history', { id: sharedCase.id });
    expect(history.some((h) => h.field === 'received' && h.after === 'Viasna')).toBe(true);

    // An edit there comes back here; the other office's references and staff stay its own.
    await call(b.backend, 'cases.update', { id: sharedCase.id, patch: { summary: 'Sentenced to 10 years', placeOfDetention: 'Penal colony No. 9' } });
    const back = await importInto(a, await exportFor(b, a));
    expect(back.records).toMatchObject({ case: { updated: 1 } });
    expect(await call(a.backend, 'cases.get', { id: sharedCase.id })).toMatchObject({ summary: 'Sentenced to 10 years', placeOfDetention: 'Penal colony No. 9', reference: sharedCase.reference });

    const list = await call(a.backend, 'partners.list', {});
    expect(list[0]).toMatchObject({ lastExport: { ops: expect.any(Number) }, lastImport: { ops: back.ops } });
  });

  // Byte-for-byte checks of every refusal, on one open connection, are in sync-tamper.test.ts.
  it('re-importing a bundle changes nothing: it is refused as a replay and every table is as it was', async () => {
    const a = await syncOffice('Viasna');
    const b = await syncOffice('Zhodzina');
    await makePartners(a, b);
    await call(a.backend, 'cases.create', shared);
    const bundle = await exportFor(a, b);
    await importInto(b, bundle);
    b.backend.lockNow('user');
    const before = await withVault(b.dir, vaultState);
    await b.unlock();
    expect(await b.backend.invoke('sync.import', { dataBase64: Buffer.from(bundle).toString('base64') })).toMatchObject({ ok: false, error: { code: 'BUNDLE_REPLAY' } });
    b.backend.lockNow('user');
    expect((await withVault(b.dir, vaultState)).tables).toEqual(before.tables);
  });

  it('keeps concurrent edits of a case as a conflict on both sides; the resolution syncs', async () => {
    const a = await syncOffice('Viasna');
    const b = await syncOffice('Zhodzina');
    await makePartners(a, b);
    const created = await call(a.backend, 'cases.create', shared);
    await exchange(a, b);
    await call(a.backend, 'cases.update', { id: created.id, patch: { title: 'Detained at Akrestsina' } });
    b.advance(5000);
    await call(b.backend, 'cases.update', { id: created.id, patch: { title: 'Detained at Okrestina' } });
    const atB = await importInto(b, await exportFor(a, b));
    expect(atB.conflicts).toEqual([expect.objectContaining({ entity: 'case', key: created.id, field: 'title' })]);
    await importInto(a, await exportFor(b, a));
    const conflicts = await call(a.backend, 'conflicts.list', {});
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.values.map((v) => [v.value, v.office])).toEqual([
      ['Detained at Okrestina', 'Zhodzina'],
      ['Detained at Akrestsina', 'Viasna'],
    ]);
    expect(conflicts[0]!.root.label).toMatch(/Detained at Okrestina/);
    await call(a.backend, 'conflicts.resolve', { id: conflicts[0]!.id, choice: 1 });
    expect(await call(a.backend, 'conflicts.list', {})).toEqual([]);
    expect((await call(a.backend, 'cases.get', { id: created.id })).title).toBe('Detained at Akrestsina');
    await importInto(b, await exportFor(a, b));
    expect(await call(b.backend, 'conflicts.list', {})).toEqual([]);
    expect((await call(b.backend, 'cases.get', { id: created.id })).title).toBe('Detained at Akrestsina');
  });

  it('converges with one side never the wiser: imports are idempotent and the logs agree', async () => {
    const a = await syncOffice('Viasna');
    const b = await syncOffice('Zhodzina');
    await makePartners(a, b);
    const one = await call(a.backend, 'cases.create', shared);
    await exchange(a, b);
    await call(b.backend, 'cases.setStatus', { ids: [one.id], status: 'open' });
    await call(a.backend, 'cases.update', { id: one.id, patch: { tags: ['vigil', 'hrodna'] } });
    await exchange(a, b);
    await exchange(a, b);
    const view = async (o: typeof a) => {
      const c = await call(o.backend, 'cases.get', { id: one.id });
      return [c.title, c.status, c.tags, c.persons.map((p) => p.displayName)];
    };
    expect(await view(a)).toEqual(['Detention after the vigil', 'open', ['hrodna', 'vigil'], ['Алесь Бяляцкі']]);
    expect(await view(b)).toEqual(await view(a));
    a.backend.lockNow('user');
    b.backend.lockNow('user');
    const heads = async (dir: string) =>
      withVault(dir, (v) => opsOf(v).filter((o) => o.state === 1).map((o) => `${o.entity}|${o.key}|${o.field}|${o.value}`).sort());
    expect(await heads(b.dir)).toEqual(await heads(a.dir));
  });

  it('a removed partner’s bundles are refused; adding its card again trusts it anew', async () => {
    const a = await syncOffice('Viasna');
    const b = await syncOffice('Zhodzina');
    await makePartners(a, b);
    await call(a.backend, 'cases.create', shared);
    const bundle = await exportFor(a, b);
    const partner = (await call(b.backend, 'partners.list', {}))[0]!;
    expect(await call(b.backend, 'partners.remove', { id: partner.id })).toEqual({ removed: true });
    expect(await call(b.backend, 'partners.list', {})).toEqual([]);
    expect(await b.backend.invoke('sync.import', { dataBase64: Buffer.from(bundle).toString('base64') })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PARTNER' } });
    await call(a.backend, 'sync.saveCard', {});
    await call(b.backend, 'partners.add', { card: Buffer.from(a.last()).toString('utf8'), fingerprintConfirmed: true });
    expect((await importInto(b, bundle)).records).toMatchObject({ case: { created: 1 } });
  });
});
