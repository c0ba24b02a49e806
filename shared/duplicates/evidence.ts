/**
 * What two person records have in common and where they differ, as a vector of evidence the score weighs
 * (score.ts). Every entry is a fact a reviewer can check on the two records — "same surname", "birth year off
 * by one", "a case on the same day" — or a measure of how telling a shared value is in this population: a
 * surname, a given name, a locality or a detention date that many records share is weak evidence, a rare one
 * strong (Fellegi–Sunter's u-probabilities, estimated per population).
 */
import type { MatchFeatures, PartFeatures } from './features';
import { anyWithinOneEdit } from './edit-distance';
import type { GivenNameEntry } from './given-names';
import { bestSimilarity } from './jaro-winkler';
import { slipBetween } from './slips';

/** The entries of the evidence vector, in order. */
export const EVIDENCE = [
  'family.agree', 'family.typo', 'family.slip', 'family.similar', 'family.remote', 'family.different', 'family.missing', 'family.rarity',
  'given.agree', 'given.typo', 'given.similar', 'given.different', 'given.missing', 'given.rarity',
  'name.others', 'name.others-undated', 'family.typo-undated',
  'patronymic.agree', 'patronymic.similar', 'patronymic.different', 'patronymic.one-missing',
  'birth.day', 'birth.month', 'birth.year', 'birth.month-differs', 'birth.day-differs', 'birth.off1-same-day', 'birth.off1', 'birth.off2',
  'birth.one-missing', 'birth.both-missing', 'population', 'population-undated',
  'region.same', 'region.different', 'locality.same', 'locality.rarity', 'locality.different',
  'relatives.shared', 'case.same-day', 'case.day-rarity', 'case.near-day', 'case.same-month', 'case.same-place', 'case.place-rarity',
  'case.same-article', 'case.article-rarity', 'case.none-shared',
  'family.spelling-fewest', 'family.spelling-most', 'family.lone-spelling', 'family.lone-spelling-undated',
  'given.spelling-fewest', 'given.lone-spelling',
] as const;
export type EvidenceName = (typeof EVIDENCE)[number];
export const EVIDENCE_SIZE = EVIDENCE.length;
const at = Object.fromEntries(EVIDENCE.map((name, i) => [name, i])) as Record<EvidenceName, number>;

/** How often values occur in the compared population, for the rarity of a shared one. */
export interface Frequencies {
  readonly localities?: ReadonlyMap<string, number>;
  readonly days?: ReadonlyMap<number, number>;
  readonly places?: ReadonlyMap<string, number>;
  readonly articles?: ReadonlyMap<string, number>;
}

export interface PairContext {
  /** How many records of the compared population share the surname key (the blocking key), when known. */
  readonly familyCount?: number;
  /** How many records of the population have the given name (as a name across languages), when known. */
  readonly givenCount?: number;
  /** How many records share both the surname and the given name of the pair, when known. */
  readonly nameCount?: number;
  /**
   * How many records of the population write the surname as each of the two records does (the rarer of the
   * two spellings, and the commoner), each counting itself, when known. A spelling no other record uses is
   * more often a slip than a surname of its own.
   */
  readonly familySpellingFewest?: number;
  readonly familySpellingMost?: number;
  /** How many records write the given name as the rarer of the two records does, when known. */
  readonly givenSpellingFewest?: number;
  /** Size of the compared population. */
  readonly population?: number;
  /** The two are recorded as relatives of each other. */
  readonly related?: boolean;
  /** Persons recorded as relatives of both. */
  readonly sharedRelatives?: number;
  readonly frequencies?: Frequencies;
}

export type PartVerdict =
  | { kind: 'missing' }
  | { kind: 'same' }
  | { kind: 'keys' }
  | { kind: 'equivalent'; belarusian: string; russian: string }
  | { kind: 'typo' | 'similar' | 'remote' | 'different'; similarity: number };

