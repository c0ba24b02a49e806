/**
 * `BENCH=duplicates-fit npm run bench`: fits the weights of the duplicate score (shared/duplicates/model.ts)
 * by L2-regularised logistic regression (Newton's method) on the candidate pairs of labelled training
 * populations, and picks the default threshold from the training precision/recall curve: the lowest score at
 * which precision reaches 90 %. The benchmark (BENCH=duplicates) evaluates on another seed.
 *
 * Training: seeds 7 (100,000 persons), 8 (30,000) and 9 (10,000): several sizes, so the weight of the
 * population size (more namesakes in a larger register) can be told from the rest. Pairs that a hard rule
 * decides (different genders, recorded relatives, birth years three or more apart) are left out: the rule
 * scores them. Negatives whose surname or given name clearly differs are sampled one in twenty, weighted 20.
 * Evidence the generated populations never show (a missing given name, relatives in common) keeps a weight
 * set by hand (FIXED).
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compareRecords, EVIDENCE, EVIDENCE_SIZE, evidenceIndex, evidenceVector, hardPenalty, type EvidenceName } from '../shared/duplicates/evidence';
import { forEachCandidate, preparePopulation } from '../shared/duplicates/scan';
import { generateLabelledPersons } from './duplicate-data';
import { precisionRecallCurve } from './duplicate-eval';
import { random } from './synthetic';

const TRAINING = [
  { seed: 7, persons: Number(process.env.FIT_PERSONS ?? 100_000) },
  { seed: 8, persons: 30_000 },
  { seed: 9, persons: 10_000 },
];
const SAMPLE_EASY = 0.05;
const L2 = 1;
const TARGET_PRECISION = 0.9;
const POSSIBLE = 0.2;
/** Weights of evidence the training data never shows, set by hand. */
const FIXED: Partial<Record<EvidenceName, number>> = { 'given.missing': -0.5, 'relatives.shared': 1.5 };

interface Rows {
  x: Float64Array[];
  y: number[];
  w: number[];
}

type Labelled = ReturnType<typeof generateLabelledPersons>;
type Prepared = ReturnType<typeof preparePopulation>;

