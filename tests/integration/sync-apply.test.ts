import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../backend';
import { applyOps } from '../../db/sync/apply';
import { captureChanges } from '../../db/sync/capture';
import { selectForPartner } from '../../db/sync/select';
import { defaultPolicy } from '../../shared/sync/policy';
import type { OpenVault } from '../../db/vault';
import { call, testPlatform } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';
import { withVault } from '../fixtures/sync';

afterEach(removeTempDirs);

async function office(name: string) {
  const dir = join(tempDir(), 'vault');
  const { platform } = testPlatform(dir);
  const backend = createBackend(platform);
  await call(backend, 'vault.create', { office: name, user: 'Admin', passphrase: PASSPHRASE });
  return { dir, backend };
}

const ctx = (vault: OpenVault) => ({ db: vault.orm, sqlite: vault.sqlite, now: '2026-11-24T10:00:00.000Z' });

describe('applying operations', () => {
  it('materialises a partner case with its person, tags and a local reference', async () => {
    const a = await office('Viasna');
    const b = await office('Zhodzina');
    const created = await call(a.backend, 'cases.create', {
      title: 'Detention at the vigil',
      personName: 'Алесь Бяляцкі',
      region: 'grodno',
      priority: 'urgent',
      violations: ['detention'],
      tags: ['vigil'],
      consentShare: true,
    });
    await call(a.backend, 'cases.create', { title: 'Not for partners', personName: 'Марфа Рабкова', region: 'minsk', priority: 'low' });
    a.backend.lockNow('user');
    const selection = await withVault(a.dir, (vault) => selectForPartner(ctx(vault), defaultPolicy, {}, new Set()));
    expect(selection.records).toMatchObject({ case: 1, person: 1, casePerson: 1, caseTag: 1, caseViolation: 1 });
    b.backend.lockNow('user');
    const report = await withVault(b.dir, (vault) => vault.orm.transaction(() => {
      const r = applyOps(ctx(vault), selection.ops, selection.blobs, selection.offices);
      // Writing the received records back into the tables is no new change of ours.
      expect(captureChanges(vault.sqlite, new Date())).toBe(0);
      return r;
    }));
    expect(report.rows).toMatchObject({ case: { created: 1 }, person: { created: 1 }, casePerson: { created: 1 } });
    await call(b.backend, 'vault.unlock', { passphrase: PASSPHRASE });
    const page = await call(b.backend, 'cases.list', { filter: { search: 'Bialiatski' } });
    expect(page.rows).toHaveLength(1);
    const detail = await call(b.backend, 'cases.get', { id: created.id });
    expect(detail).toMatchObject({ title: 'Detention at the vigil', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent', violations: ['detention'], tags: ['vigil'], consentShare: true, assignee: null });
    expect(detail.reference).toMatch(/^\d{4}-00001$/);
  });
});
