/**
 * Judging the duplicate finder against the labelled population: precision and recall overall, along a
 * threshold curve, and per class of pair — because some pairs cannot be decided by anyone from what the
 * records hold, and a single figure would hide whether the misses and false matches are those.
 *
 * Classes (of true and predicted pairs alike, from the records and the labels, never from the finder):
 *  - `dated`: both records carry a birth date (at least the year);
 *  - `undated-unique`: a birth date is missing, and no other identity of the population has the full name
 *    (given name and surname) of either record;
 *  - `undated-namesakes-clue`: a birth date is missing and another identity has the same full name, but the
 *    records hold something that tells namesakes apart: both a patronymic, or a case on the same day;
 *  - `undated-namesakes`: a birth date is missing, another identity has the same full name, and nothing else
 *    on the records tells them apart. A person reviewing such a pair can only guess.
 */
import type { LabelledPerson, LabelledPopulation } from './duplicate-data';

export const PAIR_CLASSES = ['dated', 'undated-unique', 'undated-namesakes-clue', 'undated-namesakes'] as const;
export type PairClass = (typeof PAIR_CLASSES)[number];

export const pairClassLabels: Record<PairClass, string> = {
  dated: 'both birth dates known',
  'undated-unique': 'a birth date missing, name unique in the population',
  'undated-namesakes-clue': 'a birth date missing, namesakes exist, patronymics or a case date on both',
  'undated-namesakes': 'a birth date missing, namesakes exist, nothing else to tell them apart',
};

export interface Outcome {
  truePairs: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
}

const outcome = (truePairs: number, predicted: number, truePositives: number): Outcome => ({
  truePairs,
  predicted,
  truePositives,
  precision: predicted === 0 ? 1 : truePositives / predicted,
  recall: truePairs === 0 ? 1 : truePositives / truePairs,
});

const dayDates = (p: LabelledPerson) => new Set((p.events ?? []).flatMap((e) => (e.date !== null && e.date.length === 10 ? [e.date] : [])));

/** Classifies pairs of a population; built once, then asked per pair. */
export function pairClassifier(population: LabelledPopulation): (a: LabelledPerson, b: LabelledPerson) => PairClass {
  const holders = new Map<string, Set<number>>();
  population.persons.forEach((p) => {
    const name = population.names[p.identity]!;
    const set = holders.get(name) ?? new Set<number>();
    set.add(p.identity);
    holders.set(name, set);
  });
  const days = new Map<string, Set<string>>();
  const daysOf = (p: LabelledPerson) => {
    let set = days.get(p.id);
    if (set === undefined) days.set(p.id, (set = dayDates(p)));
    return set;
  };
  const namesakes = (p: LabelledPerson) => (holders.get(population.names[p.identity]!)?.size ?? 0) > 1;
  return (a, b) => {
    if (a.birthDate !== null && b.birthDate !== null) return 'dated';
    if (!namesakes(a) && !namesakes(b)) return 'undated-unique';
    if (a.patronymic !== '' && b.patronymic !== '') return 'undated-namesakes-clue';
    const db = daysOf(b);
    for (const d of daysOf(a)) if (db.has(d)) return 'undated-namesakes-clue';
    return 'undated-namesakes';
  };
}

export interface Evaluation extends Outcome {
  byClass: Record<PairClass, Outcome>;
  hardNegatives: { relatives: number; 'common-name': number };
  hardFalsePositives: { relatives: number; 'common-name': number };
}

/** Precision and recall of predicted pairs against the labels, overall and per class; the hard non-matches hit. */
export function evaluate(
  population: LabelledPopulation,
  all: readonly { a: string; b: string }[],
  /** Judge only the pairs this accepts (true and predicted alike). */
  only: (a: LabelledPerson, b: LabelledPerson) => boolean = () => true,
  classify: (a: LabelledPerson, b: LabelledPerson) => PairClass = pairClassifier(population),
): Evaluation {
  const byId = new Map(population.persons.map((p) => [p.id, p]));
  const counts = Object.fromEntries(PAIR_CLASSES.map((c) => [c, { truePairs: 0, predicted: 0, truePositives: 0 }])) as Record<PairClass, { truePairs: number; predicted: number; truePositives: number }>;
  const byIdentity = new Map<number, LabelledPerson[]>();
  for (const p of population.persons) byIdentity.set(p.identity, [...(byIdentity.get(p.identity) ?? []), p]);
  for (const records of byIdentity.values()) {
    for (let i = 0; i < records.length; i++) {
      for (let j = i + 1; j < records.length; j++) {
        if (only(records[i]!, records[j]!)) counts[classify(records[i]!, records[j]!)].truePairs++;
      }
    }
  }
  const predictedSet = new Set<string>();
  for (const { a, b } of all) {
    const x = byId.get(a)!;
    const y = byId.get(b)!;
    if (!only(x, y)) continue;
    predictedSet.add(`${a}|${b}`);
    const c = counts[classify(x, y)];
    c.predicted++;
    if (x.identity === y.identity) c.truePositives++;
  }
  const hardFalsePositives = { relatives: 0, 'common-name': 0 };
  const hardNegatives = { relatives: 0, 'common-name': 0 };
  for (const h of population.hardNegatives) {
    hardNegatives[h.kind]++;
    if (predictedSet.has(`${h.a}|${h.b}`)) hardFalsePositives[h.kind]++;
  }
  const total = Object.values(counts).reduce((s, c) => ({ t: s.t + c.truePairs, p: s.p + c.predicted, tp: s.tp + c.truePositives }), { t: 0, p: 0, tp: 0 });
  return {
    ...outcome(total.t, total.p, total.tp),
    byClass: Object.fromEntries(PAIR_CLASSES.map((c) => [c, outcome(counts[c].truePairs, counts[c].predicted, counts[c].truePositives)])) as Record<PairClass, Outcome>,
    hardNegatives,
    hardFalsePositives,
  };
}

export interface CurvePoint extends Evaluation {
  threshold: number;
}

/** Precision and recall at every threshold of `thresholds`, from candidates scored at or above the lowest. */
export function precisionRecallCurve(
  population: LabelledPopulation,
  candidates: readonly { a: string; b: string; score: number }[],
  thresholds: readonly number[],
  only?: (a: LabelledPerson, b: LabelledPerson) => boolean,
): CurvePoint[] {
  const classify = pairClassifier(population);
  return thresholds.map((threshold) => ({ threshold, ...evaluate(population, candidates.filter((c) => c.score >= threshold), only, classify) }));
}