function collect(seed: number, persons: number, rows: Rows): { population: Labelled; prepared: Prepared } {
  const started = performance.now();
  const population = generateLabelledPersons(persons, seed);
  const prepared = preparePopulation(population.persons, population.relations);
  const identity = population.persons.map((p) => p.identity);
  const sample = random(seed * 31 + 1);
  let kept = 0;
  const seen = forEachCandidate(prepared, (i, j) => {
    const context = prepared.context(i, j);
    const c = compareRecords(prepared.features[i]!, prepared.features[j]!, context);
    if (hardPenalty(c) < 0) return;
    const x = new Float64Array(EVIDENCE_SIZE);
    evidenceVector(c, context, x);
    const label = identity[i] === identity[j] ? 1 : 0;
    let weight = 1;
    if (label === 0 && (x[evidenceIndex['family.different']] === 1 || x[evidenceIndex['given.different']] === 1)) {
      if (sample() >= SAMPLE_EASY) return;
      weight = 1 / SAMPLE_EASY;
    }
    rows.x.push(x);
    rows.y.push(label);
    rows.w.push(weight);
    kept++;
  });
  console.log(`seed ${seed}, ${persons.toLocaleString('en')} persons: ${seen.toLocaleString('en')} candidate pairs, ${kept.toLocaleString('en')} kept (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  return { population, prepared };
}

/** Every candidate pair of a population scored with `beta`, those at 0.05 or more. */
function scoreAll(prepared: Prepared, beta: Float64Array): { a: string; b: string; score: number }[] {
  const out: { a: string; b: string; score: number }[] = [];
  const x = new Float64Array(EVIDENCE_SIZE);
  forEachCandidate(prepared, (i, j) => {
    const context = prepared.context(i, j);
    const c = compareRecords(prepared.features[i]!, prepared.features[j]!, context);
    evidenceVector(c, context, x);
    let z = beta[EVIDENCE_SIZE]! + hardPenalty(c);
    for (let k = 0; k < EVIDENCE_SIZE; k++) z += beta[k]! * x[k]!;
    const score = Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
    if (score < 0.05) return;
    const [a, b] = [prepared.features[i]!.input.id, prepared.features[j]!.input.id].sort() as [string, string];
    out.push({ a, b, score });
  });
  return out;
}

/** Solves A·x = b for a symmetric positive-definite A (Cholesky). */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const l = a.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j]![j]!;
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i]![k]! * z[k]!;
    z[i] = sum / l[i]![i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = z[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * x[k]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}

/** Logistic regression by Newton's method; the intercept is the last coefficient and is not penalised. */
function fit(rows: Rows): Float64Array {
  const d = EVIDENCE_SIZE + 1;
  let beta = new Float64Array(d);
  for (let iteration = 0; iteration < 30; iteration++) {
    const grad = new Float64Array(d);
    const hess = Array.from({ length: d }, () => new Float64Array(d));
    let loss = 0;
    const xi = new Float64Array(d);
    for (let r = 0; r < rows.x.length; r++) {
      xi.set(rows.x[r]!);
      xi[d - 1] = 1;
      let z = 0;
      for (let k = 0; k < d; k++) z += beta[k]! * xi[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const w = rows.w[r]!;
      const y = rows.y[r]!;
      loss -= w * (y * Math.log(Math.max(p, 1e-15)) + (1 - y) * Math.log(Math.max(1 - p, 1e-15)));
      const g = w * (p - y);
      const h = w * p * (1 - p);
      for (let k = 0; k < d; k++) {
        const xk = xi[k]!;
        if (xk === 0) continue;
        grad[k] = grad[k]! + g * xk;
        const hk = h * xk;
        const row = hess[k]!;
        for (let m = 0; m <= k; m++) row[m] = row[m]! + hk * xi[m]!;
      }
    }
    for (let k = 0; k < d; k++) for (let m = 0; m < k; m++) hess[m]![k] = hess[k]![m]!;
    for (let k = 0; k < d - 1; k++) {
      grad[k] = grad[k]! + L2 * beta[k]!;
      hess[k]![k] = hess[k]![k]! + L2;
      loss += (L2 / 2) * beta[k]! ** 2;
    }
    hess[d - 1]![d - 1] = hess[d - 1]![d - 1]! + 1e-9;
    const step = solve(hess, grad);
    let change = 0;
    const next = new Float64Array(d);
    for (let k = 0; k < d; k++) {
      next[k] = beta[k]! - step[k]!;
      change = Math.max(change, Math.abs(step[k]!));
    }
    beta = next;
    console.log(`iteration ${iteration + 1}: loss ${loss.toFixed(1)}, largest step ${change.toFixed(4)}`);
    if (change < 1e-4) break;
  }
  return beta;
}

async function main() {
  const rows: Rows = { x: [], y: [], w: [] };
  const [largest] = TRAINING.map(({ seed, persons }) => collect(seed, persons, rows));
  console.log(`${rows.x.length.toLocaleString('en')} training pairs, ${rows.y.filter((y) => y === 1).length.toLocaleString('en')} of them one person`);
  const beta = fit(rows);
  rows.x.length = 0;
  const weights = Object.fromEntries(EVIDENCE.map((name, k) => [name, FIXED[name] ?? Math.round(beta[k]! * 1000) / 1000]));
  const intercept = Math.round(beta[EVIDENCE_SIZE]! * 1000) / 1000;
  for (const name of EVIDENCE) console.log(`  ${name.padEnd(24)} ${weights[name]!.toFixed(3)}`);
  console.log(`  ${'intercept'.padEnd(24)} ${intercept.toFixed(3)}`);

  // The threshold, from the training curve of the largest population.
  const thresholds = Array.from({ length: 91 }, (_, i) => Math.round((0.05 + i * 0.01) * 100) / 100);
  const curve = precisionRecallCurve(largest!.population, scoreAll(largest!.prepared, beta), thresholds);
  for (const point of curve) if (Math.round(point.threshold * 100) % 5 === 0) console.log(`  ${point.threshold.toFixed(2)}: precision ${(point.precision * 100).toFixed(1)} %, recall ${(point.recall * 100).toFixed(1)} %`);
  const threshold = curve.find((p) => p.precision >= TARGET_PRECISION)?.threshold ?? 0.9;
  const possible = Math.min(POSSIBLE, threshold);
  writeModel(weights, intercept, threshold, possible);
  console.log(`\nDefault threshold: ${threshold} (training precision reaches ${TARGET_PRECISION * 100} %); possible duplicates from ${possible}.`);
}

function writeModel(weights: Record<string, number>, intercept: number, threshold: number, possible: number): void {
  const lines = EVIDENCE.map((name) => `    '${name}': ${weights[name]},`).join('\n');
  writeFileSync(
    new URL('../shared/duplicates/model.ts', import.meta.url),
    `/**
 * The fitted weights of the duplicate score: written by \`BENCH=duplicates-fit npm run bench\`
 * (bench/fit-duplicates.ts), not by hand. Fitted on the labelled populations of seeds ${TRAINING.map((t) => `${t.seed} (${t.persons.toLocaleString('en')} persons)`).join(', ')};
 * the benchmark evaluates on seed 2026. The threshold is the lowest score at which the training precision
 * reaches ${TARGET_PRECISION * 100} %. Set by hand, as the training data never shows them: ${Object.keys(FIXED).join(', ')}.
 */
import type { EvidenceName } from './evidence';

export const MODEL = {
  fittedOn: 'seeds ${TRAINING.map((t) => t.seed).join(', ')}',
  intercept: ${intercept},
  weights: {
${lines}
  } satisfies Record<EvidenceName, number>,
  /** Likely duplicates from this score up. */
  threshold: ${threshold},
  /** Possible duplicates from this score up to the threshold. */
  possible: ${possible},
};
`,
  );
}

await main();
