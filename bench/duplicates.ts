/**
 * `BENCH=duplicates npm run bench`: the duplicate finder at scale and its quality on a labelled population.
 * - Quality: the precision/recall curve (default threshold and possible band marked), the best recall at 90 %
 *   precision, and precision and recall per class of pair (duplicate-eval.ts), on generated persons whose
 *   identities are known (duplicate-data.ts), seed 2026 — the weights were fitted on seeds 7, 8 and 9.
 * - Speed: the full scan of N persons against N through the vault (load, block, score, store the queue) and a
 *   single look-up (the warning when a person is added), each beside its naive baseline in the same run:
 *   scoring every pair (measured on a sample, extrapolated) and scoring the target against everyone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scanAllDuplicates, similarPersons } from '../db/repositories/duplicates';
import { createVault } from '../db/vault';
import { clearMatchCaches, matchFeatures } from '../shared/duplicates/features';
import { findDuplicates } from '../shared/duplicates/scan';
import { DEFAULT_THRESHOLD, POSSIBLE_THRESHOLD, quickScore } from '../shared/duplicates/score';
import { generateLabelledPersons, type LabelledPopulation } from './duplicate-data';
import { evaluate, PAIR_CLASSES, pairClassifier, pairClassLabels, precisionRecallCurve } from './duplicate-eval';
import { writePopulation } from './duplicate-vault';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const SEED = 2026;
const ms = (started: number) => performance.now() - started;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const int = (x: number) => x.toLocaleString('en');

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

function describePopulation(population: LabelledPopulation): void {
  const holders = new Map<string, Set<number>>();
  for (const p of population.persons) {
    const name = population.names[p.identity]!;
    holders.set(name, (holders.get(name) ?? new Set()).add(p.identity));
  }
  const identities = new Set(population.persons.map((p) => p.identity));
  const withNamesake = [...identities].filter((i) => holders.get(population.names[i]!)!.size > 1).length;
  const n = population.persons.length;
  const share = (f: (p: LabelledPopulation['persons'][number]) => boolean) => pct(population.persons.filter(f).length / n);
  console.log(
    `${int(n)} records of ${int(identities.size)} identities; ${pct(withNamesake / identities.size)} of identities share their full name with another; ` +
      `birth date known: ${share((p) => p.birthDate !== null)} (to the day ${share((p) => p.birthDate?.length === 10)}); ` +
      `a patronymic: ${share((p) => p.patronymic !== '')}; a case: ${share((p) => (p.events?.length ?? 0) > 0)}; a locality: ${share((p) => (p.locality ?? '') !== '')}.\n`,
  );
}

function quality(population: LabelledPopulation): { pureScanS: number } {
  const started = performance.now();
  const scan = findDuplicates({ persons: population.persons, relations: population.relations, threshold: 0.05 });
  const pureScanS = ms(started) / 1000;
  const thresholds = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, DEFAULT_THRESHOLD, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95].filter((t, i, all) => all.indexOf(t) === i).sort((a, b) => a - b);
  const curve = precisionRecallCurve(population, scan.candidates, thresholds);
  console.log('Precision and recall, all pairs:\n');
  console.log('| threshold | predicted pairs | precision | recall | relatives flagged | common-name pairs flagged |');
  console.log('|---|---|---|---|---|---|');
  for (const p of curve) {
    const mark = p.threshold === DEFAULT_THRESHOLD ? ' (default)' : p.threshold === POSSIBLE_THRESHOLD ? ' (possible band)' : '';
    console.log(`| ${p.threshold.toFixed(2)}${mark} | ${int(p.predicted)} | ${pct(p.precision)} | ${pct(p.recall)} | ${p.hardFalsePositives.relatives} of ${int(p.hardNegatives.relatives)} | ${p.hardFalsePositives['common-name']} of ${int(p.hardNegatives['common-name'])} |`);
  }
  const fine = precisionRecallCurve(population, scan.candidates, Array.from({ length: 91 }, (_, i) => Math.round((0.05 + i * 0.01) * 100) / 100));
  const best = fine.filter((p) => p.precision >= 0.9).sort((a, b) => b.recall - a.recall)[0];
  console.log(best ? `\nBest recall at precision ≥ 90 %: ${pct(best.recall)} (threshold ${best.threshold.toFixed(2)}, precision ${pct(best.precision)}).` : '\nPrecision never reaches 90 %.');
  const atRecall = fine.filter((p) => p.recall >= 0.95).sort((a, b) => b.precision - a.precision)[0];
  console.log(atRecall ? `Best precision at recall ≥ 95 %: ${pct(atRecall.precision)} (threshold ${atRecall.threshold.toFixed(2)}).` : 'Recall never reaches 95 %.');

  const classify = pairClassifier(population);
  const likely = evaluate(population, scan.candidates.filter((c) => c.score >= DEFAULT_THRESHOLD), undefined, classify);
  const possible = evaluate(population, scan.candidates.filter((c) => c.score >= POSSIBLE_THRESHOLD), undefined, classify);
  console.log(`\nBy class of pair, likely (≥ ${DEFAULT_THRESHOLD}) and with the possible band (≥ ${POSSIBLE_THRESHOLD}):\n`);
  console.log('| class | true pairs | likely: precision | likely: recall | with possible: precision | with possible: recall |');
  console.log('|---|---|---|---|---|---|');
  for (const c of PAIR_CLASSES) {
    const l = likely.byClass[c];
    const p = possible.byClass[c];
    console.log(`| ${pairClassLabels[c]} | ${int(l.truePairs)} (${pct(l.truePairs / likely.truePairs)}) | ${pct(l.precision)} | ${pct(l.recall)} | ${pct(p.precision)} | ${pct(p.recall)} |`);
  }
  console.log(`| all | ${int(likely.truePairs)} | ${pct(likely.precision)} | ${pct(likely.recall)} | ${pct(possible.precision)} | ${pct(possible.recall)} |`);
  const decidable = (a: Parameters<typeof classify>[0], b: Parameters<typeof classify>[1]) => classify(a, b) !== 'undated-namesakes';
  const withoutUndecidable = evaluate(population, scan.candidates.filter((c) => c.score >= DEFAULT_THRESHOLD), decidable, classify);
  console.log(`| all but the last class | ${int(withoutUndecidable.truePairs)} | ${pct(withoutUndecidable.precision)} | ${pct(withoutUndecidable.recall)} | | |`);
  console.log(`\n${int(scan.stats.blocks)} blocks; ${int(scan.stats.compared)} pairs scored.`);
  return { pureScanS };
}

/** The same weights on populations generated under other assumptions than those they were fitted on. */
function robustness(): void {
  const size = Math.min(PERSONS, 50_000);
  console.log(`\nThe same weights on ${int(size)} persons generated under other assumptions (seed ${SEED}), at the default threshold:\n`);
  console.log('| population | precision | recall | both birth dates known: precision | recall |');
  console.log('|---|---|---|---|---|');
  const dated = (a: { birthDate: string | null }, b: { birthDate: string | null }) => a.birthDate !== null && b.birthDate !== null;
  for (const [label, assume] of [
    ['as fitted', {}],
    ['typos twice as often', { typos: 2 }],
    ['offices record half as many of the cases', { cases: 0.5 }],
    ['no case on any record', { cases: 0 }],
  ] as const) {
    const population = generateLabelledPersons(size, SEED, assume);
    const { candidates } = findDuplicates({ persons: population.persons, relations: population.relations, threshold: DEFAULT_THRESHOLD });
    const all = evaluate(population, candidates);
    const both = evaluate(population, candidates, dated);
    console.log(`| ${label} | ${pct(all.precision)} | ${pct(all.recall)} | ${pct(both.precision)} | ${pct(both.recall)} |`);
  }
}

