/**
 * `npm run bench`: Caseboard's costs on this machine at realistic size, each beside its baseline in the
 * same run: the same schema and code on plain SQLite against the SQLCipher 4 vault.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '../db/schema';
import { createVault, unlockVault, type Orm } from '../db/vault';
import { defaultMigrationsDir, vaultPaths } from '../db/paths';
import { PAGE_CACHE_KIB, refreshPlannerStats } from '../db/connection';
import { newId } from '../db/ids';
import { importCases } from '../db/repositories/cases';
import { parseSpreadsheet, guessMapping, toCaseInputs } from '../backend/spreadsheet';
import { nameKeys } from '../shared/names';
import { addStaff, triageActivity, type ActivityResult } from './activity';
import { casesAsCsv, syntheticCases } from './synthetic';
import { runWorkload, searchTexts, triageQueries, type WorkloadResult } from './workload';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const PASSPHRASE = 'benchmark passphrase 2026';
const IMPORTED_AT = new Date('2026-09-01T08:00:00.000Z');

const ms = (started: number) => performance.now() - started;

/**
 * Import through the same path as `cases import`: parse, map, validate, insert in one transaction per file.
 * 100,000 cases come as files of 25,000 rows (one file may hold 50,000 at most).
 */
async function importCsv(orm: Orm, files: Uint8Array[], authorId: string): Promise<{ ms: number; ids: string[] }> {
  const started = performance.now();
  const ids: string[] = [];
  for (const csv of files) {
    const sheet = await parseSpreadsheet('cases.csv', csv);
    const rows = toCaseInputs(sheet.columns, sheet.rows, guessMapping(sheet.columns), sheet.lines).inputs.map((row) => row!);
    ids.push(...orm.transaction((tx) => importCases(tx, rows, 'imported', { id: authorId, at: IMPORTED_AT.toISOString() })));
  }
  return { ms: ms(started), ids };
}

interface Store {
  orm: Orm;
  sqlite: Database.Database;
  authorId: string;
  reopen: () => Promise<Store>;
  close: () => void;
}

interface StoreResult extends WorkloadResult {
  importMs: number;
  activity: ActivityResult;
  openMs: number;
}

/** Import, a register's worth of triage, then the queries on the store reopened (as after unlocking it). */
async function measureStore(store: Store, csv: Uint8Array[], people: string[]): Promise<StoreResult> {
  const imported = await importCsv(store.orm, csv, store.authorId);
  // As `cases import` does after committing.
  refreshPlannerStats(store.sqlite);
  const staffIds = addStaff(store.orm, IMPORTED_AT.toISOString());
  const activity = triageActivity(store.orm, staffIds, imported.ids, store.authorId, new Date(IMPORTED_AT.getTime() + 86_400_000));
  store.close();
  const openStarted = performance.now();
  const reopened = await store.reopen();
  const openMs = ms(openStarted);
  const result = runWorkload(reopened.orm, staffIds[0]!, triageQueries(SAMPLES, staffIds), searchTexts(SAMPLES, people), imported.ids);
  reopened.close();
  return { ...result, importMs: imported.ms, activity, openMs };
}

function plainStore(path: string, authorId: string, create: boolean): Store {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('temp_store = MEMORY');
  // The same page cache as the vault's (db/connection.ts), so the two differ only in encryption.
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  const orm = drizzle(sqlite, { schema });
  if (create) {
    migrate(orm, { migrationsFolder: defaultMigrationsDir() });
    orm.insert(schema.staff).values({ id: authorId, name: 'Bench', role: 'admin', slotId: 'bench', createdAt: IMPORTED_AT.toISOString() }).run();
  }
  refreshPlannerStats(sqlite);
  return {
    orm,
    sqlite,
    authorId,
    reopen: async () => plainStore(path, authorId, false),
    close: () => {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
    },
  };
}

async function vaultStore(dir: string): Promise<Store> {
  const opened = async (vault: Awaited<ReturnType<typeof unlockVault>>): Promise<Store> => ({
    orm: vault.orm,
    sqlite: vault.sqlite,
    authorId: vault.user.id,
    reopen: async () => opened(await unlockVault(dir, PASSPHRASE)),
    close: () => {
      vault.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      vault.close();
    },
  });
  return opened(await createVault(dir, { office: 'Bench', user: 'Bench', passphrase: PASSPHRASE }, { kdfTargetMs: 0 }));
}

