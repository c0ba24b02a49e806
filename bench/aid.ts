/**
 * `BENCH=aid npm run bench`: the aid ledger at 1,000,000 disbursements over 50,000 recipients and 20 programmes
 * in a real SQLCipher vault. Adding a disbursement goes through the backend (validation, the duplicate and budget
 * checks, history, audit); reports read the derived totals and are compared with the same report computed by a
 * full scan of the ledger in the same run.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { createBackend } from '../backend';
import { createVault, unlockVault } from '../db/vault';
import { vaultPaths } from '../db/paths';
import { refreshPlannerStats } from '../db/connection';
import { findDuplicates } from '../db/repositories/aid-ledger';
import { insertProgramme } from '../db/repositories/aid-programmes';
import { buildReport, reportFromLedger } from '../db/repositories/aid-reports';
import { aidTypes, paymentMethods, recipientCategories, reportGroupings, type DisbursementPage, type ReportQuery } from '../shared/domain/aid';
import { purposeKey, shiftDay } from '../shared/domain/aid-guards';
import { regions } from '../shared/domain/cases';
import { familyNames, givenNames, random } from './synthetic';

const DISBURSEMENTS = Number(process.env.BENCH_DISBURSEMENTS ?? 1_000_000);
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 50_000);
const PROGRAMMES = 20;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const PASSPHRASE = 'benchmark passphrase 2026';
const FIRST_DAY = '2024-01-01';
const DAYS = 1060;

const ms = (started: number) => performance.now() - started;
const percentiles = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
};
const purposes = ['Monthly support', 'Parcel to the colony', 'Lawyer for the appeal', 'Medicine', 'Visit in prison', 'Rent for the family', 'Winter clothes', 'Передача ў СІЗА', 'Оплата адвоката', 'Лекарства'];

/** BENCH_AID_DIR: measure again on a vault an earlier run generated (and kept), instead of generating one. */
const REUSE = process.env.BENCH_AID_DIR;
const progress = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);

