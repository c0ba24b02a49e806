import { readdirSync, readFileSync, writeFileSync, copyFileSync, mkdirSync, readlinkSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createVault, unlockVault, type VaultOptions } from '../../db/vault';
import { freshKdf, KEY_FILE_FORMAT, KEY_FILE_VERSION, MIN_KDF, newSlotId, readKeyFile, sealSlot, writeKeyFile } from '../../db/keyfile';
import { vaultPaths, defaultMigrationsDir } from '../../db/paths';
import { getCaseDetail, listCases, insertCases } from '../../db/repositories/cases';
import { getPersonDetail } from '../../db/repositories/persons';
import { openEncrypted, APPLICATION_ID } from '../../db/connection';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import {
  canary,
  canaryForms,
  bufferContainsAny,
  filesContaining,
  OTHER_PASSPHRASE,
  PASSPHRASE,
  removeTempDirs,
  snapshotDir,
  tempDir,
} from '../fixtures/data-dir';

const fast: VaultOptions = { kdfTargetMs: 0 };

afterEach(removeTempDirs);

async function expectCode(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
}

function newCase(title: string, personName = 'Алесь Бяляцкі') {
  return { title, personName, region: 'minsk-city' as const, priority: 'high' as const, summary: '' };
}

describe('vault lifecycle', () => {
  it('creates, writes, closes, reopens and reads back', async () => {
    const dir = tempDir();
    const vault = await createVault(dir, { office: 'Вясна', user: 'Admin', passphrase: PASSPHRASE }, fast);
    expect(vault.user.role).toBe('admin');
    insertCases(vault.orm, [newCase('Detention at Akrestsina'), newCase('Search at home', 'Marfa Rabkova')], { id: vault.user.id, at: '2026-11-01T10:00:00.000Z' });
    vault.close();

    const reopened = await unlockVault(dir, PASSPHRASE, fast);
    expect(reopened.officeName).toBe('Вясна');
    expect(reopened.user.name).toBe('Admin');
    const page = listCases(reopened.orm, { filter: {}, sort: [{ field: 'title', direction: 'asc' }], offset: 0, limit: 10 }, 'nobody');
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => [r.title, r.personName, r.status])).toEqual([
      ['Detention at Akrestsina', 'Алесь Бяляцкі', 'new'],
      ['Search at home', 'Marfa Rabkova', 'new'],
    ]);
    reopened.close();
  });

  it('rejects a wrong passphrase with WRONG_PASSPHRASE and leaves every file byte-identical', async () => {
    const dir = tempDir();
    const vault = await createVault(dir, { office: 'Office', user: 'Admin', passphrase: PASSPHRASE }, fast);
    insertCases(vault.orm, [newCase('A case')], { id: vault.user.id, at: '2026-11-01T10:00:00.000Z' });
    vault.close();
    const before = snapshotDir(dir);
    await expectCode(unlockVault(dir, 'correct horse battery stapler', fast), 'WRONG_PASSPHRASE', /passphrase does not open/);
    await expectCode(unlockVault(dir, '', fast), 'WRONG_PASSPHRASE');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('changes a passphrase: the old one is then rejected, the new one accepted, the data kept', async () => {
    const dir = tempDir();
    const vault = await createVault(dir, { office: 'Office', user: 'Admin', passphrase: PASSPHRASE }, fast);
    insertCases(vault.orm, [newCase('Kept across rekey')], { id: vault.user.id, at: '2026-11-01T10:00:00.000Z' });
    const dbBefore = readFileSync(vaultPaths(dir).db);
    await expectCode(vault.changePassphrase('not the passphrase', OTHER_PASSPHRASE), 'WRONG_PASSPHRASE', /current passphrase/);
    await vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE);
    vault.close();
    // Re-wrapping never re-encrypts the database: only the key file changed.
    expect(readFileSync(vaultPaths(dir).db).subarray(0, 16)).toEqual(dbBefore.subarray(0, 16));

    await expectCode(unlockVault(dir, PASSPHRASE, fast), 'WRONG_PASSPHRASE');
    // The same passphrase in decomposed Unicode form opens it too.
    const reopened = await unlockVault(dir, OTHER_PASSPHRASE.normalize('NFD'), fast);
    expect(listCases(reopened.orm, { filter: {}, sort: [], offset: 0, limit: 5 }, 'nobody').rows[0]?.title).toBe('Kept across rekey');
    reopened.close();
  });

  it('refuses to create a vault over an existing one, and changes nothing', async () => {
    const dir = tempDir();
    (await createVault(dir, { office: 'Office', user: 'Admin', passphrase: PASSPHRASE }, fast)).close();
    const before = snapshotDir(dir);
    await expectCode(createVault(dir, { office: 'Other', user: 'Admin', passphrase: PASSPHRASE }, fast), 'VAULT_EXISTS');
    expect(snapshotDir(dir)).toEqual(before);
  });
});

