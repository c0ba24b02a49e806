/**
 * What the duplicate finder compares, computed once per person: the folded keys of each name part in every
 * transliteration, the given names the given name and patronymic may be across languages (or, for a mistyped
 * given name, the names one slip away), a parsed partial birth date, a gender (as recorded, else as the
 * patronymic or given name tells), and the keys of the locality and of the person's cases.
 */
import type { Region } from '../domain/cases';
import type { Gender } from '../domain/vocabularies';
import { detectCyrillicLanguage, detectScript, nameKeys, normalizeName, type CyrillicLanguage } from '../names';
import { clearNearNames, givenNamesNear, givenNamesOfKey, givenNamesOfStem, stemOf, type GivenNameEntry } from './given-names';
import { articleKey, localityKey, partialDay, placeKey } from './places';

/** A case naming the person as a victim, as far as it helps tell people apart. */
export interface MatchEvent {
  /** Partial date of the event (`2020`, `2020-08`, `2020-08-10`); null when unknown. */
  readonly date: string | null;
  readonly place: string;
  readonly articles: readonly string[];
}

export interface MatchInput {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly patronymic: string;
  readonly birthDate: string | null;
  readonly gender: Gender;
  readonly region: Region | null;
  readonly locality?: string;
  readonly events?: readonly MatchEvent[];
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
  /** When the given name is no name of the table: the table's names one keyboard slip away (Бгдан → Багдан). */
  readonly givenNear: readonly GivenNameEntry[];
  /** Given names the patronymic is built on (Мікалаевіч → Мікалай / Николай). */
  readonly patronymicNames: readonly GivenNameEntry[];
  readonly patronymicStems: readonly string[];
  readonly birth: BirthDate | null;
  readonly gender: 'male' | 'female' | null;
  /** `localityKey` of the locality; '' when none. */
  readonly locality: string;
  readonly events: EventFeatures;
}

export interface EventFeatures {
  /** Days (since 1970) of the events dated to the day. */
  readonly days: readonly number[];
  /** Months (year × 12 + month − 1) of the events dated at least to the month. */
  readonly months: readonly number[];
  /** `placeKey` of each place of detention named. */
  readonly places: readonly string[];
  readonly articles: readonly string[];
}

const NO_EVENTS: EventFeatures = { days: [], months: [], places: [], articles: [] };

function eventFeatures(events: MatchInput['events']): EventFeatures {
  if (events === undefined || events.length === 0) return NO_EVENTS;
  const days = new Set<number>();
  const months = new Set<number>();
  const places = new Set<string>();
  const articles = new Set<string>();
  for (const e of events) {
    const date = partialDay(e.date);
    if (date?.day != null) days.add(date.day);
    if (date?.month != null) months.add(date.month);
    const place = e.place === '' ? '' : placeKeyOf(e.place);
    if (place !== '') places.add(place);
    for (const a of e.articles) {
      const key = articleKey(a);
      if (key !== '') articles.add(key);
    }
  }
  return { days: [...days], months: [...months], places: [...places], articles: [...articles] };
}

const localityCache = new Map<string, string>();
const placeCache = new Map<string, string>();

/** `placeKey`, remembered per text. */
export function placeKeyOf(text: string): string {
  let key = placeCache.get(text);
  if (key === undefined) {
    key = placeKey(text);
    if (placeCache.size >= 20_000) placeCache.clear();
    placeCache.set(text, key);
  }
  return key;
}

function localityOf(text: string | undefined): string {
  if (text === undefined || text === '') return '';
  let key = localityCache.get(text);
  if (key === undefined) {
    key = localityKey(text);
    if (localityCache.size >= 20_000) localityCache.clear();
    localityCache.set(text, key);
  }
  return key;
}

const partCache = new Map<string, PartFeatures>();
const CACHE_LIMIT = 400_000;

/** Drops every name held for matching: called when the vault locks, so no name outlives the session in memory. */
export function clearMatchCaches(): void {
  partCache.clear();
  localityCache.clear();
  placeCache.clear();
  clearNearNames();
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
  const givenNear = givenNames.length > 0 ? [] : unique(given.keys.flatMap((k) => givenNamesNear(k)));
  return {
    input,
    family,
    given,
    patronymic,
    givenNames,
    givenNear,
    patronymicNames,
    patronymicStems,
    birth: parseBirth(input.birthDate),
    gender,
    locality: localityOf(input.locality),
    events: eventFeatures(input.events),
  };
}
