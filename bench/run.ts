/**
 * `npm run bench`: Caseboard's costs on this machine at realistic size, each beside its baseline in the
 * same run: the same schema and code on plain SQLite against the SQLCipher 4 vault. The two stores are
 * measured in alternation — file by file, day by day, query by query — so that whatever else the machine
 * is doing falls on both alike.
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
import { addStaff, dayAt, planActivity, runDay } from './activity';
import { casesAsCsv, random, syntheticCases } from './synthetic';
import { firstPage, noSamples, percentiles, runRound, searchTexts, timed, triageQueries, type Samples } from './workload';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const PASSPHRASE = 'benchmark passphrase 2026';
const IMPORTED_AT = new Date('2026-09-01T08:00:00.000Z');

/** One store, open; `reopen` closes it and opens it again as a person would (for the vault: unlock). */
interface Store {
  orm: Orm;
  sqlite: Database.Database;
  authorId: string;
  reopen: () => Promise<Store>;
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
    reopen: async () => {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
      return plainStore(path, authorId, false);
    },
  };
}

async function vaultStore(dir: string): Promise<Store> {
  const opened = (vault: Awaited<ReturnType<typeof unlockVault>>): Store => ({
    orm: vault.orm,
    sqlite: vault.sqlite,
    authorId: vault.user.id,
    reopen: async () => {
      vault.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      vault.close();
      return opened(await unlockVault(dir, PASSPHRASE));
    },
  });
  return opened(await createVault(dir, { office: 'Bench', user: 'Bench', passphrase: PASSPHRASE }, { kdfTargetMs: 0 }));
}

/** Import through the same path as `cases import`: parse, map, validate, insert in one transaction per file. */
async function importFile(store: Store, csv: Uint8Array): Promise<string[]> {
  const sheet = await parseSpreadsheet('cases.csv', csv);
  const rows = toCaseInputs(sheet.columns, sheet.rows, guessMapping(sheet.columns), sheet.lines).inputs.map((row) => row!);
  return store.orm.transaction((tx) => importCases(tx, rows, 'imported', { id: store.authorId, at: IMPORTED_AT.toISOString() }));
}

interface Measured {
  importMs: number;
  /** Processor time of the import: the part of it that other work on the machine does not lengthen. */
  importCpuMs: number;
  activity: { acted: number; ms: number };
  reopenMs: number;
  firstPage: number;
  samples: Samples;
}

async function measure(stores: Store[], csv: Uint8Array[], people: string[], size = { cases: CASES, samples: SAMPLES }): Promise<Measured[]> {
  const results: Measured[] = stores.map(() => ({ importMs: 0, importCpuMs: 0, activity: { acted: 0, ms: 0 }, reopenMs: 0, firstPage: 0, samples: noSamples() }));
  const caseIds: string[][] = stores.map(() => []);
  // 100,000 cases come as files of 25,000 rows (one file may hold 50,000 at most).
  for (const file of csv) {
    for (const [i, store] of stores.entries()) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      caseIds[i]!.push(...(await importFile(store, file)));
      const used = process.cpuUsage(cpu);
      results[i]!.importMs += performance.now() - started;
      results[i]!.importCpuMs += (used.user + used.system) / 1000;
    }
  }
  // As `cases import` does after committing.
  for (const store of stores) refreshPlannerStats(store.sqlite);
  const staffIds = stores.map((store) => addStaff(store.orm, IMPORTED_AT.toISOString()));
  const days = planActivity(size.cases, staffIds[0]!.length);
  const start = new Date(IMPORTED_AT.getTime() + 86_400_000);
  days.forEach((actions, day) => {
    for (const [i, store] of stores.entries()) {
      const ms = timed(() => (results[i]!.activity.acted += runDay(store.orm, actions, { cases: caseIds[i]!, staff: staffIds[i]! }, { id: store.authorId, at: dayAt(start, day) })));
      results[i]!.activity.ms += ms;
    }
  });
  const reopened: Store[] = [];
  for (const [i, store] of stores.entries()) {
    const started = performance.now();
    reopened.push(await store.reopen());
    results[i]!.reopenMs = performance.now() - started;
  }
  const views = reopened.map((store, i) => ({ orm: store.orm, me: staffIds[i]![0]!, caseIds: caseIds[i]! }));
  views.forEach((view, i) => (results[i]!.firstPage = firstPage(view)));
  // The same queries on each store, with each store's own staff ids.
  const queries = staffIds.map((ids) => triageQueries(size.samples, ids));
  const searches = searchTexts(size.samples, people);
  const next = random(13);
  for (let round = 0; round < size.samples; round++) {
    const openIndex = Math.floor(next() * size.cases);
    // Alternate which store goes first, so neither always finds the machine in the other's wake.
    const order = round % 2 === 0 ? views.map((_, i) => i) : views.map((_, i) => views.length - 1 - i);
    for (const i of order) runRound(views[i]!, results[i]!.samples, queries[i]![round]!, searches[round]!, openIndex);
  }
  for (const store of reopened) {
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    store.sqlite.close();
  }
  return results;
}

