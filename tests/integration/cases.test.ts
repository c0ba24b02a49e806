import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { api, type Method } from '../../shared/api';
import type { NewCase } from '../../shared/domain/cases';
import { unlockVault } from '../../db/vault';
import { call, newBackend } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';
import { ownPassphrase, signInAs } from '../fixtures/staff';

afterEach(removeTempDirs);

async function office() {
  const dir = tempDir();
  const made = newBackend(dir);
  const info = await call(made.backend, 'vault.create', { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE });
  return { dir, ...made, adminId: info.user.id };
}

const detention: NewCase = {
  title: 'Detention after the vigil',
  personName: 'Алесь Бяляцкі',
  region: 'grodno',
  priority: 'urgent',
  violations: ['detention', 'torture'],
  articles: ['342', '361-1'],
  eventDate: '2021-07',
  risks: { incommunicado: true },
  tags: ['Vigil', 'hrodna'],
  placeOfDetention: 'SIZO-1, Minsk',
  consentShare: true,
};

describe('case model', () => {
  it('creates a case with its person, reference, vocabularies and partial dates, and reads it back', async () => {
    const { backend } = await office();
    const created = await call(backend, 'cases.create', detention);
    expect(created.reference).toMatch(/^\d{4}-00001$/);
    const second = await call(backend, 'cases.create', { ...detention, title: 'Second' });
    expect(second.reference).toMatch(/^\d{4}-00002$/);
    const detail = await call(backend, 'cases.get', { id: created.id });
    expect(detail).toMatchObject({
      title: 'Detention after the vigil',
      personName: 'Алесь Бяляцкі',
      status: 'new',
      violations: expect.arrayContaining(['detention', 'torture']),
      articles: ['342', '361-1'],
      eventDate: '2021-07',
      risks: ['incommunicado'],
      tags: ['hrodna', 'vigil'],
      consentShare: true,
      consentPublish: false,
      placeOfDetention: 'SIZO-1, Minsk',
    });
    expect(detail.persons).toEqual([expect.objectContaining({ displayName: 'Алесь Бяляцкі', role: 'victim' })]);
    const person = await call(backend, 'persons.get', { id: detail.persons[0]!.personId });
    expect(person).toMatchObject({ givenName: 'Алесь', familyName: 'Бяляцкі', cases: [expect.objectContaining({ caseId: created.id, role: 'victim' })] });
    expect(person.latinName).toMatch(/^Ale/);
  });

  it('rejects bad input with a clear message and writes nothing', async () => {
    const { backend } = await office();
    const bad: [unknown, RegExp][] = [
      [{ ...detention, eventDate: '2021-02-30' }, /eventDate: must be a date/],
      [{ ...detention, violations: ['jaywalking'] }, /violations\.0/],
      [{ ...detention, articles: ['DROP TABLE'] }, /articles\.0: must be a criminal-code article/],
      [{ ...detention, personName: undefined }, /personName: is required/],
      [{ ...detention, eventDate: '2022', eventEndDate: '2021-05' }, /eventEndDate: must not be before/],
      [{ ...detention, assigneeId: '01900000-0000-7000-8000-00000000dead' }, /assigneeId: is not an active staff account/],
    ];
    for (const [input, message] of bad) {
      const result = await backend.invoke('cases.create', input);
      expect(result, String(message)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(message) } });
    }
    expect((await call(backend, 'status.get', {})).cases).toBe(0);
    expect((await call(backend, 'persons.list', {})).total).toBe(0);
  });

  it('edits a case, records each changed field in its history, and refuses a stale edit', async () => {
    const { backend, advance } = await office();
    const created = await call(backend, 'cases.create', detention);
    advance(60_000);
    const edited = await call(backend, 'cases.update', {
      id: created.id,
      expectedUpdatedAt: created.updatedAt,
      patch: { sentence: '10 years, strict regime', violations: ['criminal-prosecution'], risks: { torture: true } },
    });
    expect(edited).toMatchObject({ sentence: '10 years, strict regime', violations: ['criminal-prosecution'], risks: ['incommunicado', 'torture'] });
    const stale = await backend.invoke('cases.update', { id: created.id, expectedUpdatedAt: created.updatedAt, patch: { title: 'Lost update' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await call(backend, 'cases.get', { id: created.id })).title).toBe('Detention after the vigil');

    advance(60_000);
    const unchanged = await call(backend, 'cases.update', { id: created.id, patch: { sentence: '10 years, strict regime', violations: ['criminal-prosecution'] } });
    expect(unchanged.updatedAt).toBe(edited.updatedAt);
    const history = await call(backend, 'cases.history', { id: created.id });
    const fields = history.map((h) => h.field);
    expect(fields).toEqual(['created', 'sentence', 'violations', 'risks']);
    expect(history[1]).toMatchObject({ before: '', after: '10 years, strict regime', by: { name: 'Nasta' } });
  });

  it('moves cases through the workflow in bulk; closing needs a reason', async () => {
    const { backend, adminId } = await office();
    const { ids } = await call(backend, 'cases.createMany', { cases: [detention, { ...detention, title: 'B' }, { ...detention, title: 'C' }] });
    expect(await call(backend, 'cases.setStatus', { ids, status: 'open' })).toEqual({ updated: 3 });
    const refused = await backend.invoke('cases.setStatus', { ids, status: 'closed' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/reason: is required/) } });
    expect((await call(backend, 'cases.list', { filter: { status: ['open'] } })).total).toBe(3);
    await call(backend, 'cases.setStatus', { ids: ids.slice(0, 1), status: 'closed', reason: 'Released on 2024-09-16' });
    expect((await call(backend, 'cases.get', { id: ids[0]! })).statusReason).toBe('Released on 2024-09-16');
    expect(await call(backend, 'cases.assign', { ids, assigneeId: adminId })).toEqual({ updated: 3 });
    expect(await call(backend, 'cases.setPriority', { ids: ids.slice(1), priority: 'low' })).toEqual({ updated: 2 });
    const mine = await call(backend, 'cases.list', { filter: { assignee: 'me', priority: ['low'] } });
    expect(mine.rows.map((r) => r.title).sort()).toEqual(['B', 'C']);
    expect(mine.rows[0]!.assignee).toEqual({ id: adminId, name: 'Nasta' });
  });

  it('filters in SQL by every column filter and pages stably', async () => {
    const { backend, adminId } = await office();
    await call(backend, 'cases.createMany', {
      cases: [
        { ...detention, title: 'A', region: 'brest', priority: 'high', violations: ['search'], eventDate: '2020-05-14', tags: ['raid'] },
        { ...detention, title: 'B', region: 'gomel', priority: 'low', violations: ['fine'], eventDate: '2022', risks: { health: true } },
        { ...detention, title: 'C', region: 'gomel', priority: 'urgent', violations: ['fine', 'dismissal'], eventDate: null, assigneeId: adminId },
      ],
    });
    const titles = async (filter: object) => (await call(backend, 'cases.list', { filter, sort: [{ field: 'title', direction: 'asc' }] })).rows.map((r) => r.title);
    expect(await titles({ region: ['gomel'] })).toEqual(['B', 'C']);
    expect(await titles({ violation: ['fine'] })).toEqual(['B', 'C']);
    expect(await titles({ priority: ['urgent', 'high'] })).toEqual(['A', 'C']);
    expect(await titles({ assignee: 'none' })).toEqual(['A', 'B']);
    expect(await titles({ assignee: adminId })).toEqual(['C']);
    expect(await titles({ tag: 'RAID' })).toEqual(['A']);
    expect(await titles({ risk: ['health'] })).toEqual(['B']);
    expect(await titles({ from: '2020-05', to: '2020-05' })).toEqual(['A']);
    expect(await titles({ from: '2021-06-01' })).toEqual(['B']);
    expect(await titles({ to: '2022-03' })).toEqual(['A', 'B']);
    const bad = await backend.invoke('cases.list', { filter: { region: ['atlantis'] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/filter\.region\.0/) } });
  });

  it('finds a person written in one script when searched in another', async () => {
    const { backend } = await office();
    await call(backend, 'cases.createMany', {
      cases: [
        { ...detention, title: 'Detention of the chair', personName: 'Алесь Бяляцкі' },
        { ...detention, title: 'Search at the office', personName: 'Bialiatski Ales' },
        { ...detention, title: 'Unrelated fine', personName: 'Марфа Рабкова' },
      ],
    });
    for (const query of ['Bialiatski', 'Бяляцкі', 'Беляцкий', 'bialiacki', 'Byalyatski']) {
      const found = await call(backend, 'cases.list', { filter: { search: query }, sort: [{ field: 'title', direction: 'asc' }] });
      expect(found.rows.map((r) => r.title), query).toEqual(['Detention of the chair', 'Search at the office']);
    }
    expect((await call(backend, 'cases.list', { filter: { search: 'Rabkova' } })).rows.map((r) => r.personName)).toEqual(['Марфа Рабкова']);
    expect((await call(backend, 'cases.list', { filter: { search: 'office' } })).total).toBe(1);
    expect((await call(backend, 'persons.list', { search: 'Беляцкий' })).total).toBe(2);
    const note = (await call(backend, 'cases.list', { filter: { search: 'Unrelated' } })).rows[0]!;
    await call(backend, 'cases.addNote', { caseId: note.id, body: 'Lawyer Zhenya visited on Tuesday' });
    expect((await call(backend, 'cases.list', { filter: { search: 'lawyer tuesday' } })).rows.map((r) => r.id)).toEqual([note.id]);
    expect((await call(backend, 'cases.list', { filter: { search: '"*' } })).total).toBe(3);
  });

  it('keeps attachments inside the vault with their intake hash', async () => {
    const { backend } = await office();
    const created = await call(backend, 'cases.create', detention);
    const bytes = Buffer.from('%PDF-1.4 court ruling scan');
    const meta = await call(backend, 'attachments.add', { caseId: created.id, fileName: 'ruling.pdf', mediaType: 'application/pdf', dataBase64: bytes.toString('base64') });
    expect(meta).toMatchObject({ fileName: 'ruling.pdf', mediaType: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const back = await call(backend, 'attachments.get', { id: meta.id });
    expect(Buffer.from(back.dataBase64, 'base64')).toEqual(bytes);
    expect((await call(backend, 'cases.get', { id: created.id })).attachments).toEqual([meta]);
    expect(await backend.invoke('attachments.save', { id: meta.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const path = await backend.invoke('attachments.add', { caseId: created.id, fileName: '../../etc/passwd', dataBase64: 'AA==' });
    expect(path).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/fileName: must be a file name/) } });
  });

  it('refuses an attachment whose bytes changed inside the vault, and an unknown one, by code and message', async () => {
    const { dir, backend } = await office();
    const created = await call(backend, 'cases.create', detention);
    const meta = await call(backend, 'attachments.add', { caseId: created.id, fileName: 'ruling.pdf', dataBase64: Buffer.from('%PDF-1.4 court ruling scan').toString('base64') });
    await call(backend, 'vault.lock', {});
    const vault = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
    try {
      vault.sqlite.prepare('UPDATE attachments SET data = ? WHERE id = ?').run(Buffer.from('%PDF-1.4 a forged ruling'), meta.id);
    } finally {
      vault.close();
    }
    await call(backend, 'vault.unlock', { passphrase: PASSPHRASE });
    expect(await backend.invoke('attachments.get', { id: meta.id })).toEqual({ ok: false, error: { code: 'VAULT_DAMAGED', message: 'Attachment ruling.pdf no longer matches its intake hash.' } });
    const unknown = '01900000-0000-7000-8000-000000000000';
    expect(await backend.invoke('attachments.get', { id: unknown })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `No attachment with id ${unknown}.` } });
    expect((await call(backend, 'cases.get', { id: created.id })).attachments).toEqual([meta]);
  });

  it('links relatives and persons to cases, and a renamed person is found under the new name', async () => {
    const { backend } = await office();
    const created = await call(backend, 'cases.create', detention);
    const wife = await call(backend, 'persons.create', { givenName: 'Наталля', familyName: 'Пінчук', gender: 'female', birthDate: '1963' });
    const victimId = (await call(backend, 'cases.get', { id: created.id })).persons[0]!.personId;
    const withRelative = await call(backend, 'persons.addRelation', { personId: victimId, relativeId: wife.id, relation: 'spouse' });
    expect(withRelative.relatives).toEqual([{ personId: wife.id, displayName: 'Наталля Пінчук', relation: 'spouse' }]);
    const linked = await call(backend, 'cases.linkPerson', { caseId: created.id, personId: wife.id, role: 'relative' });
    expect(linked.persons.map((p) => p.role)).toEqual(['victim', 'relative']);
    await call(backend, 'persons.update', { id: victimId, patch: { familyName: 'Бяляцкі-Новы' } });
    expect((await call(backend, 'cases.get', { id: created.id })).personName).toBe('Алесь Бяляцкі-Новы');
    expect((await call(backend, 'cases.list', { filter: { search: 'Пінчук' } })).total).toBe(1);
    const lastVictim = await call(backend, 'cases.unlinkPerson', { caseId: created.id, personId: wife.id, role: 'relative' });
    expect(lastVictim.persons).toHaveLength(1);
    expect(await backend.invoke('cases.unlinkPerson', { caseId: created.id, personId: victimId, role: 'victim' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'persons: a case needs at least one person' },
    });
  });

  it('saves and deletes a person’s own views beside the built-in ones', async () => {
    const { backend } = await office();
    const names = async () => (await call(backend, 'views.list', {})).map((v) => v.name);
    expect(await names()).toEqual(['Urgent & unassigned', 'My cases']);
    const saved = await call(backend, 'views.save', { name: 'Gomel torture', filter: { region: ['gomel'], violation: ['torture'] } });
    expect(await names()).toEqual(['Urgent & unassigned', 'My cases', 'Gomel torture']);
    await call(backend, 'views.delete', { id: saved.id });
    expect(await names()).toEqual(['Urgent & unassigned', 'My cases']);
  });
});