export type BirthVerdict =
  | 'day' | 'month' | 'year' | 'compatible' | 'month-differs' | 'day-differs' | 'off1-same-day' | 'off1' | 'off2' | 'differs' | 'one-missing' | 'both-missing';

/** What a comparison found, for the vector and for the explanation. */
export interface Comparison {
  readonly family: PartVerdict;
  /** The surnames are one typing slip apart (swapped, doubled, a neighbouring key). */
  readonly familySlip: boolean;
  readonly given: PartVerdict;
  readonly patronymic: PartVerdict;
  /** One record has a patronymic, the other none. */
  readonly patronymicOneMissing: boolean;
  readonly birth: BirthVerdict;
  readonly birthYears: number;
  readonly nameCount: number;
  readonly familyShare: number;
  readonly region: 'same' | 'different' | null;
  readonly locality: 'same' | 'different' | null;
  readonly localityKey: string;
  readonly genderDiffers: boolean;
  readonly related: boolean;
  readonly sharedRelatives: number;
  /** The shared event day (days since 1970), if any. */
  readonly sameDay: number | null;
  readonly nearDays: readonly [number, number] | null;
  readonly sameMonth: number | null;
  readonly samePlace: string | null;
  readonly sameArticle: string | null;
  readonly eventsDisjoint: boolean;
}

const agrees = (v: PartVerdict) => v.kind === 'same' || v.kind === 'keys' || v.kind === 'equivalent';

function sharesKey(a: PartFeatures, b: PartFeatures): boolean {
  for (const k of a.keys) if (b.keys.includes(k)) return true;
  return false;
}

function sharedEntry(a: readonly GivenNameEntry[], b: readonly GivenNameEntry[]): GivenNameEntry | undefined {
  return a.find((entry) => b.includes(entry));
}

const MISSING: PartVerdict = { kind: 'missing' };
const SAME: PartVerdict = { kind: 'same' };
const KEYS: PartVerdict = { kind: 'keys' };

/** One name part against the other: same, same keys, a slip apart, similar, or different. */
function comparePart(a: PartFeatures, b: PartFeatures, similarAt: number, remoteAt: number): PartVerdict {
  if (a.text === '' || b.text === '') return MISSING;
  if (a.lower === b.lower) return SAME;
  if (sharesKey(a, b)) return KEYS;
  const similarity = bestSimilarity(a.keys, b.keys);
  if (similarity >= remoteAt && anyWithinOneEdit(a.keys, b.keys)) return { kind: 'typo', similarity };
  return { kind: similarity >= similarAt ? 'similar' : similarity >= remoteAt ? 'remote' : 'different', similarity };
}

function compareGiven(a: MatchFeatures, b: MatchFeatures): PartVerdict {
  const verdict = comparePart(a.given, b.given, 0.87, 0.87);
  if (verdict.kind === 'same' || verdict.kind === 'keys' || verdict.kind === 'missing') return verdict;
  const entry = sharedEntry(a.givenNames, b.givenNames);
  if (entry !== undefined) return { kind: 'equivalent', belarusian: entry.belarusian, russian: entry.russian };
  if (verdict.kind === 'typo') return verdict;
  // A mistyped name one slip from a name of the table that the other record has.
  const similarity = 'similarity' in verdict ? verdict.similarity : 0;
  const near = sharedEntry(a.givenNear.length > 0 ? a.givenNear : a.givenNames, b.givenNear.length > 0 ? b.givenNear : b.givenNames);
  if (near !== undefined && (a.givenNear.length > 0 || b.givenNear.length > 0)) return { kind: 'typo', similarity };
  return verdict.kind === 'remote' ? { kind: 'different', similarity } : verdict;
}

