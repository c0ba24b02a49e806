/**
 * Who a person may already be: the single look-up behind the warning when a person is added or imported, and
 * behind the refresh of the few persons changed since the last scan. Candidates come from the match index
 * (every person sharing a blocking key with the target), the counts the score needs from the same index, the
 * rarity of localities, detention days, places and articles from the last full scan's statistics; pairs are
 * scored exactly as a full scan scores them.
 */
import { and, count, eq, inArray, or, sql } from 'drizzle-orm';
import type { SimilarPerson } from '../../shared/domain/duplicates';
import { splitFullName } from '../../shared/domain/persons';
import type { Frequencies, PairContext } from '../../shared/duplicates/evidence';
import { matchFeatures, type MatchEvent, type MatchFeatures, type MatchInput } from '../../shared/duplicates/features';
import type { Reason } from '../../shared/duplicates/reasons';
import { blockingKeys, clearlyDifferent, frequenciesOf, fullNameKey, givenId, relativeContext, spellingCount, spellingKeys } from '../../shared/duplicates/scan';
import { DEFAULT_THRESHOLD, quickScore, scorePair } from '../../shared/duplicates/score';
import { anyKey, countKey } from '../match-index';
import { casePersons, cases, personRelations, persons, settings } from '../schema';
import type { Db } from './changes';
import { toPersonRecord } from './persons';

export const matchColumns = {
  id: persons.id,
  givenName: persons.givenName,
  familyName: persons.familyName,
  patronymic: persons.patronymic,
  birthDate: persons.birthDate,
  gender: persons.gender,
  region: persons.region,
  locality: persons.locality,
};

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const eventColumns = { personId: casePersons.personId, date: cases.eventDate, place: cases.placeOfDetention, articles: cases.articles };

function addEvents(out: Map<string, MatchEvent[]>, rows: readonly { personId: string; date: string | null; place: string; articles: string }[]): void {
  for (const r of rows) {
    const list = out.get(r.personId) ?? [];
    list.push({ date: r.date, place: r.place, articles: JSON.parse(r.articles) as string[] });
    out.set(r.personId, list);
  }
}

/** The cases naming each of `ids` (or everyone) as a victim, as match events. */
export function victimEvents(db: Db, ids?: readonly string[]): Map<string, MatchEvent[]> {
  const out = new Map<string, MatchEvent[]>();
  const query = (where: ReturnType<typeof and>) => db.select(eventColumns).from(casePersons).innerJoin(cases, eq(cases.id, casePersons.caseId)).where(where).all();
  if (ids === undefined) addEvents(out, query(eq(casePersons.role, 'victim')));
  else for (const part of chunk(ids, 500)) addEvents(out, query(and(eq(casePersons.role, 'victim'), inArray(casePersons.personId, part))));
  return out;
}

export function withEvents(rows: readonly MatchInput[], events: ReadonlyMap<string, MatchEvent[]>): MatchInput[] {
  return rows.map((r) => {
    const list = events.get(r.id);
    return list === undefined ? r : { ...r, events: list };
  });
}

const FREQUENCIES = 'duplicates.frequencies';

interface StoredFrequencies {
  localities: [string, number][];
  days: [number, number][];
  places: [string, number][];
  articles: [string, number][];
}

/** Keeps the full scan's statistics for the look-ups that follow: local working data, never synced. */
export function storeFrequencies(db: Db, frequencies: Frequencies, at: string): void {
  const stored: StoredFrequencies = {
    localities: [...(frequencies.localities ?? [])],
    days: [...(frequencies.days ?? [])],
    places: [...(frequencies.places ?? [])],
    articles: [...(frequencies.articles ?? [])],
  };
  const value = JSON.stringify(stored);
  db.insert(settings).values({ key: FREQUENCIES, value, updatedAt: at }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } }).run();
}

/** The statistics of the last full scan; before the first one, computed from the vault. */
export function populationFrequencies(db: Db): Frequencies {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, FREQUENCIES)).get();
  if (row !== undefined) {
    const stored = JSON.parse(row.value) as StoredFrequencies;
    return { localities: new Map(stored.localities), days: new Map(stored.days), places: new Map(stored.places), articles: new Map(stored.articles) };
  }
  const everyone = db.select(matchColumns).from(persons).all();
  return frequenciesOf(withEvents(everyone, victimEvents(db)).map(matchFeatures));
}

