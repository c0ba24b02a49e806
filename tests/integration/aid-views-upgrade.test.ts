/** Migration aid_views: saved views written before it are case views, and stay the owner's case views. */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openEncrypted } from '../../db/connection';
import { freshKdf, KEY_FILE_FORMAT, KEY_FILE_VERSION, newSlotId, sealSlot, writeKeyFile } from '../../db/keyfile';
import { defaultMigrationsDir, vaultPaths } from '../../db/paths';
import { deleteAidView, listAidViews, saveAidView } from '../../db/repositories/aid-views';
import { listViews } from '../../db/repositories/views';
import { builtInAidViews } from '../../shared/domain/aid-views';
import { unlockVault } from '../../db/vault';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

const ADMIN = '01900000-0000-7000-8000-000000000001';
const VIEW = '01900000-0000-7000-8000-0000000000b1';
const AT = '2026-11-01T10:00:00.000Z';

async function vaultBeforeAidViews(dir: string): Promise<void> {
  const migrations = join(tempDir(), 'migrations');
  mkdirSync(join(migrations, 'meta'), { recursive: true });
  const source = defaultMigrationsDir();
  const journal = JSON.parse(readFileSync(join(source, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((e) => e.tag.endsWith('_aid_views'));
  expect(index).toBeGreaterThan(0);
  const before = journal.entries.slice(0, index);
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
  db.prepare("INSERT INTO staff (id, name, role, slot_id, created_at) VALUES (?, 'Admin', 'admin', ?, ?)").run(ADMIN, slotId, AT);
  db.prepare('INSERT INTO saved_views (id, owner_id, name, filter, sort, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    VIEW,
    ADMIN,
    'Gomel torture',
    JSON.stringify({ region: ['gomel'], violation: ['torture'] }),
    JSON.stringify([{ field: 'updatedAt', direction: 'desc' }]),
    AT,
  );
  db.close();
  const slot = await sealSlot(vaultId, slotId, PASSPHRASE, key, freshKdf());
  writeKeyFile(vaultPaths(dir).keys, { format: KEY_FILE_FORMAT, version: KEY_FILE_VERSION, vaultId, slots: [slot] });
}

describe('upgrading to ledger views', () => {
  it('keeps earlier saved views as case views, apart from the ledger views', async () => {
    const dir = tempDir();
    await vaultBeforeAidViews(dir);
    const vault = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
    expect(vault.sqlite.prepare('SELECT scope FROM saved_views WHERE id = ?').get(VIEW)).toEqual({ scope: 'cases' });
    expect(listViews(vault.orm, ADMIN).find((v) => v.id === VIEW)).toEqual({
      id: VIEW,
      name: 'Gomel torture',
      filter: { region: ['gomel'], violation: ['torture'] },
      sort: [{ field: 'updatedAt', direction: 'desc' }],
      builtIn: false,
    });
    expect(listAidViews(vault.orm, ADMIN)).toEqual(builtInAidViews);
    expect(() => deleteAidView(vault.orm, ADMIN, VIEW)).toThrow(/No such saved ledger view/);
    // A ledger view may take a name a case view already has: the two lists are separate.
    saveAidView(vault.orm, ADMIN, { name: 'Gomel torture', filter: { status: ['paid'] }, sort: [] }, AT);
    expect(listAidViews(vault.orm, ADMIN).map((v) => v.name).at(-1)).toBe('Gomel torture');
    expect(listViews(vault.orm, ADMIN).filter((v) => !v.builtIn)).toHaveLength(1);
    vault.close();
  });
});
