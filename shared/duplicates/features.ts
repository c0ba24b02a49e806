/**
 * What the duplicate finder compares, computed once per person: the folded keys of each name part in every
 * transliteration, the given names the given name and patronymic may be across languages, a parsed partial
 * birth date and a gender (as recorded, else as the patronymic or given name tells).
 */
import type { Region } from '../domain/cases';
import type { Gender } from '../domain/vocabularies';
import { detectCyrillicLanguage, detectScript, nameKeys, normalizeName, type CyrillicLanguage } from '../names';
import { givenNamesOfKey, givenNamesOfStem, stemOf, type GivenNameEntry } from './given-names';

export interface MatchInput {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly patronymic: string;
  readonly birthDate: string | null;
  readonly gender: Gender;
  readonly region: Region | null;
}

export interface PartFeatures {
  /** As entered, normalized; '' when missing. */
  readonly text: string;
  readonly lower: string;
  readonly keys: readonly string[];
  readonly skeletons: readonly string[];
  /** Cyrillic text and its language; null for Latin. */
  readonly language: CyrillicLanguage | null;
}

export interface BirthDate {
  readonly text: string;
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
}

export interface MatchFeatures {
  readonly input: MatchInput;
  readonly family: PartFeatures;
  readonly given: PartFeatures;
  readonly patronymic: PartFeatures;
  readonly givenNames: readonly GivenNameEntry[];
  /** Given names the patronymic is built on (Мікалаевіч → Мікалай / Николай). */
  readonly patronymicNames: readonly GivenNameEntry[];
  readonly patronymicStems: readonly string[];
  readonly birth: BirthDate | null;
  readonly gender: 'male' | 'female' | null;
}

const partCache = new Map<string, PartFeatures>();
const CACHE_LIMIT = 400_000;

/** Drops every name held for matching: called when the vault locks, so no name outlives the session in memory. */
export function clearMatchCaches(): void {
  partCache.clear();
}

export function partFeatures(raw: string): PartFeatures {
  const cached = partCache.get(raw);
  if (cached !== undefined) return cached;
  const text = normalizeName(raw);
  const { folded, skeletons } = text === '' ? { folded: [], skeletons: [] } : nameKeys(text);
  const script = detectScript(text);
  const language = script === 'cyrillic' || script === 'mixed' ? detectCyrillicLanguage(text) : null;
  const part: PartFeatures = { text, lower: text.toLowerCase(), keys: folded, skeletons, language };
  if (partCache.size >= CACHE_LIMIT) partCache.clear();
  partCache.set(raw, part);
  return part;
}

const PATRONYMIC_SUFFIX = /(inicna|avic|evic|icna|avna|evna|ivna|ic)$/;
const FEMALE_PATRONYMIC = /(вна|ўна|чна|vna|una|chna|čna|cna)$/i;
const MALE_PATRONYMIC = /(віч|вич|ич|іч|vich|vič|wicz|ich|ič)$/i;

function parseBirth(value: string | null): BirthDate | null {
  if (!value) return null;
  const [y, m, d] = value.split('-');
  const year = Number(y);
  if (!Number.isInteger(year)) return null;
  return { text: value, year, month: m === undefined ? null : Number(m), day: d === undefined ? null : Number(d) };
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

export function matchFeatures(input: MatchInput): MatchFeatures {
  const family = partFeatures(input.familyName);
  const given = partFeatures(input.givenName);
  const patronymic = partFeatures(input.patronymic);
  const givenNames = unique(given.keys.flatMap((k) => givenNamesOfKey(k)));
  const patronymicStems = unique(patronymic.keys.map((k) => stemOf(k.replace(PATRONYMIC_SUFFIX, ''))).filter((s) => s.length >= 2));
  const patronymicNames = unique(patronymicStems.flatMap((s) => givenNamesOfStem(s)));
  let gender: 'male' | 'female' | null = input.gender === 'male' || input.gender === 'female' ? input.gender : null;
  if (gender === null && patronymic.text !== '') {
    if (FEMALE_PATRONYMIC.test(patronymic.text)) gender = 'female';
    else if (MALE_PATRONYMIC.test(patronymic.text)) gender = 'male';
  }
  if (gender === null && givenNames.length > 0 && givenNames.every((g) => g.gender === givenNames[0]!.gender)) gender = givenNames[0]!.gender;
  return { input, family, given, patronymic, givenNames, patronymicNames, patronymicStems, birth: parseBirth(input.birthDate), gender };
}
