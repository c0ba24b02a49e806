/**
 * The fitted weights of the duplicate score: written by `BENCH=duplicates-fit npm run bench`
 * (bench/fit-duplicates.ts), not by hand. Fitted on the labelled populations of seeds 7 (100,000 persons), 8 (30,000 persons), 9 (10,000 persons);
 * the benchmark evaluates on seed 2026. The threshold is the lowest score at which the training precision
 * reaches 90 %. Set by hand, as the training data never shows them: given.missing, relatives.shared.
 */
import type { EvidenceName } from './evidence';

export const MODEL = {
  fittedOn: 'seeds 7, 8, 9',
  intercept: -6.501,
  weights: {
    'family.agree': 4.059,
    'family.typo': 1.098,
    'family.slip': 2.745,
    'family.similar': -0.236,
    'family.remote': -1.18,
    'family.different': -3.742,
    'family.missing': 0,
    'family.rarity': 0.834,
    'given.agree': 0.452,
    'given.typo': 3.95,
    'given.similar': 0.542,
    'given.different': -4.944,
    'given.missing': -0.5,
    'given.rarity': 1.874,
    'name.others': -0.519,
    'name.others-undated': -0.222,
    'family.typo-undated': -0.295,
    'patronymic.agree': 2.63,
    'patronymic.similar': -0.75,
    'patronymic.different': -6.374,
    'patronymic.one-missing': -0.019,
    'birth.day': 7.494,
    'birth.month': 2.473,
    'birth.year': 2.113,
    'birth.month-differs': -4.62,
    'birth.day-differs': -2.175,
    'birth.off1-same-day': 4.657,
    'birth.off1': -1.08,
    'birth.off2': -5.268,
    'birth.one-missing': -1.808,
    'birth.both-missing': -1.787,
    'population': -0.892,
    'population-undated': 0.135,
    'region.same': 1.368,
    'region.different': -1.473,
    'locality.same': -1.579,
    'locality.rarity': 2.516,
    'locality.different': -3.252,
    'relatives.shared': 1.5,
    'case.same-day': -1.561,
    'case.day-rarity': 2.38,
    'case.near-day': 0.274,
    'case.same-month': 0.896,
    'case.same-place': -1.238,
    'case.place-rarity': 1.911,
    'case.same-article': -1.047,
    'case.article-rarity': 1.799,
    'case.none-shared': -1.969,
  } satisfies Record<EvidenceName, number>,
  /** Likely duplicates from this score up. */
  threshold: 0.43,
  /** Possible duplicates from this score up to the threshold. */
  possible: 0.2,
};