async function main() {
  console.log(`Caseboard duplicate finder — ${int(PERSONS)} generated persons (seed ${SEED}), ${SAMPLES} look-ups, Node ${process.version}\n`);
  const population = generateLabelledPersons(PERSONS, SEED);
  describePopulation(population);
  const { pureScanS } = quality(population);
  if (process.env.BENCH_ROBUSTNESS !== '0') robustness();

  // Naive baseline: every pair scored, on a sample, extrapolated to N × N.
  const sample = population.persons.slice(0, 3000).map(matchFeatures);
  const naiveStarted = performance.now();
  for (let i = 0; i < sample.length; i++) for (let j = i + 1; j < sample.length; j++) quickScore(sample[i]!, sample[j]!, { population: PERSONS });
  const naivePairMicros = (ms(naiveStarted) * 1000) / ((sample.length * (sample.length - 1)) / 2);
  const naiveFullS = (naivePairMicros * ((PERSONS * (PERSONS - 1)) / 2)) / 1e6;

  const dir = mkdtempSync(join(tmpdir(), 'caseboard-bench-dups-'));
  try {
    const vault = await createVault(join(dir, 'vault'), { office: 'Bench', user: 'Bench', passphrase: 'benchmark passphrase 2026' }, { kdfTargetMs: 0 });
    const written = writePopulation(vault, population);
    const { idOf } = written;

    clearMatchCaches();
    const fullStarted = performance.now();
    const summary = vault.orm.transaction((tx) => scanAllDuplicates(tx, new Date().toISOString()));
    const fullS = ms(fullStarted) / 1000;

    const targets = population.persons.filter((_, i) => i % Math.max(1, Math.floor(PERSONS / SAMPLES)) === 0).slice(0, SAMPLES);
    const lookUp = (t: (typeof targets)[number]) => {
      const s = performance.now();
      similarPersons(vault.orm, { ...t, excludeId: idOf.get(t.id), limit: 5 });
      return ms(s);
    };
    for (const t of targets.slice(0, 20)) lookUp(t);
    const warm = percentiles(targets.map(lookUp));
    clearMatchCaches();
    const cold = percentiles(targets.map(lookUp));
    const everyone = population.persons.map(matchFeatures);
    const naiveLookup = percentiles(
      targets.slice(0, 20).map((t) => {
        const s = performance.now();
        const f = matchFeatures(t);
        for (const other of everyone) quickScore(f, other, { population: PERSONS });
        return ms(s);
      }),
    );
    vault.close();

    console.log('\n| measure | naive baseline | Caseboard |');
    console.log('|---|---|---|');
    console.log(`| full scan, ${int(PERSONS)} × ${int(PERSONS)} (s) | ${naiveFullS.toFixed(0)} (every pair, extrapolated from 3,000) | ${fullS.toFixed(1)} in the vault, from loading to the stored queue (in memory alone: ${pureScanS.toFixed(1)}) |`);
    console.log(`| single look-up, p50 (ms) | ${naiveLookup.p50.toFixed(1)} (score against everyone in memory) | ${warm.p50.toFixed(1)} (after unlock, first look-ups: ${cold.p50.toFixed(1)}) |`);
    console.log(`| single look-up, p95 (ms) | ${naiveLookup.p95.toFixed(1)} | ${warm.p95.toFixed(1)} (first look-ups: ${cold.p95.toFixed(1)}) |`);
    console.log(`\nQueue after the full scan: ${int(summary.candidates)} pairs from ${POSSIBLE_THRESHOLD} up, ${int(summary.likely ?? 0)} of them likely (from ${DEFAULT_THRESHOLD}).`);
    console.log(`Writing the ${int(PERSONS)} persons through insertPerson (history, search index, match keys): ${written.personsS.toFixed(0)} s; their ${int(written.cases)} cases through insertCases: ${written.casesS.toFixed(0)} s.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
