import { afterEach, describe, expect, it } from 'vitest';
import { call, newBackend } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';
import { unlockVault } from '../../db/vault';

afterEach(removeTempDirs);

const aCase = { title: 'Detention after the vigil', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent' } as const;

async function officeWithHistory() {
  const dir = tempDir();
  const { backend, advance } = newBackend(dir);
  await call(backend, 'vault.create', { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE });
  const created = await call(backend, 'cases.create', aCase);
  advance(1000);
  await call(backend, 'cases.update', { id: created.id, patch: { sentence: '10 years' } });
  await call(backend, 'cases.setStatus', { ids: [created.id], status: 'open' });
  await call(backend, 'cases.addNote', { caseId: created.id, body: 'Lawyer visited' });
  await call(backend, 'staff.add', { name: 'Ihar', role: 'caseworker', oneTimePassphrase: 'one time passphrase 1' });
  await call(backend, 'settings.update', { autoLockMinutes: 5 });
  await call(backend, 'views.save', { name: 'Mine', filter: { assignee: 'me' } });
  return { dir, backend, caseId: created.id };
}

describe('audit chain', () => {
  it('writes one entry per write, naming who, what and which records, and verifies intact', async () => {
    const { backend, caseId } = await officeWithHistory();
    const verdict = await call(backend, 'audit.verify', {});
    expect(verdict).toEqual({ ok: true, entries: 8 });
    const log = await call(backend, 'audit.list', {});
    expect(log.rows.map((r) => r.method).reverse()).toEqual([
      'vault.create',
      'cases.create',
      'cases.update',
      'cases.setStatus',
      'cases.addNote',
      'staff.add',
      'settings.update',
      'views.save',
    ]);
    const forCase = await call(backend, 'audit.list', { entityId: caseId });
    expect(forCase.rows.map((r) => r.method).sort()).toEqual(['cases.addNote', 'cases.create', 'cases.setStatus', 'cases.update']);
    for (const row of log.rows) expect(row.beforeHash).toMatch(/^[0-9a-f]{64}$/);
    // A refused write leaves no entry.
    expect(await backend.invoke('cases.update', { id: caseId, patch: { eventDate: '2021-13' } })).toMatchObject({ ok: false });
    expect(await call(backend, 'audit.verify', {})).toEqual({ ok: true, entries: 8 });
  });

  for (const [tampering, sql, expected] of [
    ['an altered entry', "UPDATE audit_log SET method = 'cases.get' WHERE seq = 3", { brokenAt: 3, reason: /entry 3 was altered/ }],
    ['a deleted entry', 'DELETE FROM audit_log WHERE seq = 4', { brokenAt: 4, reason: /entry 4 is missing/ }],
    ['reordered entries', 'UPDATE audit_log SET seq = 1000 WHERE seq = 5; UPDATE audit_log SET seq = 5 WHERE seq = 6; UPDATE audit_log SET seq = 6 WHERE seq = 1000', { brokenAt: 5, reason: /entry 5/ }],
    ['a replaced first entry', "UPDATE audit_log SET prev_hash = 'x' WHERE seq = 1", { brokenAt: 1, reason: /entry 1 does not follow/ }],
  ] as const) {
    it(`finds ${tampering}`, async () => {
      const { dir, backend } = await officeWithHistory();
      await call(backend, 'vault.lock', {});
      const raw = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
      raw.sqlite.exec(sql);
      raw.close();
      await call(backend, 'vault.unlock', { passphrase: PASSPHRASE });
      const verdict = await call(backend, 'audit.verify', {});
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) {
        expect(verdict.brokenAt).toBe(expected.brokenAt);
        expect(verdict.reason).toMatch(expected.reason);
      }
    });
  }

  it('is for coordinators and admins', async () => {
    const { backend } = await officeWithHistory();
    await call(backend, 'vault.lock', {});
    await call(backend, 'vault.unlock', { passphrase: 'one time passphrase 1' });
    await call(backend, 'vault.changePassphrase', { current: 'one time passphrase 1', next: 'Ihar own passphrase 2026' });
    expect(await backend.invoke('audit.verify', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
