/**
 * The vault keeps its decrypted pages in the process's own memory, and only there: a large page cache (so the
 * triage indexes stay decrypted), and never a memory map of the file, which would bypass the cipher.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { PAGE_CACHE_KIB } from '../../db/connection';
import { vaultPaths } from '../../db/paths';
import { insertCases, listCases } from '../../db/repositories/cases';
import { createVault, unlockVault } from '../../db/vault';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

const mapsOf = (path: string) => readFileSync('/proc/self/maps', 'utf8').split('\n').filter((line) => line.endsWith(path));

it('caches decrypted pages in memory and never maps the vault file, even when asked to', async () => {
  const dir = tempDir();
  const created = await createVault(dir, { office: 'Office', user: 'Admin', passphrase: PASSPHRASE }, { kdfTargetMs: 0 });
  const author = { id: created.user.id, at: new Date().toISOString() };
  created.orm.transaction((tx) =>
    insertCases(tx, Array.from({ length: 300 }, (_, i) => ({ title: `Case ${i}`, personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent', summary: 'x'.repeat(2000) })), author),
  );
  created.close();

  const vault = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
  expect(vault.sqlite.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
  expect(vault.sqlite.pragma('mmap_size', { simple: true })).toBe(0);
  const db = vaultPaths(dir).db;
  expect(listCases(vault.orm, { filter: {}, sort: [{ field: 'title', direction: 'asc' }], offset: 0, limit: 300 }, vault.user.id).rows).toHaveLength(300);
  expect(mapsOf(db)).toEqual([]);
  vault.sqlite.pragma('mmap_size = 268435456');
  expect(vault.sqlite.prepare('SELECT sum(length(summary)) AS n FROM cases').get()).toEqual({ n: 600_000 });
  expect(mapsOf(db)).toEqual([]);
  vault.close();

  // Control: the same check does see the map of a plain SQLite file.
  const plainPath = join(dir, 'plain.db');
  const plain = new Database(plainPath);
  plain.pragma('mmap_size = 268435456');
  plain.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('x')");
  plain.prepare('SELECT x FROM t').all();
  expect(mapsOf(plainPath).length).toBeGreaterThan(0);
  plain.close();
});