function comparePatronymic(a: MatchFeatures, b: MatchFeatures): PartVerdict {
  const verdict = comparePart(a.patronymic, b.patronymic, 0.9, 0.85);
  if (verdict.kind === 'same' || verdict.kind === 'keys' || verdict.kind === 'missing') return verdict;
  if (sharedEntry(a.patronymicNames, b.patronymicNames) !== undefined) return { kind: 'equivalent', belarusian: a.patronymic.text, russian: b.patronymic.text };
  return verdict;
}

function compareBirth(a: MatchFeatures, b: MatchFeatures): BirthVerdict {
  const x = a.birth;
  const y = b.birth;
  if (x === null || y === null) return x === null && y === null ? 'both-missing' : 'one-missing';
  const years = Math.abs(x.year - y.year);
  if (years === 0) {
    if (x.month === null || y.month === null) return x.month === null && y.month === null ? 'year' : 'compatible';
    if (x.month !== y.month) return 'month-differs';
    if (x.day === null || y.day === null) return x.day === null && y.day === null ? 'month' : 'compatible';
    return x.day === y.day ? 'day' : 'day-differs';
  }
  const sameDay = x.month !== null && x.month === y.month && x.day !== null && x.day === y.day;
  if (years === 1) return sameDay ? 'off1-same-day' : 'off1';
  return years === 2 ? 'off2' : 'differs';
}

const known = (r: string | null): r is string => r !== null && r !== 'unknown' && r !== 'abroad';

function firstShared<T>(a: readonly T[], b: readonly T[]): T | null {
  for (const x of a) if (b.includes(x)) return x;
  return null;
}

function nearDays(a: readonly number[], b: readonly number[]): readonly [number, number] | null {
  for (const x of a) for (const y of b) if (x !== y && Math.abs(x - y) <= 3) return [x, y];
  return null;
}

/** Compares two records. Cheap enough for millions of pairs: Jaro–Winkler only where keys differ. */
export function compareRecords(a: MatchFeatures, b: MatchFeatures, context: PairContext = {}): Comparison {
  const family = comparePart(a.family, b.family, 0.92, 0.85);
  const given = compareGiven(a, b);
  const patronymic = comparePatronymic(a, b);
  const birth = compareBirth(a, b);
  const ea = a.events;
  const eb = b.events;
  const sameDay = firstShared(ea.days, eb.days);
  const near = sameDay === null ? nearDays(ea.days, eb.days) : null;
  const sameMonth = sameDay === null && near === null ? firstShared(ea.months, eb.months) : null;
  const population = Math.max(context.population ?? 0, 5000);
  return {
    family,
    familySlip: family.kind === 'typo' && slipBetween(a.family.lower, b.family.lower, a.family.keys, b.family.keys),
    given,
    patronymic,
    patronymicOneMissing: (a.patronymic.text === '') !== (b.patronymic.text === ''),
    birth,
    birthYears: a.birth !== null && b.birth !== null ? Math.abs(a.birth.year - b.birth.year) : 0,
    nameCount: context.nameCount ?? 0,
    familyShare: (context.familyCount ?? 1) / population,
    region: known(a.input.region) && known(b.input.region) ? (a.input.region === b.input.region ? 'same' : 'different') : null,
    locality: a.locality !== '' && b.locality !== '' ? (a.locality === b.locality ? 'same' : 'different') : null,
    localityKey: a.locality,
    genderDiffers: a.gender !== null && b.gender !== null && a.gender !== b.gender,
    related: context.related ?? false,
    sharedRelatives: context.sharedRelatives ?? 0,
    sameDay,
    nearDays: near,
    sameMonth,
    samePlace: firstShared(ea.places, eb.places),
    sameArticle: firstShared(ea.articles, eb.articles),
    eventsDisjoint: ea.months.length > 0 && eb.months.length > 0 && sameDay === null && near === null && sameMonth === null,
  };
}