describe('key slots', () => {
  it('stores Argon2id parameters at or above the minimum and no key material in plain sight', async () => {
    const dir = tempDir();
    const vault = await createVault(dir, { office: 'Office', user: 'Admin', passphrase: PASSPHRASE }, fast);
    vault.close();
    const keyFile = readKeyFile(vaultPaths(dir).keys);
    const [slot] = keyFile.slots;
    expect(slot?.kdf.algorithm).toBe('argon2id');
    expect(slot?.kdf.memoryKiB).toBeGreaterThanOrEqual(MIN_KDF.memoryKiB);
    expect(slot?.kdf.iterations).toBeGreaterThanOrEqual(MIN_KDF.iterations);
    expect(Buffer.from(slot!.kdf.salt, 'base64')).toHaveLength(16);
    const text = readFileSync(vaultPaths(dir).keys, 'utf8');
    expect(text).not.toContain('Admin');
    expect(text).not.toContain(PASSPHRASE);
  });

  it('fails closed on a tampered slot or weakened parameters, file untouched', async () => {
    const dir = tempDir();
    (await createVault(dir, { office: 'Office', user: 'Admin', passphrase: PASSPHRASE }, fast)).close();
    const keysPath = vaultPaths(dir).keys;
    const original = readKeyFile(keysPath);
    const slot = original.slots[0]!;

    const flipped = Buffer.from(slot.wrappedKey, 'base64');
    flipped[3]! ^= 0x01;
    writeKeyFile(keysPath, { ...original, slots: [{ ...slot, wrappedKey: flipped.toString('base64') }] });
    let before = snapshotDir(dir);
    await expectCode(unlockVault(dir, PASSPHRASE, fast), 'WRONG_PASSPHRASE');
    expect(snapshotDir(dir)).toEqual(before);

    // Raising the iteration count is within bounds but is bound into the wrap: it must not open.
    writeKeyFile(keysPath, { ...original, slots: [{ ...slot, kdf: { ...slot.kdf, iterations: slot.kdf.iterations + 1 } }] });
    await expectCode(unlockVault(dir, PASSPHRASE, fast), 'WRONG_PASSPHRASE');

    // Below the floor is refused before any derivation runs.
    const weak = { ...original, slots: [{ ...slot, kdf: { ...slot.kdf, memoryKiB: 1024 } }] };
    writeFileSync(keysPath, JSON.stringify(weak));
    before = snapshotDir(dir);
    await expectCode(unlockVault(dir, PASSPHRASE, fast), 'NOT_A_VAULT', /slots\.0\.kdf\.memoryKiB/);
    expect(snapshotDir(dir)).toEqual(before);
  });
});

