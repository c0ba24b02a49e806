import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../db/backup';
import { hlcFromMs, MAX_CLOCK_AHEAD_MS } from '../../shared/sync/hlc';
import { createBackend } from '../../backend';
import { call, testPlatform } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';
import { exchange, exportFor, importInto, makePartners, syncOffice, withVault, type SyncOffice } from '../fixtures/sync';

afterEach(removeTempDirs);

/** Every place a vault could still hold a text: operation log, history, search index, the tables. */
async function traces(office: SyncOffice, text: string): Promise<string[]> {
  office.backend.lockNow('user');
  const found = await withVault(office.dir, (vault) => {
    const tables = vault.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    const hits: string[] = [];
    for (const { name } of tables) {
      const rows = vault.sqlite.prepare(`SELECT * FROM "${name}"`).raw().all();
      if (rows.some((row) => JSON.stringify(row).includes(text))) hits.push(name);
    }
    return hits;
  });
  await office.unlock();
  return found;
}

describe('purge', () => {
  it('erases a field’s earlier values here and at the partner: log, history, search', async () => {
    const a = await syncOffice('Viasna');
    const b = await syncOffice('Zhodzina');
    await makePartners(a, b);
    const created = await call(a.backend, 'cases.create', { title: 'Detention', personName: 'Алесь Бяляцкі', region: 'minsk', priority: 'high', summary: 'Told us by Ivanov-Canary, tel. 123', consentShare: true });
    await call(a.backend, 'cases.update', { id: created.id, patch: { summary: 'Ivanov-Canary confirmed it' } });
    await exchange(a, b);
    expect(await traces(b, 'Ivanov-Canary')).toEqual(expect.arrayContaining(['sync_ops', 'cases', 'search_index']));

    await call(a.backend, 'records.purge', { entity: 'case', id: created.id, field: 'summary', replacement: 'Details withheld', confirm: 'PURGE' });
    expect(await traces(a, 'Ivanov-Canary')).toEqual([]);
    expect((await call(a.backend, 'cases.get', { id: created.id })).summary).toBe('Details withheld');
    expect((await call(a.backend, 'cases.list', { filter: { search: 'Ivanov' } })).total).toBe(0);

    await importInto(b, await exportFor(a, b));
    expect(await traces(b, 'Ivanov-Canary')).toEqual([]);
    expect((await call(b.backend, 'cases.get', { id: created.id })).summary).toBe('Details withheld');
    // Later edits still travel.
    await call(b.backend, 'cases.update', { id: created.id, patch: { summary: 'Held in Zhodzina' } });
    await importInto(a, await exportFor(b, a));
    expect((await call(a.backend, 'cases.get', { id: created.id })).summary).toBe('Held in Zhodzina');
  });

  it('purges a person everywhere: the record, its links, and every mention in history', async () => {
    const a = await syncOffice('Viasna');
    const b = await syncOffice('Zhodzina');
    await makePartners(a, b);
    const created = await call(a.backend, 'cases.create', { title: 'Detention', personName: 'Алесь Бяляцкі', region: 'minsk', priority: 'high', consentShare: true });
    const witness = await call(a.backend, 'persons.create', { givenName: 'Witness', familyName: 'Canarovich' });
    await call(a.backend, 'cases.linkPerson', { caseId: created.id, personId: witness.id, role: 'witness' });
    await exchange(a, b);
    expect((await call(b.backend, 'cases.get', { id: created.id })).persons).toHaveLength(2);

    expect(await call(a.backend, 'records.purge', { entity: 'person', id: witness.id, confirm: 'PURGE' })).toEqual({ purged: 2 });
    expect(await traces(a, 'Canarovich')).toEqual([]);
    await importInto(b, await exportFor(a, b));
    expect(await traces(b, 'Canarovich')).toEqual([]);
    expect((await call(b.backend, 'cases.get', { id: created.id })).persons.map((p) => p.displayName)).toEqual(['Алесь Бяляцкі']);
    expect(await b.backend.invoke('persons.get', { id: witness.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await a.backend.invoke('records.purge', { entity: 'person', id: witness.id, confirm: 'nope' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('purges a whole case at the partner too, with what the partner kept about it', async () => {
    const a = await syncOffice('Viasna');
    const b = await syncOffice('Zhodzina');
    await makePartners(a, b);
    const created = await call(a.backend, 'cases.create', { title: 'Canary case', personName: 'Алесь Бяляцкі', region: 'minsk', priority: 'high', consentShare: true, tags: ['x'] });
    await exchange(a, b);
    await call(b.backend, 'cases.addNote', { caseId: created.id, body: 'their note' });
    await call(a.backend, 'records.purge', { entity: 'case', id: created.id, confirm: 'PURGE' });
    await importInto(b, await exportFor(a, b));
    expect(await b.backend.invoke('cases.get', { id: created.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await traces(b, 'Canary case')).toEqual([]);
    expect(await traces(b, 'their note')).toEqual([]);
  });
});

describe('clocks and restored copies', () => {
  it('a partner clock years ahead never blocks an import: clamped here, reported, and later edits still win', async () => {
    const years = 5 * 365 * 86_400_000;
    const a = await syncOffice('Viasna', Date.parse('2026-11-24T09:00:00Z') + years);
    const b = await syncOffice('Zhodzina', Date.parse('2026-11-24T09:00:00Z'));
    await makePartners(a, b);
    const created = await call(a.backend, 'cases.create', { title: 'From the future', personName: 'Алесь Бяляцкі', region: 'minsk', priority: 'high', consentShare: true });
    const summary = await importInto(b, await exportFor(a, b));
    expect(summary.warnings).toEqual([{ code: 'clockAhead', days: 1825 }]);
    b.backend.lockNow('user');
    const clock = await withVault(b.dir, (v) => (v.sqlite.prepare('SELECT hlc FROM sync_self').get() as { hlc: number }).hlc);
    expect(clock).toBeLessThanOrEqual(hlcFromMs(Date.parse('2026-11-24T09:00:00Z') + MAX_CLOCK_AHEAD_MS));
    await b.unlock();
    await call(b.backend, 'cases.update', { id: created.id, patch: { title: 'Corrected here' } });
    await importInto(a, await exportFor(b, a));
    expect((await call(a.backend, 'cases.get', { id: created.id })).title).toBe('Corrected here');
    expect(await call(a.backend, 'conflicts.list', {})).toEqual([]);
  });

  it('a vault restored from a backup writes as a new site; partners take its bundles as a new stream', async () => {
    const a = await syncOffice('Viasna');
    const b = await syncOffice('Zhodzina');
    await makePartners(a, b);
    await call(a.backend, 'cases.create', { title: 'Before the backup', personName: 'Алесь Бяляцкі', region: 'minsk', priority: 'high', consentShare: true });
    await exchange(a, b);
    const before = await call(a.backend, 'sync.identity', {});
    await call(a.backend, 'vault.backup', { passphrase: 'offsite backup passphrase 7' });
    const restoredDir = join(tempDir(), 'restored');
    await restoreBackup(a.last(), { passphrase: 'offsite backup passphrase 7' }, restoredDir, PASSPHRASE, { kdfTargetMs: 0 });
    const { platform } = testPlatform(restoredDir);
    const saved: Uint8Array[] = [];
    platform.saveFile = async (name, data) => {
      saved.push(data);
      return name;
    };
    const copy = createBackend(platform);
    await call(copy, 'vault.unlock', { passphrase: PASSPHRASE });
    const after = await call(copy, 'sync.identity', {});
    expect(after.siteId).not.toBe(before.siteId);
    expect(after.fingerprint).toBe(before.fingerprint);
    const made = await call(copy, 'cases.create', { title: 'After the restore', personName: 'Ігар Лосік', region: 'brest', priority: 'low', consentShare: true });
    await call(copy, 'sync.export', { partner: 'Zhodzina' });
    const summary = await importInto(b, saved.at(-1)!);
    expect(summary.records).toMatchObject({ case: { created: 1 } });
    expect((await call(b.backend, 'cases.get', { id: made.id })).title).toBe('After the restore');
    // The original goes on as before, under its own site: both streams are accepted.
    await call(a.backend, 'cases.create', { title: 'On the original', personName: 'Марфа Рабкова', region: 'gomel', priority: 'low', consentShare: true });
    expect((await importInto(b, await exportFor(a, b))).records).toMatchObject({ case: { created: 1 } });
  });
});