/**
 * How common a value is in the whole population, before the register says anything: a surname about one person
 * in 4,000 has, a given name one in 22, a locality, a place of detention one in ten, a detention day one in 500,
 * an article one in three. Shares are estimated as if PRIOR_SIZE persons with these shares had been seen besides
 * the register's own, so that a small register (where every value is seen once or twice) does not make every
 * value look rare, while a large one speaks for itself.
 */
const PRIOR_SIZE = 2000;
const PRIOR_SHARE = { family: 1 / 4000, given: 1 / 22, locality: 1 / 10, day: 1 / 500, place: 1 / 10, article: 1 / 3 } as const;

/**
 * log10 of how many times rarer than one in the population a value is: 0 for everyone's, up to 5. An unknown
 * count (a pair scored on its own) is taken as typical.
 */
function rarity(count: number | undefined, registered: number, kind: keyof typeof PRIOR_SHARE): number {
  const share = count === undefined ? PRIOR_SHARE[kind] : (Math.max(count, 0) + PRIOR_SIZE * PRIOR_SHARE[kind]) / (registered + PRIOR_SIZE);
  return Math.min(5, Math.max(0, -Math.log10(share)));
}

/**
 * Hard evidence that no agreement outweighs: different genders, a recorded relation, birth years three or more
 * apart. Not weighed by the fitted model: these pairs are different people by rule.
 */
export function hardPenalty(c: Comparison): number {
  return (c.genderDiffers ? -8 : 0) + (c.related ? -10 : 0) + (c.birth === 'differs' ? -7 : 0);
}

/** Fills `out` (length EVIDENCE_SIZE) with the comparison's evidence vector. */
export function evidenceVector(c: Comparison, context: PairContext, out: Float64Array): void {
  out.fill(0);
  const population = Math.max(context.population ?? 0, 5000);
  const registered = context.population ?? 0;
  const undated = c.birth === 'one-missing' || c.birth === 'both-missing' ? 1 : 0;
  const familyOk = agrees(c.family) || c.family.kind === 'typo';
  switch (c.family.kind) {
    case 'same':
    case 'keys':
    case 'equivalent':
      out[at['family.agree']] = 1;
      break;
    case 'typo':
      out[at['family.typo']] = 1;
      out[at['family.typo-undated']] = undated;
      if (c.familySlip) out[at['family.slip']] = 1;
      break;
    case 'similar':
      out[at['family.similar']] = 1;
      break;
    case 'remote':
      out[at['family.remote']] = 1;
      break;
    case 'different':
      out[at['family.different']] = 1;
      break;
    case 'missing':
      out[at['family.missing']] = 1;
      break;
  }
  if (familyOk) out[at['family.rarity']] = rarity(context.familyCount, registered, 'family');
  const givenOk = agrees(c.given) || c.given.kind === 'typo';
  switch (c.given.kind) {
    case 'same':
    case 'keys':
    case 'equivalent':
      out[at['given.agree']] = 1;
      out[at['given.rarity']] = rarity(context.givenCount, registered, 'given');
      break;
    case 'typo':
      out[at['given.typo']] = 1;
      break;
    case 'similar':
      out[at['given.similar']] = 1;
      break;
    case 'remote':
    case 'different':
      out[at['given.different']] = 1;
      break;
    case 'missing':
      out[at['given.missing']] = 1;
      break;
  }
  if (familyOk && givenOk) {
    const others = Math.log(Math.max(c.nameCount, 2) - 1);
    out[at['name.others']] = others;
    out[at['name.others-undated']] = others * undated;
  }
  switch (c.patronymic.kind) {
    case 'same':
    case 'keys':
    case 'equivalent':
      out[at['patronymic.agree']] = 1;
      break;
    case 'typo':
    case 'similar':
      out[at['patronymic.similar']] = 1;
      break;
    case 'remote':
    case 'different':
      out[at['patronymic.different']] = 1;
      break;
    case 'missing':
      break;
  }
  if (c.patronymicOneMissing) out[at['patronymic.one-missing']] = 1;
  switch (c.birth) {
    case 'day':
      out[at['birth.day']] = 1;
      break;
    case 'month':
      out[at['birth.month']] = 1;
      break;
    case 'year':
    case 'compatible':
      out[at['birth.year']] = 1;
      break;
    case 'month-differs':
      out[at['birth.month-differs']] = 1;
      break;
    case 'day-differs':
      out[at['birth.day-differs']] = 1;
      break;
    case 'off1-same-day':
      out[at['birth.off1-same-day']] = 1;
      break;
    case 'off1':
      out[at['birth.off1']] = 1;
      break;
    case 'off2':
      out[at['birth.off2']] = 1;
      break;
    case 'one-missing':
      out[at['birth.one-missing']] = 1;
      break;
    case 'both-missing':
      out[at['birth.both-missing']] = 1;
      break;
    case 'differs':
      break;
  }
  const size = Math.log(population / 10_000);
  out[at.population] = size;
  out[at['population-undated']] = size * undated;
  if (c.region === 'same') out[at['region.same']] = 1;
  if (c.region === 'different') out[at['region.different']] = 1;
  const f = context.frequencies;
  if (c.locality === 'same') {
    out[at['locality.same']] = 1;
    out[at['locality.rarity']] = rarity(f?.localities?.get(c.localityKey), registered, 'locality');
  }
  if (c.locality === 'different') out[at['locality.different']] = 1;
  if (c.sharedRelatives > 0) out[at['relatives.shared']] = 1;
  if (c.sameDay !== null) {
    out[at['case.same-day']] = 1;
    out[at['case.day-rarity']] = rarity(f?.days?.get(c.sameDay), registered, 'day');
  }
  if (c.nearDays !== null) out[at['case.near-day']] = 1;
  if (c.sameMonth !== null) out[at['case.same-month']] = 1;
  if (c.samePlace !== null) {
    out[at['case.same-place']] = 1;
    out[at['case.place-rarity']] = rarity(f?.places?.get(c.samePlace), registered, 'place');
  }
  if (c.sameArticle !== null) {
    out[at['case.same-article']] = 1;
    out[at['case.article-rarity']] = rarity(f?.articles?.get(c.sameArticle), registered, 'article');
  }
  if (c.eventsDisjoint) out[at['case.none-shared']] = 1;
  spellingEvidence(c, context, undated, out);
}