describe('roles', () => {
  const writeMethods = (Object.keys(api) as Method[]).filter((m) => {
    const access = api[m].access;
    return access !== 'public' && !access.includes('viewer');
  });

  it('refuses every write method to a viewer, and the vault is unchanged', async () => {
    const { backend } = await office();
    const created = await call(backend, 'cases.create', detention);
    await call(backend, 'vault.lock', {});
    await signInAs(backend, PASSPHRASE, 'Viewer', 'viewer');
    expect(writeMethods).toEqual(expect.arrayContaining(['cases.create', 'cases.update', 'cases.setStatus', 'attachments.add', 'persons.create', 'staff.add', 'cases.import']));
    for (const method of writeMethods) {
      const result = await backend.invoke(method, { id: created.id });
      expect(result, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: `The viewer role may not call ${method}.` } });
    }
    expect((await call(backend, 'cases.get', { id: created.id })).title).toBe(detention.title);
    expect((await call(backend, 'cases.history', { id: created.id })).map((h) => h.field)).toEqual(['created']);
  });

  it('shows sources to coordinators and admins only, never to caseworkers or viewers', async () => {
    const { backend } = await office();
    const created = await call(backend, 'cases.create', detention);
    await call(backend, 'cases.addSource', { caseId: created.id, name: 'SOURCE-Ivanou', contact: 'signal:+370 600 00000' });
    await call(backend, 'vault.lock', {});
    await signInAs(backend, PASSPHRASE, 'Caseworker', 'caseworker');
    const responses = [
      await call(backend, 'cases.get', { id: created.id }),
      await call(backend, 'cases.list', {}),
      await call(backend, 'cases.history', { id: created.id }),
      await call(backend, 'cases.list', { filter: { search: 'Ivanou' } }),
    ];
    for (const response of responses) expect(JSON.stringify(response)).not.toMatch(/SOURCE-Ivanou|signal:/);
    expect((await call(backend, 'cases.get', { id: created.id })).sources).toBeUndefined();
    expect(await backend.invoke('cases.addSource', { caseId: created.id, name: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await call(backend, 'vault.lock', {});
    await call(backend, 'vault.unlock', { passphrase: PASSPHRASE });
    expect((await call(backend, 'cases.get', { id: created.id })).sources).toEqual([expect.objectContaining({ name: 'SOURCE-Ivanou' })]);
  });

  it('manages staff accounts: one-time passphrase, role change, removal; the last admin stays', async () => {
    const { backend, adminId } = await office();
    const member = await call(backend, 'staff.add', { name: 'Ihar', role: 'caseworker', oneTimePassphrase: 'handed over on paper' });
    expect(member).toMatchObject({ name: 'Ihar', role: 'caseworker', mustChangePassphrase: true });
    await call(backend, 'vault.lock', {});
    const first = await call(backend, 'vault.unlock', { passphrase: 'handed over on paper' });
    expect(first).toMatchObject({ user: { name: 'Ihar' }, mustChangePassphrase: true });
    expect(await backend.invoke('cases.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/Choose your own passphrase first/) } });
    await call(backend, 'vault.changePassphrase', { current: 'handed over on paper', next: ownPassphrase('Ihar') });
    expect((await call(backend, 'cases.list', {})).total).toBe(0);
    await call(backend, 'vault.lock', {});
    expect(await backend.invoke('vault.unlock', { passphrase: 'handed over on paper' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });

    await call(backend, 'vault.unlock', { passphrase: PASSPHRASE });
    expect(await backend.invoke('staff.setRole', { id: adminId, role: 'viewer' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.invoke('staff.remove', { id: adminId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(backend, 'staff.setRole', { id: member.id, role: 'coordinator' })).toMatchObject({ role: 'coordinator' });
    await call(backend, 'staff.remove', { id: member.id });
    expect((await call(backend, 'staff.list', {})).map((s) => s.name)).toEqual(['Nasta']);
    await call(backend, 'vault.lock', {});
    expect(await backend.invoke('vault.unlock', { passphrase: ownPassphrase('Ihar') })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
  });
});