describe('files that are not a vault, or a damaged one', () => {
  async function vaultDir() {
    const dir = tempDir();
    const vault = await createVault(dir, { office: 'Office', user: 'Admin', passphrase: PASSPHRASE }, fast);
    vault.orm.transaction((tx) =>
      insertCases(tx, Array.from({ length: 200 }, (_, i) => newCase(`Case ${i} ${'x'.repeat(400)}`)), { id: vault.user.id, at: '2026-11-01T10:00:00.000Z' }),
    );
    vault.close();
    return dir;
  }

  it('reports an empty directory as NO_VAULT', async () => {
    await expectCode(unlockVault(tempDir(), PASSPHRASE, fast), 'NO_VAULT', /no Caseboard vault/);
    await expectCode(unlockVault(join(tempDir(), 'missing'), PASSPHRASE, fast), 'NO_VAULT');
  });

  it('refuses a plain SQLite file and never overwrites it', async () => {
    const dir = tempDir();
    const plain = new Database(join(dir, 'caseboard.db'));
    plain.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1)');
    plain.close();
    const before = snapshotDir(dir);
    await expectCode(unlockVault(dir, PASSPHRASE, fast), 'NOT_A_VAULT', /unencrypted SQLite/);
    await expectCode(createVault(dir, { office: 'O', user: 'U', passphrase: PASSPHRASE }, fast), 'NOT_A_VAULT');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('refuses a key file that is not one', async () => {
    const dir = await vaultDir();
    for (const garbage of ['', 'not json', '{"format":"something-else"}', '[]']) {
      writeFileSync(vaultPaths(dir).keys, garbage);
      const before = snapshotDir(dir);
      await expectCode(unlockVault(dir, PASSPHRASE, fast), 'NOT_A_VAULT', /not a (valid )?Caseboard key file/);
      expect(snapshotDir(dir)).toEqual(before);
    }
  });

  it('reports a missing key file or database as VAULT_DAMAGED', async () => {
    const dir = await vaultDir();
    const keys = readFileSync(vaultPaths(dir).keys);
    const other = tempDir();
    writeFileSync(vaultPaths(other).keys, keys);
    await expectCode(unlockVault(other, PASSPHRASE, fast), 'VAULT_DAMAGED', /database .* is missing/);
    const onlyDb = tempDir();
    copyFileSync(vaultPaths(dir).db, vaultPaths(onlyDb).db);
    await expectCode(unlockVault(onlyDb, PASSPHRASE, fast), 'VAULT_DAMAGED', /key file .* is missing/);
  });

  it('reports a damaged database as VAULT_DAMAGED without writing to it', async () => {
    const dir = await vaultDir();
    const probe = await unlockVault(dir, PASSPHRASE, fast);
    const { rootpage } = probe.sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'cases'").get() as { rootpage: number };
    probe.close();
    const path = vaultPaths(dir).db;
    const bytes = readFileSync(path);
    // Pages in use, which unlock reads: the first, the second, and the root of the cases table.
    // (A damaged page on the free list holds nothing and is never read.)
    for (const offset of [100, 4096 + 50, (rootpage - 1) * 4096 + 200]) {
      const damaged = Buffer.from(bytes);
      damaged[offset]! ^= 0xff;
      writeFileSync(path, damaged);
      const before = snapshotDir(dir);
      await expectCode(unlockVault(dir, PASSPHRASE, fast), 'VAULT_DAMAGED', /damaged/);
      expect(snapshotDir(dir)).toEqual(before);
    }
    writeFileSync(path, bytes.subarray(0, 8));
    await expectCode(unlockVault(dir, PASSPHRASE, fast), 'VAULT_DAMAGED', /truncated/);
  });

  it('refuses a database from another vault under this key file', async () => {
    const first = await vaultDir();
    const second = await vaultDir();
    copyFileSync(vaultPaths(second).db, vaultPaths(first).db);
    await expectCode(unlockVault(first, PASSPHRASE, fast), 'VAULT_DAMAGED');
  });
});

describe('nothing in plaintext on disk', () => {
  it('writes a real SQLCipher file: no SQLite header, no canary in db, WAL, SHM or key file', async () => {
    const dir = tempDir();
    const secret = canary();
    const vault = await createVault(dir, { office: 'Office', user: 'Admin', passphrase: PASSPHRASE }, fast);
    insertCases(vault.orm, [newCase(`Detained ${secret}`, `Person ${secret}`)], { id: vault.user.id, at: '2026-11-01T10:00:00.000Z' });
    // While open, the WAL holds the newest pages: it must be encrypted too.
    expect(readdirSync(dir).sort()).toEqual(['caseboard.db', 'caseboard.db-shm', 'caseboard.db-wal', 'caseboard.keys']);
    expect(filesContaining(dir, secret)).toEqual([]);
    vault.close();
    expect(filesContaining(dir, secret)).toEqual([]);
    const header = readFileSync(vaultPaths(dir).db).subarray(0, 16).toString('latin1');
    expect(header).not.toBe('SQLite format 3\0');

    // A plain SQLite open, or the wrong key, sees no database.
    const plain = new Database(vaultPaths(dir).db, { fileMustExist: true, readonly: true });
    expect(() => plain.prepare('SELECT * FROM sqlite_master').all()).toThrow(/not a database/);
    plain.close();
    const wrong = new Database(vaultPaths(dir).db, { fileMustExist: true, readonly: true });
    wrong.pragma(`cipher = 'sqlcipher'`);
    wrong.pragma('legacy = 4');
    wrong.pragma(`key = "x'${'11'.repeat(32)}'"`);
    expect(() => wrong.prepare('SELECT * FROM sqlite_master').all()).toThrow(/not a database/);
    wrong.close();
  });

  function filesOpenByThisProcessContaining(forms: Buffer[]): string[] {
    const hits: string[] = [];
    for (const fd of readdirSync('/proc/self/fd')) {
      let target: string;
      try {
        target = readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        continue;
      }
      if (!target.startsWith('/')) continue; // sockets, pipes, anon inodes
      try {
        if (!statSync(`/proc/self/fd/${fd}`).isFile()) continue;
        // Read through the fd link: deleted-but-open temp files (etilqs_*) are still readable there.
        const handle = openSync(`/proc/self/fd/${fd}`, 'r');
        try {
          const size = statSync(`/proc/self/fd/${fd}`).size;
          const buffer = Buffer.alloc(Math.min(size, 256 * 1024 * 1024));
          readSync(handle, buffer, 0, buffer.length, 0);
          if (bufferContainsAny(buffer, forms)) hits.push(target);
        } finally {
          closeSync(handle);
        }
      } catch {
        continue; // closed between listing and reading
      }
    }
    return hits;
  }

  function fillCanaryRows(db: Database.Database, secret: string) {
    db.exec('CREATE TABLE IF NOT EXISTS bulk(id INTEGER PRIMARY KEY, k TEXT, v TEXT)');
    const insert = db.prepare('INSERT INTO bulk(k, v) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 30_000; i++) insert.run(`${(i * 7919) % 30_000}`, `${secret} row ${i} ${'y'.repeat(300)}`);
    })();
  }

  it('keeps a large sort and a temp table in memory: no open file holds the canary meanwhile', async () => {
    const dir = tempDir();
    const secret = canary('SORTCANARY');
    const vault = await createVault(dir, { office: 'Office', user: 'Admin', passphrase: PASSPHRASE }, fast);
    const db = vault.sqlite;
    fillCanaryRows(db, secret);
    const forms = canaryForms(secret);

    const sorted = db.prepare('SELECT v FROM bulk ORDER BY k DESC, v').iterate();
    const first = sorted.next();
    expect(String((first.value as { v: string }).v)).toContain(secret);
    // The whole sort has run by the time the first row arrives; its spill files would be open now.
    expect(filesOpenByThisProcessContaining(forms)).toEqual([]);
    sorted.return?.();

    db.exec('CREATE TEMP TABLE scratch AS SELECT v FROM bulk ORDER BY random()');
    expect(filesOpenByThisProcessContaining(forms)).toEqual([]);
    db.exec('DROP TABLE scratch');
    vault.close();
    expect(filesContaining(dir, secret)).toEqual([]);
  });

  it('the /proc scan does see a leak when temp_store is left at its default (control)', async () => {
    const dir = tempDir();
    const secret = canary('CONTROL');
    const db = new Database(join(dir, 'control.db'));
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${'22'.repeat(32)}'"`);
    db.pragma('temp_store = FILE');
    db.pragma('cache_size = 50');
    fillCanaryRows(db, secret);
    const sorted = db.prepare('SELECT v FROM bulk ORDER BY k DESC, v').iterate();
    sorted.next();
    const leaked = filesOpenByThisProcessContaining(canaryForms(secret));
    sorted.return?.();
    db.close();
    expect(leaked.length).toBeGreaterThan(0);
  });
});