const spelt = (v: PartVerdict) => v.kind === 'typo' || v.kind === 'similar' || v.kind === 'remote';
const givenSpelt = (v: PartVerdict) => v.kind === 'typo' || v.kind === 'similar';

/** The surname or given name one record spells in a way no other record does. */
export function loneSpelling(c: Comparison, context: PairContext): { family: boolean; given: boolean } {
  return {
    family: spelt(c.family) && context.familySpellingFewest === 1,
    given: givenSpelt(c.given) && context.givenSpellingFewest === 1,
  };
}

/** How common each record's spelling of the names is: a spelling of one is a slip more often than a name. */
function spellingEvidence(c: Comparison, context: PairContext, undated: number, out: Float64Array): void {
  const lone = loneSpelling(c, context);
  if (context.familySpellingFewest !== undefined) {
    const fewest = Math.log(Math.max(1, context.familySpellingFewest));
    if (spelt(c.family)) {
      out[at['family.spelling-fewest']] = fewest;
      out[at['family.spelling-most']] = Math.log(Math.max(1, context.familySpellingMost ?? context.familySpellingFewest));
      if (lone.family) {
        out[at['family.lone-spelling']] = 1;
        out[at['family.lone-spelling-undated']] = undated;
      }
    }
  }
  if (context.givenSpellingFewest !== undefined && givenSpelt(c.given)) {
    out[at['given.spelling-fewest']] = Math.log(Math.max(1, context.givenSpellingFewest));
    if (lone.given) out[at['given.lone-spelling']] = 1;
  }
}

export const evidenceIndex = at;
