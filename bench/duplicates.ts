/**
 * `BENCH=duplicates npm run bench`: the duplicate finder at scale and its quality on a labelled population.
 * - Quality: precision and recall at several thresholds (the default marked) on generated persons whose
 *   identities are known (see duplicate-data.ts), plus the hard non-matches that slipped through.
 * - Speed: the full scan of N persons against N through the vault (load, block, score, store the queue) and a
 *   single look-up (the warning when a person is added), each beside its naive baseline in the same run:
 *   scoring every pair (measured on a sample, extrapolated) and scoring the target against everyone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { personRelations } from '../db/schema';
import { scanAllDuplicates, similarPersons } from '../db/repositories/duplicates';
import { insertPerson } from '../db/repositories/persons';
import { createVault } from '../db/vault';
import { matchFeatures } from '../shared/duplicates/features';
import { findDuplicates } from '../shared/duplicates/scan';
import { DEFAULT_THRESHOLD, scorePair } from '../shared/duplicates/score';
import { evaluate, generateLabelledPersons } from './duplicate-data';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const ms = (started: number) => performance.now() - started;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

async function main() {
  console.log(`Caseboard duplicate finder — ${PERSONS.toLocaleString('en')} generated persons, ${SAMPLES} look-ups, Node ${process.version}\n`);

  // Quality, on a population generated with another seed than any used while choosing the weights.
  const population = generateLabelledPersons(PERSONS, 2026);
  const started = performance.now();
  const scan = findDuplicates({ persons: population.persons, relations: population.relations, threshold: 0.3 });
  const pureScanMs = ms(started);
  console.log('| threshold | predicted pairs | precision | recall | relatives flagged | common-name pairs flagged |');
  console.log('|---|---|---|---|---|---|');
  for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
    const r = evaluate(population, scan.candidates.filter((c) => c.score >= threshold));
    const mark = threshold === DEFAULT_THRESHOLD ? ' (default)' : '';
    console.log(
      `| ${threshold.toFixed(1)}${mark} | ${r.predicted} | ${pct(r.precision)} | ${pct(r.recall)} | ${r.hardFalsePositives.relatives} of ${r.hardNegatives.relatives} | ${r.hardFalsePositives['common-name']} of ${r.hardNegatives['common-name']} |`,
    );
  }
  // Two records that share a name and nothing else (no birth date in one of them) are a coin toss in a large
  // register: how the finder does on the pairs where both records carry a birth date.
  const dated = (a: { birthDate: string | null }, b: { birthDate: string | null }) => a.birthDate !== null && b.birthDate !== null;
  console.log('\nPairs where both records have a birth date:\n');
  console.log('| threshold | predicted pairs | precision | recall |');
  console.log('|---|---|---|---|');
  for (const threshold of [0.5, 0.6, 0.7, 0.8]) {
    const r = evaluate(population, scan.candidates.filter((c) => c.score >= threshold), dated);
    console.log(`| ${threshold.toFixed(1)}${threshold === DEFAULT_THRESHOLD ? ' (default)' : ''} | ${r.predicted} | ${pct(r.precision)} | ${pct(r.recall)} |`);
  }
  const truth = evaluate(population, []);
  console.log(`\n${truth.truePairs} true duplicate pairs; ${scan.stats.blocks} blocks; ${scan.stats.compared.toLocaleString('en')} pairs scored.`);

  // Naive baseline: every pair scored, on a sample, extrapolated to N × N.
  const sample = population.persons.slice(0, 3000).map(matchFeatures);
  const naiveStarted = performance.now();
  for (let i = 0; i < sample.length; i++) for (let j = i + 1; j < sample.length; j++) scorePair(sample[i]!, sample[j]!, {}, false);
  const naivePairMicros = (ms(naiveStarted) * 1000) / ((sample.length * (sample.length - 1)) / 2);
  const naiveFullS = (naivePairMicros * ((PERSONS * (PERSONS - 1)) / 2)) / 1e6;

  const dir = mkdtempSync(join(tmpdir(), 'caseboard-bench-dups-'));
  try {
    const vault = await createVault(join(dir, 'vault'), { office: 'Bench', user: 'Bench', passphrase: 'benchmark passphrase 2026' }, { kdfTargetMs: 0 });
    const author = { id: vault.user.id, at: new Date().toISOString() };
    const insertStarted = performance.now();
    const idOf = new Map<string, string>();
    for (let i = 0; i < population.persons.length; i += 10_000) {
      vault.orm.transaction((tx) => {
        for (const p of population.persons.slice(i, i + 10_000)) {
          const { id, identity: _identity, ...fields } = p;
          idOf.set(id, insertPerson(tx, { ...fields, flags: {}, notes: '', locality: '' }, author).id);
        }
      });
    }
    vault.orm.transaction((tx) => {
      for (const r of population.relations) {
        tx.insert(personRelations).values({ id: crypto.randomUUID(), personId: idOf.get(r.personId)!, relativeId: idOf.get(r.relativeId)!, relation: 'other-relative', createdAt: author.at }).run();
      }
    });
    const insertS = ms(insertStarted) / 1000;

    const fullStarted = performance.now();
    const summary = vault.orm.transaction((tx) => scanAllDuplicates(tx, new Date().toISOString()));
    const fullS = ms(fullStarted) / 1000;

    const targets = population.persons.filter((_, i) => i % Math.max(1, Math.floor(PERSONS / SAMPLES)) === 0).slice(0, SAMPLES);
    for (const t of targets.slice(0, 20)) similarPersons(vault.orm, { ...t, excludeId: idOf.get(t.id), limit: 5 });
    const lookup = percentiles(
      targets.map((t) => {
        const s = performance.now();
        similarPersons(vault.orm, { ...t, excludeId: idOf.get(t.id), limit: 5 });
        return ms(s);
      }),
    );
    const everyone = population.persons.map(matchFeatures);
    const naiveLookup = percentiles(
      targets.slice(0, 20).map((t) => {
        const s = performance.now();
        const f = matchFeatures(t);
        for (const other of everyone) scorePair(f, other, {}, false);
        return ms(s);
      }),
    );
    vault.close();

    console.log('\n| measure | naive baseline | Caseboard |');
    console.log('|---|---|---|');
    console.log(`| full scan, ${PERSONS.toLocaleString('en')} × ${PERSONS.toLocaleString('en')} (s) | ${naiveFullS.toFixed(0)} (every pair, extrapolated from 3,000) | ${fullS.toFixed(1)} in the vault, from loading to the stored queue (in memory alone, first run: ${(pureScanMs / 1000).toFixed(1)}) |`);
    console.log(`| single look-up, p50 (ms) | ${naiveLookup.p50.toFixed(1)} (score against everyone in memory) | ${lookup.p50.toFixed(1)} |`);
    console.log(`| single look-up, p95 (ms) | ${naiveLookup.p95.toFixed(1)} | ${lookup.p95.toFixed(1)} |`);
    console.log(`\nQueue after the full scan: ${summary.candidates.toLocaleString('en')} pairs at the default threshold ${DEFAULT_THRESHOLD}.`);
    console.log(`Inserting the ${PERSONS.toLocaleString('en')} persons through insertPerson (history and search index): ${insertS.toFixed(0)} s.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
