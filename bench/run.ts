/**
 * `npm run bench`: Caseboard's costs on this machine at realistic size, each beside its baseline in the
 * same run: the same schema and code on plain SQLite against the SQLCipher 4 vault.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { v7 as uuidv7 } from 'uuid';
import * as schema from '../db/schema';
import { createVault, unlockVault, type Orm } from '../db/vault';
import { defaultMigrationsDir, vaultPaths } from '../db/paths';
import { refreshPlannerStats } from '../db/connection';
import { getCaseDetail, importCases, listCases } from '../db/repositories/cases';
import { parseSpreadsheet, guessMapping, toCaseInputs } from '../backend/spreadsheet';
import { caseStatuses, priorities, regions, type CaseFilter, type CaseSort } from '../shared/domain/cases';
import { violationTypes } from '../shared/domain/vocabularies';
import { nameKeys, transliterate } from '../shared/names';
import { casesAsCsv, random, syntheticCases } from './synthetic';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const PASSPHRASE = 'benchmark passphrase 2026';

const ms = (started: number) => performance.now() - started;

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

/**
 * Import through the same path as `cases import`: parse, map, validate, insert in one transaction per file.
 * 100,000 cases come as files of 25,000 rows (one file may hold 50,000 at most).
 */
async function importCsv(orm: Orm, files: Uint8Array[], authorId: string): Promise<{ ms: number; ids: string[] }> {
  const started = performance.now();
  const ids: string[] = [];
  for (const csv of files) ids.push(...(await importFile(orm, csv, authorId)));
  return { ms: ms(started), ids };
}

async function importFile(orm: Orm, csv: Uint8Array, authorId: string): Promise<string[]> {
  const sheet = await parseSpreadsheet('cases.csv', csv);
  const rows = toCaseInputs(sheet.columns, sheet.rows, guessMapping(sheet.columns), sheet.lines).inputs.map((row) => row!);
  return orm.transaction((tx) => importCases(tx, rows, 'imported', { id: authorId, at: new Date().toISOString() }));
}

function triageQueries(count: number, me: string) {
  const next = random(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const sorts: CaseSort[][] = [
    [],
    [{ field: 'priority', direction: 'asc' }],
    [{ field: 'status', direction: 'asc' }],
    [{ field: 'eventDate', direction: 'desc' }],
    [{ field: 'personName', direction: 'asc' }],
    [{ field: 'reference', direction: 'desc' }],
  ];
  return Array.from({ length: count }, () => {
    const filter: CaseFilter = {};
    if (next() < 0.6) filter.status = [pick(caseStatuses), pick(caseStatuses)];
    if (next() < 0.4) filter.priority = [pick(priorities)];
    if (next() < 0.4) filter.region = [pick(regions)];
    if (next() < 0.3) filter.violation = [pick(violationTypes)];
    if (next() < 0.2) filter.assignee = 'none';
    if (next() < 0.2) filter.from = `${2020 + Math.floor(next() * 6)}`;
    return { filter, sort: pick(sorts), offset: next() < 0.8 ? 0 : 100, limit: 100, me };
  });
}

function measure<T>(items: T[], run: (item: T) => unknown) {
  const samples = items.map((item) => {
    const started = performance.now();
    run(item);
    return ms(started);
  });
  return percentiles(samples);
}

async function workload(orm: Orm, sqlite: Database.Database, authorId: string, csv: Uint8Array[], csvPeople: string[]) {
  const imported = await importCsv(orm, csv, authorId);
  // As `cases import` does after committing.
  refreshPlannerStats(sqlite);
  const triage = measure(triageQueries(SAMPLES, authorId), (q) => listCases(orm, q, q.me));
  const next = random(11);
  // Look for a person who is in the vault, typed in the other script: a Cyrillic name searched in its
  // passport Latin form, a Latin one as it was typed.
  const searches = Array.from({ length: SAMPLES }, () => {
    const person = csvPeople[Math.floor(next() * csvPeople.length)]!;
    const family = person.split(' ').at(-1)!;
    return transliterate(family)[0]?.latin ?? family;
  });
  const search = measure(searches, (text) => listCases(orm, { filter: { search: text }, sort: [], offset: 0, limit: 100 }, authorId));
  const openIds = Array.from({ length: SAMPLES }, () => imported.ids[Math.floor(next() * imported.ids.length)]!);
  const open = measure(openIds, (id) => getCaseDetail(orm, id, { withSources: true }));
  return { importMs: imported.ms, triage, search, open };
}

function plainDatabase(path: string) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
  const orm = drizzle(db, { schema });
  migrate(orm, { migrationsFolder: defaultMigrationsDir() });
  const authorId = uuidv7();
  orm.insert(schema.staff).values({ id: authorId, name: 'Bench', role: 'admin', slotId: 'bench', createdAt: new Date().toISOString() }).run();
  return { db, orm, authorId };
}