/** The number of persons, from the planner statistics refreshed at unlock when there are any. */
function populationSize(db: Db): number {
  const stat = db.get<{ stat: string } | undefined>(sql`SELECT stat FROM sqlite_stat1 WHERE tbl = 'persons' LIMIT 1`);
  const fromStats = stat ? Number(stat.stat.split(' ')[0]) : NaN;
  return Number.isFinite(fromStats) && fromStats > 0 ? fromStats : (db.select({ n: count() }).from(persons).get()?.n ?? 0);
}

/** Persons carrying any of `keys`, less those born three or more years from `year` (no name would save them). */
function poolOf(db: Db, keys: readonly string[], year: number | null): MatchInput[] {
  if (keys.length === 0) return [];
  const born = year === null ? sql`` : sql`AND (p.birth_date IS NULL OR CAST(substr(p.birth_date, 1, 4) AS INTEGER) BETWEEN ${year - 2} AND ${year + 2})`;
  return db.all<MatchInput>(sql`
    SELECT p.id, p.given_name AS givenName, p.family_name AS familyName, p.patronymic, p.birth_date AS birthDate, p.gender, p.region, p.locality
    FROM person_match m JOIN search_docs d ON d.docid = m.rowid JOIN persons p ON p.id = d.row_id
    WHERE person_match MATCH ${anyKey(keys)} ${born}`);
}

function relativesAround(db: Db, ids: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (x: string, y: string) => out.set(x, (out.get(x) ?? new Set<string>()).add(y));
  for (const part of chunk(ids, 400)) {
    for (const r of db
      .select({ p: personRelations.personId, r: personRelations.relativeId })
      .from(personRelations)
      .where(or(inArray(personRelations.personId, part), inArray(personRelations.relativeId, part)))
      .all()) {
      add(r.p, r.r);
      add(r.r, r.p);
    }
  }
  return out;
}

export interface Lookup {
  matches: { input: MatchInput; score: number; reasons: Reason[]; context: PairContext }[];
  compared: number;
}

/** The counts of a person's keys in the index (how a full scan counts them), remembered for the look-up. */
function counter(db: Db) {
  const seen = new Map<string, number>();
  const of = (key: string) => {
    let n = seen.get(key);
    if (n === undefined) seen.set(key, (n = countKey(db, key)));
    return n;
  };
  return {
    names(f: MatchFeatures, self: number) {
      const given = givenId(f);
      const name = fullNameKey(f, given);
      return {
        familyCount: self + Math.max(0, ...f.family.skeletons.map((s) => of(`f:${s}`))),
        givenCount: given === null ? 0 : self + of(`g:${given}`),
        nameCount: name === null ? 0 : self + of(`n:${name}`),
      };
    },
    /** `unsaved`: the spelling keys of a target not yet in the vault, which the scan will count once it is saved. */
    spellings(f: MatchFeatures, unsaved: ReadonlySet<string>) {
      const keys = spellingKeys(f);
      const countOf = (k: string) => of(k) + (unsaved.has(k) ? 1 : 0);
      return { family: spellingCount(keys.family, countOf), given: spellingCount(keys.given, countOf) };
    },
  };
}

/**
 * The persons most like `target`, at or above the threshold, best first: every person sharing a blocking key
 * with the target is scored as a full scan scores it. A pair is scored first with the target's name counts
 * alone (and both records' spelling counts, exact from the start) — its score can only fall when the other
 * record's name counts are added (a commoner name) — and only the pairs that pass are scored again with both.
 * For a target already in the vault under another name (an edit), the counts are the index's, which still
 * hold the old name until it is saved.
 */
