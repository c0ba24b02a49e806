import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../backend';
import { insertCases } from '../../db/repositories/cases';
import { createVault } from '../../db/vault';
import { defaultMigrationsDir } from '../../db/paths';
import { call, testPlatform } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';
import { opsOf, withVault } from '../fixtures/sync';

afterEach(removeTempDirs);

async function office() {
  const dir = join(tempDir(), 'vault');
  const { platform, advance } = testPlatform(dir);
  const backend = createBackend(platform);
  await call(backend, 'vault.create', { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE });
  return { dir, backend, advance };
}

describe('change capture', () => {
  it('records one operation per field of a new case, its person, links, violations and tags', async () => {
    const { dir, backend } = await office();
    const created = await call(backend, 'cases.create', {
      title: 'Detention at the vigil',
      personName: 'Алесь Бяляцкі',
      region: 'grodno',
      priority: 'urgent',
      violations: ['detention'],
      tags: ['vigil'],
    });
    backend.lockNow('user');
    await withVault(dir, (vault) => {
      const ops = opsOf(vault);
      const entities = new Map<string, number>();
      for (const op of ops) entities.set(op.entity, (entities.get(op.entity) ?? 0) + 1);
      // `$` plus 20 fields for the case; `$` plus 12 for the person; `$` plus position for the link.
      expect(Object.fromEntries(entities)).toEqual({ case: 21, person: 13, casePerson: 2, caseViolation: 1, caseTag: 1 });
      const title = ops.find((o) => o.entity === 'case' && o.field === 'title')!;
      expect(title).toMatchObject({ key: created.id, value: '"Detention at the vigil"', pred: '', state: 1 });
      expect(ops.find((o) => o.entity === 'case' && o.field === 'originReference')?.value).toBe(JSON.stringify(created.reference));
      // Assignee, staff references and the local reference number are not synced.
      expect(ops.some((o) => /assignee|createdBy|updatedAt|reference$/.test(o.field) && o.field !== 'originReference')).toBe(false);
      const counters = ops.map((o) => o.counter);
      expect(counters).toEqual(counters.map((_, i) => i + 1));
    });
  });

  it('an edit supersedes what it saw; a no-op edit and local-only changes record nothing', async () => {
    const { dir, backend, advance } = await office();
    const created = await call(backend, 'cases.create', { title: 'Search', personName: 'Ігар Лосік', region: 'brest', priority: 'low' });
    const before = await withLocked(backend, dir, (v) => opsOf(v).length);
    await call(backend, 'vault.unlock', { passphrase: PASSPHRASE });
    advance(1000);
    await call(backend, 'cases.update', { id: created.id, patch: { title: 'Search of the flat', risks: { health: true } } });
    await call(backend, 'cases.update', { id: created.id, patch: { title: 'Search of the flat' } });
    const me = (await call(backend, 'staff.list', {}))[0]!;
    await call(backend, 'cases.assign', { ids: [created.id], assigneeId: me.id });
    await call(backend, 'cases.addNote', { caseId: created.id, body: 'Staff only' });
    await withLocked(backend, dir, (vault) => {
      const ops = opsOf(vault);
      const added = ops.slice(before);
      expect(added.map((o) => [o.field, o.value])).toEqual([
        ['title', '"Search of the flat"'],
        ['riskHealth', 'true'],
      ]);
      const old = ops.find((o) => o.field === 'title' && o.value === '"Search"')!;
      expect(old.state).toBe(0);
      expect(added[0]!.pred).toBe(`1:${old.counter}`);
      expect(ops.some((o) => o.value?.includes('Staff only'))).toBe(false);
    });
  });

  it('unlinking a person and removing a tag are tombstones; a refused write records nothing', async () => {
    const { dir, backend } = await office();
    const person = await call(backend, 'persons.create', { givenName: 'Марфа', familyName: 'Рабкова' });
    const created = await call(backend, 'cases.create', { title: 'Arrest', personName: 'Марфа Рабкова', region: 'minsk', priority: 'high', tags: ['a', 'b'] });
    await call(backend, 'cases.linkPerson', { caseId: created.id, personId: person.id, role: 'witness' });
    const before = await withLocked(backend, dir, (v) => opsOf(v).length);
    await call(backend, 'vault.unlock', { passphrase: PASSPHRASE });
    await call(backend, 'cases.unlinkPerson', { caseId: created.id, personId: person.id, role: 'witness' });
    await call(backend, 'cases.update', { id: created.id, patch: { tags: ['b'] } });
    expect(await backend.invoke('cases.update', { id: created.id, patch: { eventDate: '2021', eventEndDate: '2020' } })).toMatchObject({ ok: false });
    await withLocked(backend, dir, (vault) => {
      const added = opsOf(vault).slice(before);
      expect(added.map((o) => [o.entity, o.field, o.value])).toEqual([
        ['casePerson', '$', 'false'],
        ['caseTag', '$', 'false'],
      ]);
      expect(JSON.parse(added[1]!.key)).toEqual([created.id, 'a']);
    });
  });

  /** When migration 0011 (sync) was written, as the migrator records it. */
  const syncMigrationTime = () => {
    const journal = JSON.parse(readFileSync(join(defaultMigrationsDir(), 'meta/_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
    return journal.entries.find((e) => e.tag === '0011_sync')!.when;
  };

  it('gives a vault from before sync its identity and records every existing record once', async () => {
    const dir = join(tempDir(), 'old');
    const vault = await createVault(dir, { office: 'Old office', user: 'Admin', passphrase: PASSPHRASE }, { kdfTargetMs: 0 });
    const ids = insertCases(vault.orm, [{ title: 'Old case', personName: 'Алесь Бяляцкі', region: 'minsk', priority: 'normal', summary: '', tags: ['old'] }], { id: vault.user.id, at: '2025-01-01T10:00:00.000Z' });
    // Back to the schema of the release before sync (migration 0011 and those after it): no sync tables,
    // no origin reference, no identity, no partner aid copies' triggers, no match index, no ledger views, no status-and-date index.
    vault.sqlite.exec(`
      DROP TABLE sync_self; DROP TABLE sync_sites; DROP TABLE sync_rows; DROP TABLE sync_ops; DROP TABLE sync_conflicts;
      DROP TABLE sync_pending; DROP TABLE sync_partners; DROP TABLE sync_streams; DROP TABLE sync_bundles; DROP TABLE sync_sent;
      ALTER TABLE cases DROP COLUMN origin_reference;
      DROP TRIGGER aid_ledger_totals_on_copy_delete;
      DROP TABLE person_match;
      ALTER TABLE saved_views DROP COLUMN scope;
      DROP INDEX aid_disbursements_status_date;
      DELETE FROM settings WHERE key = 'duplicates.matchKeysVersion';
      DELETE FROM __drizzle_migrations WHERE created_at >= ${syncMigrationTime()};
      DELETE FROM settings WHERE key LIKE 'sync.baseline.%';
    `);
    vault.close();
    await withVault(dir, (reopened) => {
      const identity = reopened.sqlite.prepare('SELECT signing_key AS key, age_recipient AS recipient FROM sync_self').get() as { key: string; recipient: string };
      expect(identity.key).toMatch(/^[0-9a-f]{64}$/);
      expect(identity.recipient).toMatch(/^age1/);
      const ops = opsOf(reopened);
      expect(ops.filter((o) => o.entity === 'case' && o.field === '$')).toEqual([expect.objectContaining({ key: ids[0], value: 'true' })]);
      expect(ops.find((o) => o.field === 'originReference')?.value).toBe('"2025-00001"');
      expect(ops.filter((o) => o.entity === 'caseTag')).toHaveLength(1);
    });
    // Opening again records nothing more.
    const count = await withVault(dir, (v) => opsOf(v).length);
    expect(await withVault(dir, (v) => opsOf(v).length)).toBe(count);
  });
});

async function withLocked<T>(backend: ReturnType<typeof createBackend>, dir: string, fn: Parameters<typeof withVault<T>>[1]): Promise<T> {
  backend.lockNow('user');
  return withVault(dir, fn);
}