const sizeOf = (...paths: string[]) => paths.reduce((sum, p) => sum + (statSync(p, { throwIfNoEntry: false })?.size ?? 0), 0);

function report(plain: StoreResult, vault: StoreResult, sizes: { plain: number; vault: number }, csv: Uint8Array[], perNameMicros: number) {
  const csvBytes = csv.reduce((sum, file) => sum + file.length, 0);
  const f = (n: number) => n.toFixed(1);
  const row = (label: string, a: number, b: number) => `| ${label} | ${f(a)} | ${f(b)} | ${(b / a).toFixed(2)}× |`;
  const perCase = (a: ActivityResult) => (a.ms / a.changed) * 1000;
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`Caseboard benchmark — ${CASES.toLocaleString('en')} synthetic cases (${csv.length} CSV files, ${(csvBytes / 1e6).toFixed(1)} MB), ${SAMPLES} samples per query, Node ${process.version}, load average at the end ${load}\n`);
  console.log('| measure | plain SQLite | SQLCipher 4 vault | ratio |');
  console.log('|---|---|---|---|');
  console.log(row('import from CSV (s)', plain.importMs / 1000, vault.importMs / 1000));
  console.log(row('triage actions after import: bulk assign, priority, status, risk flag (µs per case)', perCase(plain.activity), perCase(vault.activity)));
  console.log(row('reopen (vault: unlock with Argon2id at minimum cost, integrity check) (ms)', plain.openMs, vault.openMs));
  console.log(row('first page of the default view after reopening (ms)', plain.firstPage, vault.firstPage));
  console.log(row('triage query: filter + sort + page of 100 (next page by cursor), p50 (ms)', plain.triage.p50, vault.triage.p50));
  console.log(row('triage query: filter + sort + page of 100 (next page by cursor), p95 (ms)', plain.triage.p95, vault.triage.p95));
  console.log(row('the same pages by offset, p50 (ms)', plain.triageByOffset.p50, vault.triageByOffset.p50));
  console.log(row('the same pages by offset, p95 (ms)', plain.triageByOffset.p95, vault.triageByOffset.p95));
  console.log(row('full-text search across scripts, p50 (ms)', plain.search.p50, vault.search.p50));
  console.log(row('full-text search across scripts, p95 (ms)', plain.search.p95, vault.search.p95));
  console.log(row('open a case (detail), p50 (ms)', plain.open.p50, vault.open.p50));
  console.log(row('open a case (detail), p95 (ms)', plain.open.p95, vault.open.p95));
  console.log(row('size on disk (MB)', sizes.plain / 1e6, sizes.vault / 1e6));
  console.log(`\nTransliteration keys (nameKeys) of one two-word name: ${perNameMicros.toFixed(1)} µs`);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'caseboard-bench-'));
  try {
    const all = syntheticCases(CASES);
    const csv = Array.from({ length: Math.ceil(CASES / 25_000) }, (_, i) => casesAsCsv(all.slice(i * 25_000, (i + 1) * 25_000)));
    const people = all.map((c) => c.personName!);
    // Warm the JIT on a small throwaway database so neither side pays for it.
    const warmCases = syntheticCases(2000, 1);
    await measureStore(plainStore(join(dir, 'warm.db'), newId(), true), [casesAsCsv(warmCases)], warmCases.map((c) => c.personName!));

    const plain = await measureStore(plainStore(join(dir, 'plain.db'), newId(), true), csv, people);
    const vault = await measureStore(await vaultStore(join(dir, 'vault')), csv, people);

    const names = syntheticCases(6000, 3).map((c) => c.personName!);
    for (const name of names.slice(0, 2000)) nameKeys(name);
    const keysStarted = performance.now();
    for (const name of names) nameKeys(name);
    const perNameMicros = (ms(keysStarted) * 1000) / names.length;

    const paths = vaultPaths(join(dir, 'vault'));
    const sizes = { plain: sizeOf(join(dir, 'plain.db'), join(dir, 'plain.db-wal')), vault: sizeOf(paths.db, paths.wal, paths.keys) };
    report(plain, vault, sizes, csv, perNameMicros);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