export function lookupSimilar(db: Db, target: MatchInput, options: { excludeId?: string; limit: number; threshold?: number; frequencies?: Frequencies }): Lookup {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const features = matchFeatures(target);
  const pool = poolOf(db, blockingKeys(features), features.birth?.year ?? null).filter((r) => r.id !== options.excludeId && r.id !== target.id);
  if (pool.length === 0) return { matches: [], compared: 0 };
  const withCases = withEvents(pool, victimEvents(db, pool.map((r) => r.id)));
  const frequencies = options.frequencies ?? populationFrequencies(db);
  const population = populationSize(db);
  const counts = counter(db);
  // A target not yet in the vault counts itself, as the scan will once it is saved.
  const stored = target.id !== '' && db.select({ id: persons.id }).from(persons).where(eq(persons.id, target.id)).get() !== undefined;
  const self = stored ? 0 : 1;
  const own = counts.names(features, self);
  const targetSpellings = spellingKeys(features);
  const unsaved = new Set(stored ? [] : [...targetSpellings.family, ...targetSpellings.given]);
  const ownSpellings = counts.spellings(features, unsaved);
  const hasRelatives =
    target.id !== '' &&
    db
      .select({ id: personRelations.id })
      .from(personRelations)
      .where(or(eq(personRelations.personId, target.id), eq(personRelations.relativeId, target.id)))
      .limit(1)
      .get() !== undefined;
  const relatives = hasRelatives ? relativesAround(db, [target.id, ...pool.map((r) => r.id)]) : new Map<string, Set<string>>();
  const matches: Lookup['matches'] = [];
  let compared = 0;
  for (const row of withCases) {
    const other = matchFeatures(row);
    if (clearlyDifferent(features, other)) continue;
    compared++;
    const related = relativeContext(relatives, target.id, row.id);
    // The spellings' counts of both records are in the bound: a pool shares few spellings, each read once.
    const spellings = counts.spellings(other, unsaved);
    const bound: PairContext = {
      familyCount: own.familyCount,
      givenCount: own.givenCount,
      nameCount: own.nameCount,
      familySpellingFewest: Math.min(ownSpellings.family, spellings.family),
      familySpellingMost: Math.max(ownSpellings.family, spellings.family),
      givenSpellingFewest: Math.min(ownSpellings.given, spellings.given),
      population,
      frequencies,
      ...related,
    };
    if (quickScore(features, other, bound) < threshold) continue;
    const theirs = counts.names(other, 0);
    const context: PairContext = {
      ...bound,
      familyCount: Math.max(own.familyCount, theirs.familyCount),
      givenCount: Math.max(own.givenCount, theirs.givenCount),
      nameCount: Math.max(own.nameCount, theirs.nameCount),
    };
    const scored = scorePair(features, other, context, true);
    if (scored.score >= threshold) matches.push({ input: row, context, ...scored });
  }
  matches.sort((l, r) => r.score - l.score || (l.input.id < r.input.id ? -1 : 1));
  return { matches: matches.slice(0, options.limit), compared };
}

/** The warning for a person about to be created (or edited): who they may already be. */
export function similarPersons(
  db: Db,
  input: { givenName?: string; familyName?: string; patronymic?: string; name?: string; birthDate?: string | null; gender?: MatchInput['gender']; region?: MatchInput['region']; excludeId?: string; limit: number },
): SimilarPerson[] {
  const parts = input.name !== undefined && !input.givenName && !input.familyName ? splitFullName(input.name) : input;
  const target: MatchInput = {
    id: input.excludeId ?? '',
    givenName: parts.givenName ?? '',
    familyName: parts.familyName ?? '',
    patronymic: parts.patronymic ?? '',
    birthDate: input.birthDate ?? null,
    gender: input.gender ?? 'unknown',
    region: input.region ?? null,
  };
  if (!target.givenName && !target.familyName) return [];
  const { matches } = lookupSimilar(db, target, { excludeId: input.excludeId, limit: input.limit });
  if (matches.length === 0) return [];
  const rows = db.select().from(persons).where(inArray(persons.id, matches.map((m) => m.input.id))).all();
  return matches.flatMap((m) => {
    const row = rows.find((r) => r.id === m.input.id);
    return row ? [{ person: toPersonRecord(row), score: m.score, reasons: m.reasons }] : [];
  });
}
