/**
 * How likely two person records are one person, with the evidence spelled out. The evidence vector
 * (evidence.ts) is weighed by a logistic model fitted on a labelled population (model.ts says which), so the
 * score reads as a probability: of the pairs scored 0.8, about eight in ten are one person. Hard non-matches —
 * different gender, birth years three or more apart, records that are each other's relatives — subtract enough
 * that no agreement of names outweighs them.
 */
import { transliterateAs, TRANSLITERATION_SYSTEMS, type TransliterationSystem } from '../names';
import { compareRecords, EVIDENCE, EVIDENCE_SIZE, evidenceVector, hardPenalty, loneSpelling, type Comparison, type PairContext, type PartVerdict } from './evidence';
import { placeKeyOf, type MatchFeatures, type PartFeatures } from './features';
import { MODEL } from './model';
import type { NamePart, Reason } from './reasons';

export type { PairContext } from './evidence';

/** Pairs at or above this score are likely duplicates: the main band of the queue, and the warning. */
export const DEFAULT_THRESHOLD = MODEL.threshold;
/** Pairs from this score up to the default threshold are possible duplicates, listed below the likely ones. */
export const POSSIBLE_THRESHOLD = MODEL.possible;

/** Names the weights in force: a queue scored with other weights is rescanned. */
export const MODEL_VERSION = versionOf(JSON.stringify(MODEL));

function versionOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

export interface PairScore {
  readonly score: number;
  readonly reasons: Reason[];
}

const WEIGHTS = Float64Array.from(EVIDENCE, (name) => MODEL.weights[name]);
const scratch = new Float64Array(EVIDENCE_SIZE);

function logitOf(c: Comparison, context: PairContext): number {
  evidenceVector(c, context, scratch);
  let sum = MODEL.intercept + hardPenalty(c);
  for (let i = 0; i < EVIDENCE_SIZE; i++) sum += WEIGHTS[i]! * scratch[i]!;
  return sum;
}

const probability = (logit: number) => Math.round((1 / (1 + Math.exp(-logit))) * 1000) / 1000;

/** The score alone, for a scan that keeps few of the pairs it scores. */
export function quickScore(a: MatchFeatures, b: MatchFeatures, context: PairContext = {}): number {
  return probability(logitOf(compareRecords(a, b, context), context));
}

/**
 * Scores a pair. Without `explain`, a shared key is reported as a spelling difference without looking for the
 * transliteration system that links the spellings.
 */
export function scorePair(a: MatchFeatures, b: MatchFeatures, context: PairContext = {}, explain = true): PairScore {
  const c = compareRecords(a, b, context);
  return { score: probability(logitOf(c, context)), reasons: reasonsOf(c, a, b, context, explain) };
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

function partReason(part: NamePart, v: PartVerdict, a: PartFeatures, b: PartFeatures, explain: boolean): Reason | null {
  switch (v.kind) {
    case 'same':
      return { code: 'name.same', params: { part } };
    case 'keys':
      return keyReason(part, a, b, explain);
    case 'equivalent':
      return { code: 'name.equivalent', params: { part, belarusian: v.belarusian, russian: v.russian } };
    case 'typo':
    case 'similar':
      return { code: 'name.similar', params: { part, similarity: round(v.similarity) } };
    case 'remote':
    case 'different':
      return { code: 'name.different', params: { part, similarity: round(v.similarity) } };
    case 'missing':
      return part === 'patronymic' && a.text === '' && b.text === '' ? null : { code: 'name.missing', params: { part } };
  }
}

const agrees = (v: PartVerdict) => v.kind === 'same' || v.kind === 'keys' || v.kind === 'equivalent';
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const isoMonth = (month: number) => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;

function birthReason(c: Comparison, a: MatchFeatures, b: MatchFeatures): Reason | null {
  const x = a.birth?.text ?? '';
  const y = b.birth?.text ?? '';
  switch (c.birth) {
    case 'both-missing':
      return null;
    case 'one-missing':
      return { code: 'birth.missing', params: {} };
    case 'day':
    case 'month':
    case 'year':
      return { code: 'birth.same', params: { date: x } };
    case 'compatible':
      return { code: 'birth.compatible', params: { a: x, b: y } };
    case 'month-differs':
      return { code: 'birth.month-differs', params: { a: x, b: y } };
    case 'day-differs':
      return { code: 'birth.day-differs', params: { a: x, b: y } };
    case 'off1-same-day':
    case 'off1':
    case 'off2':
      return { code: 'birth.year-off', params: { years: c.birthYears } };
    case 'differs':
      return { code: 'birth.differs', params: { years: c.birthYears } };
  }
}

/** The place as the first record writes it. */
function placeText(f: MatchFeatures, key: string): string {
  return f.input.events?.find((e) => e.place !== '' && placeKeyOf(e.place) === key)?.place ?? key;
}

function reasonsOf(c: Comparison, a: MatchFeatures, b: MatchFeatures, context: PairContext, explain: boolean): Reason[] {
  const reasons: Reason[] = [];
  const push = (r: Reason | null) => {
    if (r !== null) reasons.push(r);
  };
  push(partReason('family', c.family, a.family, b.family, explain));
  push(partReason('given', c.given, a.given, b.given, explain));
  push(partReason('patronymic', c.patronymic, a.patronymic, b.patronymic, explain));
  // Only the surname's: a given name spelt by one record alone is no sign of a slip in the fitted weights.
  if (loneSpelling(c, context).family) reasons.push({ code: 'name.lone-spelling', params: { part: 'family' } });
  const familyAgrees = agrees(c.family);
  if (familyAgrees && agrees(c.given) && c.nameCount > 2) reasons.push({ code: 'name.common', params: { records: c.nameCount } });
  else if (familyAgrees && c.familyShare > 0.003) reasons.push({ code: 'name.common', params: { records: context.familyCount ?? 0 } });
  push(birthReason(c, a, b));
  if (c.region === 'same') reasons.push({ code: 'region.same', params: { region: a.input.region! } });
  if (c.region === 'different') reasons.push({ code: 'region.different', params: { a: a.input.region!, b: b.input.region! } });
  if (c.locality === 'same') reasons.push({ code: 'locality.same', params: { locality: a.input.locality ?? '' } });
  if (c.locality === 'different') reasons.push({ code: 'locality.different', params: { a: a.input.locality ?? '', b: b.input.locality ?? '' } });
  if (c.sameDay !== null) reasons.push({ code: 'case.same-date', params: { date: isoDay(c.sameDay) } });
  if (c.nearDays !== null) reasons.push({ code: 'case.near-date', params: { a: isoDay(c.nearDays[0]), b: isoDay(c.nearDays[1]) } });
  if (c.sameMonth !== null) reasons.push({ code: 'case.same-month', params: { month: isoMonth(c.sameMonth) } });
  if (c.samePlace !== null) reasons.push({ code: 'case.same-place', params: { place: placeText(a, c.samePlace) } });
  if (c.sameArticle !== null) reasons.push({ code: 'case.same-article', params: { article: c.sameArticle } });
  if (c.genderDiffers) reasons.push({ code: 'gender.different', params: {} });
  if (c.related) reasons.push({ code: 'relatives.related', params: {} });
  if (c.sharedRelatives > 0) reasons.push({ code: 'relatives.shared', params: { count: c.sharedRelatives } });
  return reasons;
}
