/**
 * Migrations 0005 (ordering indexes that carry the filter columns) and 0006 (backfill of the assignee name
 * and violation bits): a vault written before them keeps its data, and filters and sorts on it work after.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openEncrypted } from '../../db/connection';
import { freshKdf, KEY_FILE_FORMAT, KEY_FILE_VERSION, newSlotId, sealSlot, writeKeyFile } from '../../db/keyfile';
import { defaultMigrationsDir, vaultPaths } from '../../db/paths';
import { listCases } from '../../db/repositories/cases';
import { unlockVault } from '../../db/vault';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

const ADMIN = '01900000-0000-7000-8000-000000000001';
const IHAR = '01900000-0000-7000-8000-000000000002';
const AT = '2026-11-01T10:00:00.000Z';

/** A vault as the migration before the triage indexes left it: built with only the migrations up to that one. */
async function vaultBeforeTriageIndexes(dir: string): Promise<void> {
  const migrations = join(tempDir(), 'migrations');
  mkdirSync(join(migrations, 'meta'), { recursive: true });
  const source = defaultMigrationsDir();
  const journal = JSON.parse(readFileSync(join(source, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const before = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag.endsWith('_triage_order_indexes')));
  expect(before.at(-1)?.tag).toBe('0008_aid_covering_totals');
  for (const entry of before) copyFileSync(join(source, `${entry.tag}.sql`), join(migrations, `${entry.tag}.sql`));
  writeFileSync(join(migrations, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: before }));

  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32);
  const vaultId = randomUUID();
  const slotId = newSlotId();
  const db = openEncrypted(vaultPaths(dir).db, key, { create: true });
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(drizzle(db), { migrationsFolder: migrations });
  db.prepare('INSERT INTO office (id, name, created_at) VALUES (?, ?, ?)').run(vaultId, 'Office', AT);
  const staff = db.prepare("INSERT INTO staff (id, name, role, slot_id, created_at) VALUES (?, ?, 'admin', ?, ?)");
  staff.run(ADMIN, 'Admin', slotId, AT);
  staff.run(IHAR, 'Ihar', 'other-slot', AT);
  const insert = db.prepare(
    `INSERT INTO cases (id, reference, title, person_name, region, priority, priority_rank, status, status_rank, summary, assignee_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'minsk', 'normal', 2, 'new', 0, '', ?, ?, ?)`,
  );
  const violation = db.prepare('INSERT INTO case_violations (case_id, violation) VALUES (?, ?)');
  const cases = [
    { n: 1, assignee: IHAR, violations: ['torture', 'detention'] },
    { n: 2, assignee: null, violations: ['other'] },
    { n: 3, assignee: ADMIN, violations: [] },
    { n: 4, assignee: null, violations: ['fine', 'property-seizure', 'search'] },
  ];
  for (const c of cases) {
    const id = `01900000-0000-7000-8000-0000000000a${c.n}`;
    insert.run(id, `2026-0000${c.n}`, `Case ${c.n}`, `Person ${c.n}`, c.assignee, AT, `2026-11-0${c.n}T10:00:00.000Z`);
    for (const v of c.violations) violation.run(id, v);
  }
  db.close();
  const slot = await sealSlot(vaultId, slotId, PASSPHRASE, key, freshKdf());
  writeKeyFile(vaultPaths(dir).keys, { format: KEY_FILE_FORMAT, version: KEY_FILE_VERSION, vaultId, slots: [slot] });
}

describe('upgrading to the triage indexes', () => {
  it('backfills assignee names and violation bits, so filters and the assignee order work on old cases', async () => {
    const dir = tempDir();
    await vaultBeforeTriageIndexes(dir);
    const vault = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
    const stored = vault.sqlite.prepare('SELECT reference, assignee_name AS name, violation_mask AS mask FROM cases ORDER BY reference').all();
    expect(stored).toEqual([
      { reference: '2026-00001', name: 'Ihar', mask: (1 << 4) | (1 << 0) },
      { reference: '2026-00002', name: '', mask: 1 << 10 },
      { reference: '2026-00003', name: 'Admin', mask: 0 },
      { reference: '2026-00004', name: '', mask: (1 << 5) | (1 << 9) | (1 << 3) },
    ]);
    const titles = (filter: object, sort: object[] = []) =>
      listCases(vault.orm, { filter, sort: sort as never, offset: 0, limit: 10 }, ADMIN).rows.map((r) => r.title);
    expect(titles({ violation: ['torture'] })).toEqual(['Case 1']);
    expect(titles({ violation: ['search', 'other'] })).toEqual(['Case 4', 'Case 2']);
    expect(titles({}, [{ field: 'assignee', direction: 'asc' }])).toEqual(['Case 2', 'Case 4', 'Case 3', 'Case 1']);
    expect(titles({ assignee: 'me' })).toEqual(['Case 3']);
    const indexes = vault.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND name LIKE 'cases_%'").all();
    expect(indexes.map((i) => (i as { name: string }).name).sort()).toEqual(
      [
        'cases_assignee_order', 'cases_created_order', 'cases_event_order', 'cases_filters', 'cases_person_name_order', 'cases_priority_order',
        'cases_reference', 'cases_reference_order', 'cases_region_order', 'cases_status_order', 'cases_title_order', 'cases_updated_order',
      ].sort(),
    );
    vault.close();
  });
});