const sizeOf = (...paths: string[]) => paths.reduce((sum, p) => sum + (statSync(p, { throwIfNoEntry: false })?.size ?? 0), 0);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'caseboard-bench-'));
  try {
    const all = syntheticCases(CASES);
    const csv = Array.from({ length: Math.ceil(CASES / 25_000) }, (_, i) => casesAsCsv(all.slice(i * 25_000, (i + 1) * 25_000)));
    const csvBytes = csv.reduce((sum, file) => sum + file.length, 0);
    // Warm the JIT on a small throwaway database so neither side pays for it.
    const warm = plainDatabase(':memory:');
    const warmCases = syntheticCases(2000, 1);
    await workload(warm.orm, warm.db, warm.authorId, [casesAsCsv(warmCases)], warmCases.map((c) => c.personName!));
    warm.db.close();

    const plain = plainDatabase(join(dir, 'plain.db'));
    const people = all.map((c) => c.personName!);
    const plainResult = await workload(plain.orm, plain.db, plain.authorId, csv, people);
    plain.db.pragma('wal_checkpoint(TRUNCATE)');
    plain.db.close();

    const vault = await createVault(join(dir, 'vault'), { office: 'Bench', user: 'Bench', passphrase: PASSPHRASE }, { kdfTargetMs: 0 });
    const cipherResult = await workload(vault.orm, vault.sqlite, vault.user.id, csv, people);
    vault.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    vault.close();
    const unlockStarted = performance.now();
    (await unlockVault(join(dir, 'vault'), PASSPHRASE)).close();
    const unlockMs = ms(unlockStarted);

    const names = syntheticCases(6000, 3).map((c) => c.personName!);
    for (const name of names.slice(0, 2000)) nameKeys(name);
    const keysStarted = performance.now();
    for (const name of names) nameKeys(name);
    const perNameMicros = (ms(keysStarted) * 1000) / names.length;

    const paths = vaultPaths(join(dir, 'vault'));
    const plainSize = sizeOf(join(dir, 'plain.db'), join(dir, 'plain.db-wal'));
    const vaultSize = sizeOf(paths.db, paths.wal, paths.keys);

    const f = (n: number) => n.toFixed(1);
    const row = (label: string, a: number, b: number) => `| ${label} | ${f(a)} | ${f(b)} | ${(b / a).toFixed(2)}× |`;
    console.log(`Caseboard benchmark — ${CASES.toLocaleString('en')} synthetic cases (${csv.length} CSV files, ${(csvBytes / 1e6).toFixed(1)} MB), ${SAMPLES} samples per query, Node ${process.version}\n`);
    console.log('| measure | plain SQLite | SQLCipher 4 vault | ratio |');
    console.log('|---|---|---|---|');
    console.log(row('import from CSV (s)', plainResult.importMs / 1000, cipherResult.importMs / 1000));
    console.log(row('triage query: filter + sort + page of 100, p50 (ms)', plainResult.triage.p50, cipherResult.triage.p50));
    console.log(row('triage query: filter + sort + page of 100, p95 (ms)', plainResult.triage.p95, cipherResult.triage.p95));
    console.log(row('full-text search across scripts, p50 (ms)', plainResult.search.p50, cipherResult.search.p50));
    console.log(row('full-text search across scripts, p95 (ms)', plainResult.search.p95, cipherResult.search.p95));
    console.log(row('open a case (detail), p50 (ms)', plainResult.open.p50, cipherResult.open.p50));
    console.log(row('open a case (detail), p95 (ms)', plainResult.open.p95, cipherResult.open.p95));
    console.log(row('size on disk (MB)', plainSize / 1e6, vaultSize / 1e6));
    console.log(`\nTransliteration keys (nameKeys) of one two-word name: ${perNameMicros.toFixed(1)} µs`);
    console.log(`Unlock (Argon2id at the minimum cost, integrity check, migrations) of the ${CASES.toLocaleString('en')}-case vault: ${unlockMs.toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// BENCH=duplicates runs the duplicate finder's benchmark instead (bench/duplicates.ts).
if (process.env.BENCH === 'duplicates') await import('./duplicates');
// BENCH=duplicates-fit fits the duplicate score's weights (bench/fit-duplicates.ts).
else if (process.env.BENCH === 'duplicates-fit') await import('./fit-duplicates');
else await main();