async function generate(dir: string, next: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  {
    const vault = await createVault(dir, { office: 'Viasna', user: 'Bench', passphrase: PASSPHRASE }, { kdfTargetMs: 0 });
    const author = { id: vault.user.id, at: new Date().toISOString() };
    const { sqlite, orm } = vault;
    // A bulk load touches random pages of the recipient and date indexes: keep them in memory (512 MiB).
    sqlite.pragma('cache_size = -524288');

    let started = performance.now();
    const personIds: string[] = [];
    const insertPerson = sqlite.prepare(
      `INSERT INTO persons (id, given_name, family_name, display_name, latin_name, region, political_prisoner, in_detention, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    sqlite.transaction(() => {
      for (let i = 0; i < RECIPIENTS; i += 1) {
        const id = uuidv7();
        const given = pick(givenNames);
        const family = `${pick(familyNames)}${i % 7 === 0 ? '' : `-${i % 997}`}`;
        insertPerson.run(id, given, family, `${given} ${family}`, `${given} ${family}`, pick(regions), next() < 0.3 ? 1 : 0, next() < 0.2 ? 1 : 0, author.at, author.at);
        personIds.push(id);
      }
    })();
    const personsMs = ms(started);

    const programmeIds = orm.transaction((tx) =>
      Array.from({ length: PROGRAMMES }, (_, i) =>
        insertProgramme(
          tx,
          { name: `Programme ${i + 1}`, donor: `Donor ${(i % 6) + 1}`, currency: i % 5 === 4 ? 'PLN' : 'EUR', budget: '9000000000.00', startsOn: FIRST_DAY, endsOn: '2026-12-31', fourEyesThreshold: '500.00', iatiIdentifier: '', eligibleTypes: [...aidTypes] },
          author,
        ).id,
      ),
    );
    const currencyOf = (p: number) => (p % 5 === 4 ? 'PLN' : 'EUR');
    // One prepared statement, transactions of 100,000 rows; the ledger triggers keep the report totals as they go.
    started = performance.now();
    const insert = sqlite.prepare(
      `INSERT INTO aid_disbursements (id, recipient_id, programme_id, amount_minor, currency, type, method, purpose, purpose_key, date, status,
         recipient_region, recipient_category, requested_by, requested_at, approved_by, approved_at, paid_by, paid_at, payment_reference, reverses_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const original = sqlite.prepare('SELECT recipient_id, programme_id, currency, type, method, recipient_region, recipient_category FROM aid_disbursements WHERE id = ?');
    let written = 0;
    let reversals = 0;
    while (written < DISBURSEMENTS) {
      const batch = Math.min(100_000, DISBURSEMENTS - written);
      sqlite.transaction(() => {
        for (let i = 0; i < batch; i += 1) {
          const id = uuidv7();
          const programme = Math.floor(next() * PROGRAMMES);
          const purpose = pick(purposes);
          const date = shiftDay(FIRST_DAY, Math.floor(next() * DAYS));
          const roll = next();
          const status = roll < 0.95 ? 'paid' : roll < 0.97 ? 'requested' : roll < 0.98 ? 'approved' : roll < 0.99 ? 'rejected' : 'cancelled';
          const amount = 500 + Math.floor(next() * 60_000);
          const at = `${date}T10:00:00.000Z`;
          const paid = status === 'paid';
          const values = [pick(regions), pick(recipientCategories), author.id, at, status === 'requested' ? null : author.id, status === 'requested' ? null : at] as const;
          insert.run(id, pick(personIds), programmeIds[programme], amount, currencyOf(programme), pick(aidTypes), pick(paymentMethods), purpose, purposeKey(purpose), date, status, ...values, paid ? author.id : null, paid ? at : null, paid ? `REF-${written + i}` : '', null, at, at);
          if (paid && next() < 0.005) {
            const row = original.get(id) as Record<string, string>;
            insert.run(uuidv7(), row.recipient_id, row.programme_id, -amount, row.currency, row.type, row.method, purpose, purposeKey(purpose), date, 'paid', row.recipient_region, row.recipient_category, author.id, at, author.id, at, author.id, at, '', id, at, at);
            reversals += 1;
            i += 1;
          }
        }
      })();
      written += batch;
      progress(`${written.toLocaleString('en')} disbursements written (${Math.round(written / (ms(started) / 1000))} rows/s)`);
    }
    const ledgerMs = ms(started);
    console.log(`Generated ${DISBURSEMENTS.toLocaleString('en')} disbursements in ${(ledgerMs / 1000).toFixed(1)} s`);
    started = performance.now();
    sqlite.exec('ANALYZE');
    refreshPlannerStats(sqlite);
    const analyzeMs = ms(started);
    vault.close();
    return { personIds, programmeIds, personsMs, ledgerMs, analyzeMs, reversals };
  }
}

async function main() {
  const dir = REUSE ?? mkdtempSync(join(tmpdir(), 'caseboard-aid-bench-'));
  const next = random(2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  try {
    let generated: Awaited<ReturnType<typeof generate>> | null = null;
    let personIds: string[];
    let programmeIds: string[];
    let programmeCurrencies: string[];
    if (REUSE) {
      const existing = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
      personIds = existing.sqlite.prepare('SELECT id FROM persons').pluck().all() as string[];
      const rows = existing.sqlite.prepare('SELECT id, currency FROM aid_programmes ORDER BY id').all() as { id: string; currency: string }[];
      programmeIds = rows.map((r) => r.id);
      programmeCurrencies = rows.map((r) => r.currency);
      existing.close();
    } else {
      generated = await generate(dir, next);
      ({ personIds, programmeIds } = generated);
      programmeCurrencies = programmeIds.map((_, i) => (i % 5 === 4 ? 'PLN' : 'EUR'));
    }
    const currencyOf = (p: number) => programmeCurrencies[p]!;
    const sizeMb = statSync(vaultPaths(dir).db).size / 1e6;

    // The user's path: the backend, unlocked as the office's admin.
    const platform = { dataDir: dir, stateDir: mkdtempSync(join(tmpdir(), 'caseboard-aid-bench-state-')), now: () => new Date(), vault: { kdfTargetMs: 0 } };
    const backend = createBackend(platform);
    let started = performance.now();
    const unlock = await backend.invoke('vault.unlock', { passphrase: PASSPHRASE });
    if (!unlock.ok) throw new Error(unlock.error.message);
    const unlockMs = ms(started);
    progress(`unlocked through the backend in ${unlockMs.toFixed(0)} ms`);

    const addSamples: number[] = [];
    let flagged = 0;
    for (let i = 0; i < SAMPLES; i += 1) {
      const programme = Math.floor(next() * PROGRAMMES);
      const input = {
        recipientId: pick(personIds),
        programmeId: programmeIds[programme]!,
        amount: `${50 + Math.floor(next() * 400)}.${String(Math.floor(next() * 100)).padStart(2, '0')}`,
        currency: currencyOf(programme),
        type: pick(aidTypes),
        method: pick(paymentMethods),
        purpose: pick(purposes),
        date: shiftDay(FIRST_DAY, Math.floor(next() * DAYS)),
      };
      const t = performance.now();
      let result = await backend.invoke('aid.disbursements.create', input);
      if (!result.ok && result.error.code === 'DUPLICATE_PAYMENT') {
        flagged += 1;
        result = await backend.invoke('aid.disbursements.create', { ...input, confirmDuplicate: 'benchmark: confirmed' });
      }
      addSamples.push(ms(t));
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    }
    progress(`add: ${JSON.stringify(percentiles(addSamples))}`);

    // The duplicate check alone, on the open vault's connection.
    const direct = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
    const dupSamples: number[] = [];
    for (let i = 0; i < SAMPLES * 5; i += 1) {
      const candidate = { recipientId: pick(personIds), type: pick(aidTypes), purposeKey: purposeKey(pick(purposes)), date: shiftDay(FIRST_DAY, Math.floor(next() * DAYS)) };
      const t = performance.now();
      findDuplicates(direct.orm, candidate, 30);
      dupSamples.push(ms(t));
    }
    progress(`duplicate check: ${JSON.stringify(percentiles(dupSamples))}`);

    const queueSamples: number[] = [];
    for (let i = 0; i < Math.min(SAMPLES, 50); i += 1) {
      const t = performance.now();
      const page = await backend.invoke('aid.queue', { limit: 100, offset: i % 5 === 0 ? 100 : 0 });
      queueSamples.push(ms(t));
      if (!page.ok) throw new Error(page.error.message);
    }
    progress(`approval queue: ${JSON.stringify(percentiles(queueSamples))}`);
    const listSamples: number[] = [];
    for (let i = 0; i < Math.min(SAMPLES, 50); i += 1) {
      const t = performance.now();
      await backend.invoke('aid.disbursements.list', { limit: 100, filter: i % 2 ? { programmeId: pick(programmeIds) } : {} });
      listSamples.push(ms(t));
    }
    progress(`disbursement table: ${JSON.stringify(percentiles(listSamples))}`);
    // The paid entries, newest first: through the status-and-date index, and as the planner read them before
    // it (the queue index, then a sort of every paid entry), same page compared.
    const paidSamples: number[] = [];
    const paidBefore: number[] = [];
    let samePaid = true;
    const paidPage = (offset: number) => {
      const t = performance.now();
      const rows = direct.sqlite
        .prepare(`SELECT id FROM aid_disbursements INDEXED BY aid_disbursements_queue WHERE status = 'paid' ORDER BY date DESC, id DESC LIMIT 100 OFFSET ?`)
        .all(offset) as { id: string }[];
      paidBefore.push(ms(t));
      return rows.map((r) => r.id);
    };
    for (let i = 0; i < Math.min(SAMPLES, 20); i += 1) {
      const offset = i % 4 === 0 ? 1000 : 0;
      const t = performance.now();
      const page = await backend.invoke('aid.disbursements.list', { limit: 100, offset, filter: { status: ['paid'] }, sort: [{ field: 'date', direction: 'desc' }] });
      paidSamples.push(ms(t));
      if (!page.ok) throw new Error(page.error.message);
      if (i < 4) samePaid &&= JSON.stringify((page.value as DisbursementPage).rows.map((r) => r.id)) === JSON.stringify(paidPage(offset));
    }
    progress(`paid, newest first: ${JSON.stringify(percentiles(paidSamples))}; before the index ${JSON.stringify(percentiles(paidBefore))}; same ${samePaid}`);

    const queries: { label: string; query: ReportQuery }[] = reportGroupings.flatMap((groupBy) => [
      { label: `${groupBy}: all programmes, all time`, query: { groupBy } },
      { label: `${groupBy}: one programme, 2025`, query: { groupBy, programmeId: programmeIds[3]!, from: '2025-01-01', to: '2025-12-31' } },
    ]);
    const reportRows = queries.map(({ label, query }) => {
      const derived: number[] = [];
      for (let i = 0; i < 10; i += 1) {
        const t = performance.now();
        buildReport(direct.orm, query);
        derived.push(ms(t));
      }
      const scans: number[] = [];
      let same = true;
      for (let i = 0; i < 2; i += 1) {
        const t = performance.now();
        const scanned = reportFromLedger(direct.orm, query);
        scans.push(ms(t));
        same &&= JSON.stringify(scanned) === JSON.stringify(buildReport(direct.orm, query));
      }
      progress(`${label}: derived ${JSON.stringify(percentiles(derived))}, scan ${JSON.stringify(percentiles(scans))}, same ${same}`);
      return { label, derived: percentiles(derived), scan: percentiles(scans), same };
    });
    direct.close();
    await backend.invoke('vault.lock', {});

    const f = (n: number) => n.toFixed(n < 10 ? 2 : 1);
    console.log(`Caseboard aid benchmark — ${DISBURSEMENTS.toLocaleString('en')} disbursements over ${personIds.length.toLocaleString('en')} recipients and ${programmeIds.length} programmes, SQLCipher 4 vault, Node ${process.version}\n`);
    if (generated) {
      const g = generated;
      console.log(`Generate: ${RECIPIENTS.toLocaleString('en')} persons ${(g.personsMs / 1000).toFixed(1)} s; ledger ${(g.ledgerMs / 1000).toFixed(1)} s (${Math.round(DISBURSEMENTS / (g.ledgerMs / 1000)).toLocaleString('en')} rows/s, ${g.reversals.toLocaleString('en')} reversals, prepared statement, 100,000 rows a transaction, triggers on); ANALYZE ${(g.analyzeMs / 1000).toFixed(1)} s`);
    }
    console.log(`Vault ${sizeMb.toFixed(0)} MB; unlock through the backend (integrity check included) ${unlockMs.toFixed(0)} ms\n`);
    console.log('| measure | p50 (ms) | p95 (ms) | max (ms) |');
    console.log('|---|---|---|---|');
    const line = (label: string, p: { p50: number; p95: number; max: number }) => console.log(`| ${label} | ${f(p.p50)} | ${f(p.p95)} | ${f(p.max)} |`);
    line(`add a disbursement through the backend (validation, duplicate + budget checks, history, audit), ${SAMPLES} samples`, percentiles(addSamples));
    line(`duplicate check alone, ${SAMPLES * 5} samples`, percentiles(dupSamples));
    line('open the approval queue (page of 100 of ~20,000 requests)', percentiles(queueSamples));
    line('disbursement table, page of 100 (all / one programme)', percentiles(listSamples));
    line(`disbursement table, paid entries newest first, page of 100 (status-and-date index; same page as the plan before it: ${samePaid ? 'yes' : 'NO'})`, percentiles(paidSamples));
    line('the same page as the planner read it before that index (queue index, then a sort of every paid entry)', percentiles(paidBefore));
    console.log(`\n${flagged} of ${SAMPLES} added disbursements were flagged as possible duplicates and confirmed.\n`);
    console.log('| report | derived totals p50 (ms) | p95 (ms) | full scan of the ledger p50 (ms) | ratio | same result |');
    console.log('|---|---|---|---|---|---|');
    for (const r of reportRows) console.log(`| ${r.label} | ${f(r.derived.p50)} | ${f(r.derived.p95)} | ${f(r.scan.p50)} | ${(r.scan.p50 / r.derived.p50).toFixed(0)}× | ${r.same ? 'yes' : 'NO'} |`);
  } finally {
    if (!REUSE && !process.env.BENCH_AID_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
