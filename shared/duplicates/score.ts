/**
 * How likely two person records are one person, with the evidence spelled out. Each piece of evidence adds
 * or subtracts log-odds (in the manner of Fellegi–Sunter record linkage); the score is the logistic of the
 * sum, 0..1. Hard non-matches — different gender, birth years three or more apart, records that are each
 * other's relatives — subtract enough that no agreement of names outweighs them.
 */
import { transliterateAs, TRANSLITERATION_SYSTEMS, type TransliterationSystem } from '../names';
import type { MatchFeatures, PartFeatures } from './features';
import { bestSimilarity } from './jaro-winkler';
import type { NamePart, Reason } from './reasons';

/** Pairs at or above this score are listed as likely duplicates. */
export const DEFAULT_THRESHOLD = 0.6;

export interface PairContext {
  /** How many records of the compared population share the surname key (the blocking key), when known. */
  readonly familyCount?: number;
  /** How many records of the population have the given name (as a name across languages), when known. */
  readonly givenCount?: number;
  /** How many records share both the surname and the given name of the pair, when known. */
  readonly nameCount?: number;
  /** Size of the compared population. */
  readonly population?: number;
  /** The two are recorded as relatives of each other. */
  readonly related?: boolean;
  /** Persons recorded as relatives of both. */
  readonly sharedRelatives?: number;
}

export interface PairScore {
  readonly score: number;
  readonly reasons: Reason[];
}

type PartVerdict =
  | { kind: 'missing' }
  | { kind: 'same' }
  | { kind: 'keys' }
  | { kind: 'equivalent'; belarusian: string; russian: string }
  | { kind: 'similar' | 'different'; similarity: number };

function sharesKey(a: PartFeatures, b: PartFeatures): boolean {
  for (const k of a.keys) if (b.keys.includes(k)) return true;
  return false;
}

function comparePart(a: PartFeatures, b: PartFeatures, similarAt: number): PartVerdict {
  if (a.text === '' || b.text === '') return { kind: 'missing' };
  if (a.lower === b.lower) return { kind: 'same' };
  if (sharesKey(a, b)) return { kind: 'keys' };
  const similarity = bestSimilarity(a.keys, b.keys);
  return { kind: similarity >= similarAt ? 'similar' : 'different', similarity };
}

function equivalentNames(a: MatchFeatures['givenNames'], b: MatchFeatures['givenNames']) {
  return a.find((entry) => b.includes(entry));
}

const SYSTEMS = TRANSLITERATION_SYSTEMS.map((s) => s.id);