const sizeOf = (...paths: string[]) => paths.reduce((sum, p) => sum + (statSync(p, { throwIfNoEntry: false })?.size ?? 0), 0);

function report(plain: Measured, vault: Measured, sizes: { plain: number; vault: number }, csv: Uint8Array[], perNameMicros: number, load: string) {
  const csvBytes = csv.reduce((sum, file) => sum + file.length, 0);
  const f = (n: number) => n.toFixed(1);
  const row = (label: string, a: number, b: number) => console.log(`| ${label} | ${f(a)} | ${f(b)} | ${(b / a).toFixed(2)}× |`);
  const rows = (label: string, pick: (s: Samples) => number[]) => {
    const [a, b] = [percentiles(pick(plain.samples)), percentiles(pick(vault.samples))];
    row(`${label}, p50 (ms)`, a.p50, b.p50);
    row(`${label}, p95 (ms)`, a.p95, b.p95);
  };
  const perCase = (m: Measured) => (m.activity.ms / m.activity.acted) * 1000;
  console.log(
    `Caseboard benchmark — ${CASES.toLocaleString('en')} synthetic cases (${csv.length} CSV files, ${(csvBytes / 1e6).toFixed(1)} MB), ` +
      `${SAMPLES} samples per query, Node ${process.version}; load average at the start ${load}, at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`,
  );
  console.log('| measure | plain SQLite | SQLCipher 4 vault | ratio |');
  console.log('|---|---|---|---|');
  row('import from CSV (s)', plain.importMs / 1000, vault.importMs / 1000);
  row('import from CSV, processor time (s)', plain.importCpuMs / 1000, vault.importCpuMs / 1000);
  row('triage actions after import: bulk assign, priority, status, risk flag (µs per case)', perCase(plain), perCase(vault));
  row('reopen (vault: unlock with Argon2id at minimum cost, integrity check) (ms)', plain.reopenMs, vault.reopenMs);
  row('first page of the default view after reopening (ms)', plain.firstPage, vault.firstPage);
  rows('triage query: filter + sort + page of 100 (next page by cursor)', (s) => s.triage);
  rows('the same pages by offset', (s) => s.triageByOffset);
  rows('full-text search across scripts', (s) => s.search);
  rows('open a case (detail)', (s) => s.open);
  row('size on disk (MB)', sizes.plain / 1e6, sizes.vault / 1e6);
  console.log(`\nTransliteration keys (nameKeys) of one two-word name: ${perNameMicros.toFixed(1)} µs`);
}

async function main() {
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  const dir = mkdtempSync(join(tmpdir(), 'caseboard-bench-'));
  try {
    const all = syntheticCases(CASES);
    const csv = Array.from({ length: Math.ceil(CASES / 25_000) }, (_, i) => casesAsCsv(all.slice(i * 25_000, (i + 1) * 25_000)));
    const people = all.map((c) => c.personName!);
    // Warm the JIT on a small throwaway database so neither side pays for it.
    const warmCases = syntheticCases(2000, 1);
    await measure([plainStore(join(dir, 'warm.db'), newId(), true)], [casesAsCsv(warmCases)], warmCases.map((c) => c.personName!), { cases: 2000, samples: 50 });

    const [plain, vault] = await measure([plainStore(join(dir, 'plain.db'), newId(), true), await vaultStore(join(dir, 'vault'))], csv, people);

    const names = syntheticCases(6000, 3).map((c) => c.personName!);
    for (const name of names.slice(0, 2000)) nameKeys(name);
    const keysStarted = performance.now();
    for (const name of names) nameKeys(name);
    const perNameMicros = (performance.now() - keysStarted) * 1000 / names.length;

    const paths = vaultPaths(join(dir, 'vault'));
    const sizes = { plain: sizeOf(join(dir, 'plain.db'), join(dir, 'plain.db-wal')), vault: sizeOf(paths.db, paths.wal, paths.keys) };
    report(plain!, vault!, sizes, csv, perNameMicros, load);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// BENCH=duplicates, BENCH=aid and BENCH=sync run the duplicate finder's (bench/duplicates.ts), the aid
// ledger's (bench/aid.ts) and the sync (bench/sync.ts) benchmarks instead.
if (process.env.BENCH === 'duplicates') await import('./duplicates');
else if (process.env.BENCH === 'aid') await import('./aid');
else if (process.env.BENCH === 'sync') await import('./sync');
// BENCH=duplicates-fit fits the duplicate score's weights (bench/fit-duplicates.ts).
else if (process.env.BENCH === 'duplicates-fit') await import('./fit-duplicates');
else await main();
