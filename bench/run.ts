/**
 * `npm run bench`: the vault's costs on this machine, each beside its baseline in the same run:
 * SQLCipher against the same schema in plain SQLite, and unlock at the minimum and calibrated Argon2id cost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { v7 as uuidv7 } from 'uuid';
import * as schema from '../db/schema';
import { createVault, unlockVault, type Orm } from '../db/vault';
import { defaultMigrationsDir } from '../db/paths';
import { insertCases, listCases } from '../db/repositories/cases';
import { syntheticCases } from './synthetic';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const PASSPHRASE = 'benchmark passphrase 2026';

function time<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

function workload(orm: Orm, authorId: string, count = CASES) {
  const data = syntheticCases(count);
  const insert = time(() => {
    for (let i = 0; i < data.length; i += 5000) insertCases(orm, data.slice(i, i + 5000).map((c) => ({ summary: '', ...c })), authorId, new Date().toISOString());
  });
  const first = time(() => listCases(orm, { sort: [], offset: 0, limit: 100 }));
  const byPriority = time(() => listCases(orm, { sort: [{ field: 'priority', direction: 'asc' }, { field: 'title', direction: 'asc' }], offset: 0, limit: 100 }));
  const deepPage = time(() => listCases(orm, { sort: [{ field: 'personName', direction: 'desc' }], offset: Math.floor(CASES / 2), limit: 100 }));
  return { insert: insert.ms, first: first.ms, byPriority: byPriority.ms, deepPage: deepPage.ms };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'caseboard-bench-'));
  try {
    const plainDb = new Database(join(dir, 'plain.db'));
    plainDb.pragma('journal_mode = WAL');
    plainDb.pragma('synchronous = FULL');
    plainDb.pragma('temp_store = MEMORY');
    const plain = drizzle(plainDb, { schema });
    migrate(plain, { migrationsFolder: defaultMigrationsDir() });
    const authorId = uuidv7();
    plain.insert(schema.staff).values({ id: authorId, name: 'Bench', role: 'admin', slotId: 'bench', createdAt: new Date().toISOString() }).run();
    // Warm the JIT on a throwaway in-memory database so neither side pays for it.
    const warm = new Database(':memory:');
    const warmOrm = drizzle(warm, { schema });
    migrate(warmOrm, { migrationsFolder: defaultMigrationsDir() });
    warmOrm.insert(schema.staff).values({ id: authorId, name: 'Bench', role: 'admin', slotId: 'bench', createdAt: new Date().toISOString() }).run();
    workload(warmOrm, authorId, 5000);
    warm.close();

    const plainResult = workload(plain, authorId);
    plainDb.close();

    const created = await timeAsync(() => createVault(join(dir, 'vault'), { office: 'Bench', user: 'Bench', passphrase: PASSPHRASE }, { kdfTargetMs: 0 }));
    const vault = created.value;
    const cipherResult = workload(vault.orm, vault.user.id);
    vault.close();
    const unlockMin = await timeAsync(() => unlockVault(join(dir, 'vault'), PASSPHRASE));
    unlockMin.value.close();

    const calibrated = await timeAsync(() => createVault(join(dir, 'calibrated'), { office: 'Bench', user: 'Bench', passphrase: PASSPHRASE }));
    calibrated.value.close();
    const unlockCalibrated = await timeAsync(() => unlockVault(join(dir, 'calibrated'), PASSPHRASE));
    unlockCalibrated.value.close();

    const row = (label: string, a: number, b: number) =>
      `| ${label} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(2)}× |`;
    console.log(`Caseboard vault benchmark — ${CASES.toLocaleString('en')} synthetic cases, Node ${process.version}\n`);
    console.log('| operation | plain SQLite (ms) | SQLCipher 4 (ms) | ratio |');
    console.log('|---|---|---|---|');
    console.log(row(`insert ${CASES} cases (batches of 5,000)`, plainResult.insert, cipherResult.insert));
    console.log(row('first page, newest first (100 rows + count)', plainResult.first, cipherResult.first));
    console.log(row('first page by priority, then title', plainResult.byPriority, cipherResult.byPriority));
    console.log(row('middle page by person name (offset N/2)', plainResult.deepPage, cipherResult.deepPage));
    console.log('\n| unlock | ms |\n|---|---|');
    console.log(`| create vault, minimum Argon2id (64 MiB, t=3) | ${created.ms.toFixed(0)} |`);
    console.log(`| unlock + integrity check + migrations, minimum Argon2id, ${CASES} cases | ${unlockMin.ms.toFixed(0)} |`);
    console.log(`| unlock, Argon2id calibrated to ~500 ms (empty vault) | ${unlockCalibrated.ms.toFixed(0)} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