/** Names the way two spellings that share a folded key relate, for the explanation. */
function keyReason(part: NamePart, a: PartFeatures, b: PartFeatures, explain: boolean): Reason {
  if (!explain) return { code: 'name.spelling', params: { part } };
  if (a.language !== null && b.language !== null) {
    const differ = (a.language === 'be' && b.language === 'ru') || (a.language === 'ru' && b.language === 'be');
    return differ ? { code: 'name.languages', params: { part } } : { code: 'name.spelling', params: { part } };
  }
  const [cyrillic, latin] = a.language !== null ? [a, b] : b.language !== null ? [b, a] : [null, null];
  if (cyrillic !== null && latin !== null) {
    const wanted = latin.lower;
    const system = SYSTEMS.find((s: TransliterationSystem) => transliterateAs(cyrillic.text, s).toLowerCase() === wanted);
    if (system !== undefined) return { code: 'name.transliteration', params: { part, system } };
  }
  return { code: 'name.spelling', params: { part } };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Weight of an agreeing surname: less for a common one (a tenth of a percent of records or more). */
function familyWeight(context: PairContext): number {
  if (context.familyCount === undefined) return 4.5;
  const population = Math.max(context.population ?? 0, 5000);
  const share = context.familyCount / population;
  return 4.5 - Math.min(2, Math.max(0, Math.log10(share * 1000)));
}

/**
 * Scores a pair. Without `explain`, a shared key is reported as a spelling difference without looking for the
 * transliteration system that links the spellings (a scan scores millions of pairs; it explains those it keeps).
 */
/** Weight of an agreeing given name: less for the commonest (Аляксандр, Сяргей, Вольга …). */
function givenWeight(context: PairContext): number {
  if (context.givenCount === undefined || context.givenCount === 0) return 3.5;
  const population = Math.max(context.population ?? 0, 5000);
  const share = context.givenCount / population;
  return 3.5 - Math.min(2, Math.max(0, Math.log10(share * 200)));
}

export function scorePair(a: MatchFeatures, b: MatchFeatures, context: PairContext = {}, explain = true): PairScore {
  const reasons: Reason[] = [];
  let odds = -4;

  const family = comparePart(a.family, b.family, 0.85);
  const fw = familyWeight(context);
  switch (family.kind) {
    case 'same':
      odds += fw;
      reasons.push({ code: 'name.same', params: { part: 'family' } });
      break;
    case 'keys':
      odds += fw;
      reasons.push(keyReason('family', a.family, b.family, explain));
      break;
    case 'similar':
      // Most surnames a few letters apart belong to different families: a typo is the rarer explanation.
      odds += family.similarity >= 0.95 ? 1 : family.similarity >= 0.9 ? -0.5 : -2;
      reasons.push({ code: 'name.similar', params: { part: 'family', similarity: round(family.similarity) } });
      break;
    case 'different':
      odds -= 5;
      reasons.push({ code: 'name.different', params: { part: 'family', similarity: round(family.similarity) } });
      break;
    case 'missing':
      reasons.push({ code: 'name.missing', params: { part: 'family' } });
      break;
    case 'equivalent':
      break;
  }

  const gw = givenWeight(context);
  let given = comparePart(a.given, b.given, 0.87);
  if (given.kind === 'similar' || given.kind === 'different') {
    const entry = equivalentNames(a.givenNames, b.givenNames);
    if (entry !== undefined) given = { kind: 'equivalent', belarusian: entry.belarusian, russian: entry.russian };
  }
  switch (given.kind) {
    case 'same':
      odds += gw;
      reasons.push({ code: 'name.same', params: { part: 'given' } });
      break;
    case 'keys':
      odds += gw;
      reasons.push(keyReason('given', a.given, b.given, explain));
      break;
    case 'equivalent':
      odds += gw;
      reasons.push({ code: 'name.equivalent', params: { part: 'given', belarusian: given.belarusian, russian: given.russian } });
      break;
    case 'similar':
      odds += given.similarity >= 0.93 ? gw - 1.5 : 0;
      reasons.push({ code: 'name.similar', params: { part: 'given', similarity: round(given.similarity) } });
      break;
    case 'different':
      odds -= 4;
      reasons.push({ code: 'name.different', params: { part: 'given', similarity: round(given.similarity) } });
      break;
    case 'missing':
      odds -= 0.5;
      reasons.push({ code: 'name.missing', params: { part: 'given' } });
      break;
  }

  // Several records with one full name: agreeing on it says less about any two of them.
  const nameAgrees = (family.kind === 'same' || family.kind === 'keys') && (given.kind === 'same' || given.kind === 'keys' || given.kind === 'equivalent');
  const nameCount = context.nameCount ?? 0;
  if (nameAgrees && nameCount > 2) odds -= Math.log(nameCount - 1);

  let patronymic = comparePart(a.patronymic, b.patronymic, 0.85);
  if (patronymic.kind === 'similar' || patronymic.kind === 'different') {
    const entry = equivalentNames(a.patronymicNames, b.patronymicNames);
    if (entry !== undefined) patronymic = { kind: 'equivalent', belarusian: a.patronymic.text, russian: b.patronymic.text };
  }
  switch (patronymic.kind) {
    case 'same':
      odds += 2;
      reasons.push({ code: 'name.same', params: { part: 'patronymic' } });
      break;
    case 'keys':
      odds += 2;
      reasons.push(keyReason('patronymic', a.patronymic, b.patronymic, explain));
      break;
    case 'equivalent':
      odds += 2;
      reasons.push({ code: 'name.equivalent', params: { part: 'patronymic', belarusian: patronymic.belarusian, russian: patronymic.russian } });
      break;
    case 'similar':
      odds += patronymic.similarity >= 0.9 ? 1 : 0;
      reasons.push({ code: 'name.similar', params: { part: 'patronymic', similarity: round(patronymic.similarity) } });
      break;
    case 'different':
      odds -= 3;
      reasons.push({ code: 'name.different', params: { part: 'patronymic', similarity: round(patronymic.similarity) } });
      break;
    case 'missing':
      if (a.patronymic.text !== '' || b.patronymic.text !== '') reasons.push({ code: 'name.missing', params: { part: 'patronymic' } });
      break;
  }

  if (nameAgrees && nameCount > 2) reasons.push({ code: 'name.common', params: { records: nameCount } });
  else if (fw < 4 && (family.kind === 'same' || family.kind === 'keys')) reasons.push({ code: 'name.common', params: { records: context.familyCount ?? 0 } });

  odds += scoreBirth(a, b, reasons);

  const ra = a.input.region;
  const rb = b.input.region;
  const known = (r: string | null): r is string => r !== null && r !== 'unknown' && r !== 'abroad';
  if (known(ra) && known(rb)) {
    if (ra === rb) {
      odds += 0.5;
      reasons.push({ code: 'region.same', params: { region: ra } });
    } else {
      odds -= 0.5;
      reasons.push({ code: 'region.different', params: { a: ra, b: rb } });
    }
  }

  if (a.gender !== null && b.gender !== null && a.gender !== b.gender) {
    odds -= 8;
    reasons.push({ code: 'gender.different', params: {} });
  }
  if (context.related) {
    odds -= 10;
    reasons.push({ code: 'relatives.related', params: {} });
  }
  if ((context.sharedRelatives ?? 0) > 0) {
    odds += 1.5;
    reasons.push({ code: 'relatives.shared', params: { count: context.sharedRelatives ?? 0 } });
  }

  const score = Math.round((1 / (1 + Math.exp(-odds))) * 1000) / 1000;
  return { score, reasons };
}

function scoreBirth(a: MatchFeatures, b: MatchFeatures, reasons: Reason[]): number {
  const x = a.birth;
  const y = b.birth;
  if (x === null || y === null) {
    if (x !== null || y !== null) reasons.push({ code: 'birth.missing', params: {} });
    return 0;
  }
  const years = Math.abs(x.year - y.year);
  if (years === 0) {
    if (x.month !== null && y.month !== null) {
      if (x.month !== y.month) {
        reasons.push({ code: 'birth.month-differs', params: { a: x.text, b: y.text } });
        return -1.5;
      }
      if (x.day !== null && y.day !== null) {
        if (x.day !== y.day) {
          reasons.push({ code: 'birth.day-differs', params: { a: x.text, b: y.text } });
          return -1;
        }
        reasons.push({ code: 'birth.same', params: { date: x.text } });
        return 4;
      }
    }
    if (x.text === y.text) {
      reasons.push({ code: 'birth.same', params: { date: x.text } });
      return x.month === null ? 1.5 : 2.5;
    }
    reasons.push({ code: 'birth.compatible', params: { a: x.text, b: y.text } });
    return 1.5;
  }
  if (years <= 2) {
    reasons.push({ code: 'birth.year-off', params: { years } });
    const sameDay = x.month !== null && x.month === y.month && x.day !== null && x.day === y.day;
    if (years === 1) return sameDay ? 1 : -0.5;
    return sameDay ? -1 : -2.5;
  }
  reasons.push({ code: 'birth.differs', params: { years } });
  return -7;
}