describe('migrations', () => {
  /**
   * What the first release wrote: schema 0000 only, its own office and staff rows, and a case with the
   * minimal model. Built by hand, because today's createVault writes today's schema.
   */
  async function firstReleaseVault(dir: string) {
    const migrations = join(tempDir(), 'migrations');
    mkdirSync(join(migrations, 'meta'), { recursive: true });
    const source = defaultMigrationsDir();
    const journal = JSON.parse(readFileSync(join(source, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const first = journal.entries[0]!;
    copyFileSync(join(source, `${first.tag}.sql`), join(migrations, `${first.tag}.sql`));
    writeFileSync(join(migrations, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: [first] }));

    mkdirSync(dir, { recursive: true });
    const key = randomBytes(32);
    const vaultId = randomUUID();
    const slotId = newSlotId();
    const db = openEncrypted(vaultPaths(dir).db, key, { create: true });
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(drizzle(db), { migrationsFolder: migrations });
    db.prepare('INSERT INTO office (id, name, created_at) VALUES (?, ?, ?)').run(vaultId, 'Office', '2026-01-01T00:00:00.000Z');
    db.prepare("INSERT INTO staff (id, name, role, slot_id, created_at) VALUES ('01900000-0000-7000-8000-000000000001', 'Admin', 'admin', ?, ?)").run(slotId, '2026-01-01T00:00:00.000Z');
    const insert = db.prepare(
      "INSERT INTO cases (id, title, person_name, region, priority, status, summary, created_at, updated_at) VALUES (?, ?, ?, 'minsk', ?, 'new', '', ?, ?)",
    );
    insert.run('01900000-0000-7000-8000-0000000000a1', 'Written under schema 0', 'Алесь Бяляцкі', 'urgent', '2025-03-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z');
    insert.run('01900000-0000-7000-8000-0000000000a2', 'Another one', 'Marfa Rabkova', 'low', '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');
    db.close();
    const slot = await sealSlot(vaultId, slotId, PASSPHRASE, key, freshKdf());
    writeKeyFile(vaultPaths(dir).keys, { format: KEY_FILE_FORMAT, version: KEY_FILE_VERSION, vaultId, slots: [slot] });
    return journal.entries.length;
  }

  it('upgrades a vault written by the first release, keeping and enriching its data', async () => {
    const dir = tempDir();
    const migrationCount = await firstReleaseVault(dir);

    const upgraded = await unlockVault(dir, PASSPHRASE, fast);
    const names = (upgraded.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['settings', 'persons', 'case_persons', 'search_index']));
    const applied = upgraded.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(migrationCount);
    const rows = listCases(upgraded.orm, { filter: {}, sort: [{ field: 'createdAt', direction: 'asc' }], offset: 0, limit: 5 }, 'nobody');
    expect(rows.rows.map((r) => [r.reference, r.title, r.personName, r.priority])).toEqual([
      ['2025-00001', 'Written under schema 0', 'Алесь Бяляцкі', 'urgent'],
      ['2026-00001', 'Another one', 'Marfa Rabkova', 'low'],
    ]);
    // Each old case's person became a person record, split into its parts, and is found across scripts.
    const detail = getCaseDetail(upgraded.orm, rows.rows[0]!.id, { withSources: false });
    expect(detail.persons).toEqual([expect.objectContaining({ displayName: 'Алесь Бяляцкі', role: 'victim' })]);
    expect(getPersonDetail(upgraded.orm, detail.persons[0]!.personId)).toMatchObject({ givenName: 'Алесь', familyName: 'Бяляцкі' });
    const found = listCases(upgraded.orm, { filter: { search: 'Bialiatski' }, sort: [], offset: 0, limit: 5 }, 'nobody');
    expect(found.rows.map((r) => r.title)).toEqual(['Written under schema 0']);
    const byPriority = listCases(upgraded.orm, { filter: { priority: ['low'] }, sort: [], offset: 0, limit: 5 }, 'nobody');
    expect(byPriority.rows.map((r) => r.title)).toEqual(['Another one']);
    upgraded.close();

    // Upgrading twice changes nothing more.
    const again = await unlockVault(dir, PASSPHRASE, fast);
    expect((again.sqlite.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n).toBe(2);
    again.close();
  });
});
