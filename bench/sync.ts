/**
 * `BENCH=sync npm run bench`: exporting and importing a bundle of about 100,000 field operations into a
 * vault that already holds 100,000 cases, with seconds, operations per second, peak memory and bytes per
 * operation — beside two baselines in the same run: the same operations as plain JSON lines (compressed),
 * and copying them into a table with no merge and no materialising.
 * `BENCH_SYNC_CASES` and `BENCH_SYNC_OPS` change the sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants } from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import { importCases, insertCases, updateCase, setStatus } from '../db/repositories/cases';
import { captureChanges } from '../db/sync/capture';
import { loadIdentity } from '../db/sync/identity';
import { insertPartner } from '../db/sync/partners';
import { prepareSync } from '../db/sync/setup';
import { createVault, type OpenVault } from '../db/vault';
import { caseStatuses, priorities, regions } from '../shared/domain/cases';
import { defaultPolicy } from '../shared/sync/policy';
import { commitExport, prepareExport } from '../sync/export';
import { applyBundle, openBundle } from '../sync/import';
import { random, syntheticCases } from './synthetic';

const CASES = Number(process.env.BENCH_SYNC_CASES ?? 100_000);
const OPS = Number(process.env.BENCH_SYNC_OPS ?? 100_000);
const PASSPHRASE = 'benchmark passphrase 2026';
const now = () => new Date();

/** Wall time, CPU time and peak resident memory (sampled every 10 ms) while `fn` runs. */
async function measured<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number; cpuMs: number; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    const used = process.cpuUsage(cpu);
    return { value, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, peakMiB: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/** A vault holding `count` cases written straight into its tables, as a vault from before sync would. */
function fillReceiver(vault: OpenVault, count: number): void {
  const { sqlite } = vault;
  const at = '2026-01-15T10:00:00.000Z';
  const insertCase = sqlite.prepare(
    `INSERT INTO cases (id, reference, title, person_name, region, priority, priority_rank, status, status_rank, summary, place_of_detention, event_date, created_at, updated_at, consent_share)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const insertPerson = sqlite.prepare('INSERT INTO persons (id, given_name, family_name, display_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const link = sqlite.prepare("INSERT INTO case_persons (case_id, person_id, role, position) VALUES (?, ?, 'victim', 0)");
  const violation = sqlite.prepare('INSERT INTO case_violations (case_id, violation) VALUES (?, ?)');
  sqlite.transaction(() => {
    syntheticCases(count, 7).forEach((c, i) => {
      const id = uuidv7();
      const person = uuidv7();
      const [given, ...family] = (c.personName ?? '').split(' ');
      insertCase.run(id, `2026-${String(i + 1).padStart(5, '0')}`, c.title, c.personName, c.region, c.priority, priorities.indexOf(c.priority), c.status, caseStatuses.indexOf(c.status), c.summary ?? '', c.placeOfDetention ?? '', c.eventDate ?? null, at, at);
      insertPerson.run(person, given ?? '', family.join(' '), c.personName, at, at);
      link.run(id, person);
      for (const v of c.violations ?? []) violation.run(id, v);
    });
  })();
  // Nothing was captured for these rows: they are recorded as on the first unlock of an older vault.
  sqlite.prepare("DELETE FROM settings WHERE key LIKE 'sync.baseline.%'").run();
  sqlite.prepare('DELETE FROM temp.sync_touched').run();
}

/** The partner's own work: new cases, then edits, until its log holds about `target` operations. */
function partnerWork(vault: OpenVault, target: number): number {
  const { sqlite, orm } = vault;
  const author = () => ({ id: vault.user.id, at: now().toISOString() });
  let written = (sqlite.prepare('SELECT count(*) AS n FROM sync_ops').get() as { n: number }).n;
  const write = (fn: () => void) =>
    orm.transaction(() => {
      fn();
      written += captureChanges(sqlite, now());
    });
  const count = () => written;
  const casesWanted = Math.max(1, Math.round((target * 0.6) / 39));
  const inputs = syntheticCases(casesWanted, 99).map(({ status: _status, ...c }) => ({ ...c, consentShare: true, summary: c.summary ?? '', tags: ['partner-bench'] }));
  let ids: string[] = [];
  for (let i = 0; i < inputs.length; i += 1000) write(() => (ids = ids.concat(insertCases(orm, inputs.slice(i, i + 1000), author()))));
  const next = random(5);
  for (let round = 0; count() < target; round += 1) {
    // One edit per case and transaction round, so each round's edits are distinct operations.
    const room = target - count();
    write(() => {
      for (const [i, id] of ids.entries()) {
        if (i >= room) return;
        const pick = next();
        if (pick < 0.5) updateCase(orm, id, { summary: `Update ${round}: held at ${regions[round % regions.length]}, lawyer visit ${Math.floor(next() * 30)}` }, undefined, author());
        else if (pick < 0.8) updateCase(orm, id, { priority: priorities[Math.floor(next() * priorities.length)]! }, undefined, author());
        else setStatus(orm, [id], caseStatuses[1 + (round % 3)]!, undefined, author());
      }
    });
  }
  return count();
}

function partnerOf(vault: OpenVault, other: OpenVault): void {
  const identity = loadIdentity(other.sqlite, other.officeName);
  insertPartner(vault.sqlite, {
    id: uuidv7(),
    name: other.officeName,
    signingKey: identity.signingKey,
    ageRecipient: identity.ageRecipient,
    fingerprint: identity.fingerprint,
    cardSite: identity.siteId,
    policy: defaultPolicy,
    addedAt: now().toISOString(),
  });
}

/** What capture adds to a spreadsheet-sized write: the same import, then its capture, in one transaction. */
async function captureOverhead(dir: string, count: number) {
  const vault = await createVault(join(dir, 'overhead'), { office: 'Overhead', user: 'Admin', passphrase: PASSPHRASE }, { kdfTargetMs: 0 });
  const rows = syntheticCases(count, 11).map(({ status, ...c }) => ({ case: { ...c, summary: c.summary ?? '' }, status }));
  let importMs = 0;
  let captureMs = 0;
  let ops = 0;
  vault.orm.transaction((tx) => {
    const started = performance.now();
    importCases(tx, rows, 'imported', { id: vault.user.id, at: now().toISOString() });
    const imported = performance.now();
    ops = captureChanges(vault.sqlite, now());
    importMs = imported - started;
    captureMs = performance.now() - imported;
  });
  vault.close();
  return { importMs, captureMs, ops };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'caseboard-bench-sync-'));
  try {
    const receiver = await createVault(join(dir, 'receiver'), { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE }, { kdfTargetMs: 0 });
    const sender = await createVault(join(dir, 'sender'), { office: 'Brest Watch', user: 'Ales', passphrase: PASSPHRASE }, { kdfTargetMs: 0 });
    fillReceiver(receiver, CASES);
    const dbBytes = () => (receiver.sqlite.pragma('page_count', { simple: true }) as number) * (receiver.sqlite.pragma('page_size', { simple: true }) as number);
    const bytesBefore = dbBytes();
    const baseline = await measured(() => prepareSync(receiver.sqlite, receiver.officeName, now()));
    const logBytes = dbBytes() - bytesBefore;
    const receiverOps = (receiver.sqlite.prepare('SELECT count(*) AS n FROM sync_ops').get() as { n: number }).n;
    const work = await measured(() => partnerWork(sender, OPS));
    partnerOf(sender, receiver);
    partnerOf(receiver, sender);

    const exported = await measured(() => prepareExport(sender, receiver.officeName, now()));
    sender.orm.transaction(() => commitExport(sender, exported.value));
    const bundle = exported.value;
    const ops = bundle.summary.ops;
    const opened = await measured(() => openBundle(receiver, bundle.bytes));
    const applied = await measured(() =>
      receiver.orm.transaction((tx) => {
        const summary = applyBundle(receiver, tx, opened.value, now());
        captureChanges(receiver.sqlite, now());
        return summary;
      }),
    );

    // Baselines: the same operations as JSON lines; copied into a table with no merge, then rolled back.
    const lines = opened.value.ops.map((op) => JSON.stringify(op)).join('\n');
    const naiveBytes = brotliCompressSync(lines, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }).length;
    const copy = await measured(() => {
      const { sqlite } = receiver;
      sqlite.exec('BEGIN');
      try {
        sqlite.exec('CREATE TABLE bench_ops (site TEXT, counter INTEGER, hlc INTEGER, entity TEXT, row TEXT, field TEXT, value TEXT, pred TEXT)');
        const insert = sqlite.prepare('INSERT INTO bench_ops VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
        for (const op of opened.value.ops) insert.run(op.site, op.counter, op.hlc, op.entity, op.row, op.field, op.value ?? null, JSON.stringify(op.pred));
      } finally {
        sqlite.exec('ROLLBACK');
      }
    });

    const overhead = await captureOverhead(dir, Math.min(10_000, CASES));
    const importMs = opened.ms + applied.ms;
    const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en');
    const created = Object.values(applied.value.records).reduce((sum, r) => sum + r.created, 0);
    const valued = opened.value.ops.filter((op) => op.value !== undefined).length;
    const row = (label: string, m: { ms: number; cpuMs: number; peakMiB: number }, n = ops) => [
      label,
      (m.ms / 1000).toFixed(2),
      (m.cpuMs / 1000).toFixed(2),
      perSecond(n, m.ms),
      perSecond(n, m.cpuMs),
      m.peakMiB.toFixed(0),
    ];
    const whole = { ms: importMs, cpuMs: opened.cpuMs + applied.cpuMs, peakMiB: Math.max(opened.peakMiB, applied.peakMiB) };
    const rows = [
      row('export: select, encode, sign, encrypt', exported),
      row('import: decrypt, verify, decode, validate', opened),
      row('import: apply in one transaction', applied),
      row('import, whole', whole),
      row('baseline: copy the operations into a table, no merge', copy),
      row(`first capture of the receiver's ${CASES.toLocaleString('en')} cases (${receiverOps.toLocaleString('en')} ops)`, baseline, receiverOps),
    ];
    process.stdout.write(
      [
        `Caseboard sync benchmark — a bundle of ${ops.toLocaleString('en')} field operations (${bundle.summary.records.case ?? 0} cases, ${created.toLocaleString('en')} records created) into a vault holding ${CASES.toLocaleString('en')} cases, Node ${process.version}`,
        '',
        '| step | seconds | CPU seconds | operations/s | operations per CPU second | peak RSS (MiB) |',
        '|---|---|---|---|---|---|',
        ...rows.map((r) => `| ${r.join(' | ')} |`),
        '',
        '| bundle size | bytes | bytes per operation |',
        '|---|---|---|',
        `| Caseboard bundle (columns, Brotli, signed, age) | ${bundle.bytes.length.toLocaleString('en')} | ${(bundle.bytes.length / ops).toFixed(1)} |`,
        `| baseline: JSON lines, Brotli | ${naiveBytes.toLocaleString('en')} | ${(naiveBytes / ops).toFixed(1)} |`,
        `| baseline: JSON lines, uncompressed | ${Buffer.byteLength(lines).toLocaleString('en')} | ${(Buffer.byteLength(lines) / ops).toFixed(1)} |`,
        '',
        `${valued.toLocaleString('en')} of the operations carry a value (the current ones); the others are earlier, overwritten values sent as bare ids: ${(bundle.bytes.length / valued).toFixed(1)} bytes per operation with a value.`,
        `The operation log of the receiver's ${CASES.toLocaleString('en')} cases takes ${(logBytes / 1024 / 1024).toFixed(0)} MiB in the vault (${(logBytes / receiverOps).toFixed(0)} bytes per operation, indexes included).`,
        `The partner's own work (cases and edits, captured): ${(work.ms / 1000).toFixed(1)} s for ${work.value.toLocaleString('en')} operations.`,
        `Capture on a local write: importing ${Math.min(10_000, CASES).toLocaleString('en')} cases takes ${(overhead.importMs / 1000).toFixed(1)} s; capturing their ${overhead.ops.toLocaleString('en')} operations adds ${(overhead.captureMs / 1000).toFixed(1)} s (${((100 * overhead.captureMs) / overhead.importMs).toFixed(0)} %).`,
        `Peak resident memory of the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB. Load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (other work on this machine shares its 2 cores: CPU seconds are what this run itself used).`,
        '',
      ].join('\n'),
    );
    receiver.close();
    sender.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
