/**
 * The review queue of likely duplicates: a full scan (every person against every other, by blocks), an
 * incremental refresh for the few persons changed since, and the single look-up that warns when a person
 * about to be added probably exists already. Candidates are this office's working data; decisions are links.
 */
import { and, count, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { DuplicatePage, ScanSummary, SimilarPerson } from '../../shared/domain/duplicates';
import { splitFullName } from '../../shared/domain/persons';
import { matchFeatures, type MatchInput } from '../../shared/duplicates/features';
import { orderedPair, pairKey } from '../../shared/duplicates/groups';
import type { Reason } from '../../shared/duplicates/reasons';
import { blockingKeys, byScore, clearlyDifferent, findDuplicates, fullNameKey, relativeContext, type Candidate } from '../../shared/duplicates/scan';
import { DEFAULT_THRESHOLD, scorePair, type PairContext } from '../../shared/duplicates/score';
import { AppError } from '../../shared/errors';
import { duplicateCandidates, personLinks, personRelations, persons, searchDocs, settings } from '../schema';
import type { Db } from './changes';
import { canonicalIds } from './person-links';
import { toPersonRecord } from './persons';

const SCANNED_AT = 'duplicates.scannedAt';
/** Up to this many changed persons, a refresh looks each of them up instead of scanning everyone. */
const INCREMENTAL_LIMIT = 2000;

const matchColumns = {
  id: persons.id,
  givenName: persons.givenName,
  familyName: persons.familyName,
  patronymic: persons.patronymic,
  birthDate: persons.birthDate,
  gender: persons.gender,
  region: persons.region,
};

function scannedAt(db: Db): string | null {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, SCANNED_AT)).get();
  return row ? (JSON.parse(row.value) as string) : null;
}

function setScannedAt(db: Db, at: string): void {
  db.insert(settings)
    .values({ key: SCANNED_AT, value: JSON.stringify(at), updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(at), updatedAt: at } })
    .run();
}

function changedSince(db: Db, at: string | null): number {
  const where = at === null ? undefined : gt(persons.updatedAt, at);
  return db.select({ n: count() }).from(persons).where(where).get()?.n ?? 0;
}

/** Pairs that a decision settles: a live link, or members of one group. */
function dropDecided(db: Db, candidates: Candidate[]): Candidate[] {
  if (candidates.length === 0) return candidates;
  const decided = new Set(
    db
      .select({ a: personLinks.personA, b: personLinks.personB })
      .from(personLinks)
      .where(or(eq(personLinks.state, 'same'), eq(personLinks.state, 'not_same')))
      .all()
      .map((l) => pairKey(l.a, l.b)),
  );
  if (decided.size === 0) return candidates;
  const ids = [...new Set(candidates.flatMap((c) => [c.a, c.b]))];
  const canonical = canonicalIds(db, ids);
  return candidates.filter((c) => !decided.has(pairKey(c.a, c.b)) && canonical.get(c.a) !== canonical.get(c.b));
}

function storeCandidates(db: Db, candidates: Candidate[], at: string, skipped: Set<string>): void {
  for (let i = 0; i < candidates.length; i += 200) {
    const rows = candidates.slice(i, i + 200).map((c) => ({
      personA: c.a,
      personB: c.b,
      score: c.score,
      reasons: JSON.stringify(c.reasons),
      computedAt: at,
      skipped: skipped.has(pairKey(c.a, c.b)),
    }));
    if (rows.length > 0) db.insert(duplicateCandidates).values(rows).onConflictDoNothing().run();
  }
}

function skippedPairs(db: Db): Set<string> {
  return new Set(
    db
      .select({ a: duplicateCandidates.personA, b: duplicateCandidates.personB })
      .from(duplicateCandidates)
      .where(eq(duplicateCandidates.skipped, true))
      .all()
      .map((r) => pairKey(r.a, r.b)),
  );
}

/** Compares every person with every other (by blocks) and replaces the queue. Skips survive a rescan. */
export function scanAllDuplicates(db: Db, at: string, threshold = DEFAULT_THRESHOLD): ScanSummary {
  const started = performance.now();
  const people = db.select(matchColumns).from(persons).all();
  const relations = db.select({ personId: personRelations.personId, relativeId: personRelations.relativeId }).from(personRelations).all();
  const { candidates, stats } = findDuplicates({ persons: people, relations, threshold });
  const kept = dropDecided(db, candidates);
  const skipped = skippedPairs(db);
  db.delete(duplicateCandidates).run();
  storeCandidates(db, kept, at, skipped);
  setScannedAt(db, at);
  return { mode: 'full', persons: stats.persons, compared: stats.compared, candidates: kept.length, ms: Math.round(performance.now() - started) };
}

/** Brings the queue up to date: looks up the persons changed since the last scan, or rescans when many changed. */
export function refreshDuplicates(db: Db, at: string, full = false): ScanSummary {
  const last = scannedAt(db);
  const changed = changedSince(db, last);
  if (full || last === null || changed > INCREMENTAL_LIMIT) return scanAllDuplicates(db, at);
  const started = performance.now();
  const ids = db.select({ id: persons.id }).from(persons).where(gt(persons.updatedAt, last)).all().map((r) => r.id);
  const skipped = skippedPairs(db);
  let compared = 0;
  const found: Candidate[] = [];
  for (const id of ids) {
    db.delete(duplicateCandidates).where(or(eq(duplicateCandidates.personA, id), eq(duplicateCandidates.personB, id))).run();
  }
  const seen = new Set<string>();
  for (const id of ids) {
    const row = db.select(matchColumns).from(persons).where(eq(persons.id, id)).get();
    if (!row) continue;
    const result = lookupSimilar(db, row, { excludeId: id, limit: 1000 });
    compared += result.compared;
    for (const match of result.matches) {
      const [a, b] = orderedPair(id, match.input.id);
      if (seen.has(pairKey(a, b))) continue;
      seen.add(pairKey(a, b));
      // Reasons are read from the smaller id's side (birth dates, regions as "a / b"), as the full scan writes them.
      const reasons = a === id ? match.reasons : scorePair(matchFeatures(match.input), matchFeatures(row), match.context, true).reasons;
      found.push({ a, b, score: match.score, reasons });
    }
  }
  const kept = dropDecided(db, found.sort(byScore));
  storeCandidates(db, kept, at, skipped);
  setScannedAt(db, at);
  return { mode: 'incremental', persons: ids.length, compared, candidates: kept.length, ms: Math.round(performance.now() - started) };
}

/**
 * The persons whose search keys match an FTS expression over the `keys` column (the index search maintains),
 * leaving out those born three or more years from `year`: no name agreement would make them a match.
 */
function rowsMatching(db: Db, expression: string, year: number | null): MatchInput[] {
  const born = year === null ? undefined : sql`(${persons.birthDate} IS NULL OR CAST(substr(${persons.birthDate}, 1, 4) AS INTEGER) BETWEEN ${year - 2} AND ${year + 2})`;
  return db
    .select(matchColumns)
    .from(searchDocs)
    .innerJoin(persons, eq(persons.id, searchDocs.rowId))
    .where(and(eq(searchDocs.entity, 'person'), sql`${searchDocs.docid} IN (SELECT rowid FROM search_index WHERE search_index MATCH ${expression})`, born))
    .all();
}

function countMatching(db: Db, expression: string): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM search_index WHERE search_index MATCH ${expression}`).n;
}

const quoted = (key: string) => `"${key.replaceAll('"', '')}"`;

/** The number of persons, from the planner statistics refreshed at unlock when there are any. */
function population(db: Db): number {
  const stat = db.get<{ stat: string } | undefined>(sql`SELECT stat FROM sqlite_stat1 WHERE tbl = 'persons' LIMIT 1`);
  const fromStats = stat ? Number(stat.stat.split(' ')[0]) : NaN;
  return Number.isFinite(fromStats) && fromStats > 0 ? fromStats : (db.select({ n: count() }).from(persons).get()?.n ?? 0);
}

interface Lookup {
  matches: { input: MatchInput; score: number; reasons: Reason[]; context: PairContext }[];
  compared: number;
}

/**
 * The persons most like `target`, at or above the threshold, best first: candidates come through the search
 * index (the surname's skeletons; the given name with the surname's first letters), are kept when they share
 * a block with the target, and are scored as in a full scan. It finds a little less than a full scan (no
 * birth-year or patronymic blocks), in milliseconds.
 */
export function lookupSimilar(db: Db, target: MatchInput, options: { excludeId?: string; limit: number; threshold?: number }): Lookup {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const features = matchFeatures(target);
  const year = features.birth?.year ?? null;
  const skeletons = features.family.skeletons.map((k) => `keys:${quoted(`zz${k}`)}`).join(' OR ');
  const familyCount = skeletons === '' ? 0 : countMatching(db, skeletons);
  const pool = new Map<string, MatchInput>();
  if (skeletons !== '') for (const row of rowsMatching(db, skeletons, year)) pool.set(row.id, row);
  // The given name with the first letters of the surname: finds a surname whose typo changed its skeleton.
  const prefixes = [...new Set(features.family.keys.filter((k) => k.length >= 5).map((k) => k.slice(0, 4)))];
  if (features.given.keys.length > 0 && prefixes.length > 0) {
    const given = features.given.keys.map((k) => `keys:${quoted(k)}`).join(' OR ');
    const family = prefixes.map((p) => `keys:${quoted(p)}*`).join(' OR ');
    for (const row of rowsMatching(db, `(${given}) AND (${family})`, year)) pool.set(row.id, row);
  }
  if (options.excludeId) pool.delete(options.excludeId);
  const size = population(db);
  const targetKeys = new Set(blockingKeys(features));
  const rows = [...pool.values()];
  // Relatives matter only for a target that has some: most have none, and then the pool's are not read.
  const hasRelatives =
    target.id !== '' &&
    db
      .select({ id: personRelations.id })
      .from(personRelations)
      .where(or(eq(personRelations.personId, target.id), eq(personRelations.relativeId, target.id)))
      .limit(1)
      .get() !== undefined;
  const relatives = hasRelatives ? relativesAround(db, [target.id, ...rows.map((r) => r.id)]) : new Map<string, Set<string>>();
  const others = rows.map(matchFeatures);
  const targetName = fullNameKey(features);
  const nameCount = 1 + (targetName === null ? 0 : others.filter((o) => fullNameKey(o) === targetName).length);
  const matches: Lookup['matches'] = [];
  let compared = 0;
  for (const other of others) {
    const row = other.input;
    if (!blockingKeys(other).some((k) => targetKeys.has(k))) continue;
    if (clearlyDifferent(features, other)) continue;
    compared++;
    const context = { familyCount, nameCount, population: size, ...relativeContext(relatives, target.id, row.id) };
    const quick = scorePair(features, other, context, false);
    if (quick.score < threshold) continue;
    matches.push({ input: row, context, ...scorePair(features, other, context, true) });
  }
  matches.sort((l, r) => r.score - l.score || (l.input.id < r.input.id ? -1 : 1));
  return { matches: matches.slice(0, options.limit), compared };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function relativesAround(db: Db, ids: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (x: string, y: string) => {
    const set = out.get(x) ?? new Set<string>();
    set.add(y);
    out.set(x, set);
  };
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

/** A page of the queue, best first; skipped pairs last; pairs decided since the scan left out. */
export function listDuplicates(db: Db, query: { offset: number; limit: number; minScore?: number }): DuplicatePage {
  const where = query.minScore === undefined ? undefined : sql`${duplicateCandidates.score} >= ${query.minScore}`;
  const rows = db
    .select()
    .from(duplicateCandidates)
    .where(where)
    .orderBy(duplicateCandidates.skipped, desc(duplicateCandidates.score), duplicateCandidates.personA, duplicateCandidates.personB)
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = db.select({ n: count() }).from(duplicateCandidates).where(where).get()?.n ?? 0;
  const live = new Set(
    dropDecided(
      db,
      rows.map((r) => ({ a: r.personA, b: r.personB, score: r.score, reasons: [] })),
    ).map((c) => pairKey(c.a, c.b)),
  );
  const ids = [...new Set(rows.flatMap((r) => [r.personA, r.personB]))];
  const people = ids.length === 0 ? [] : db.select().from(persons).where(inArray(persons.id, ids)).all();
  const byId = new Map(people.map((p) => [p.id, toPersonRecord(p)]));
  const last = scannedAt(db);
  return {
    rows: rows.flatMap((r) => {
      const a = byId.get(r.personA);
      const b = byId.get(r.personB);
      if (!a || !b || !live.has(pairKey(r.personA, r.personB))) return [];
      return [{ score: r.score, reasons: JSON.parse(r.reasons) as Reason[], skipped: r.skipped, a, b }];
    }),
    total,
    scannedAt: last,
    changedSince: last === null ? 0 : changedSince(db, last),
  };
}

/** "Skip": the pair goes to the end of the queue. */
export function skipDuplicate(db: Db, x: string, y: string): void {
  const [a, b] = orderedPair(x, y);
  const updated = db
    .update(duplicateCandidates)
    .set({ skipped: true })
    .where(and(eq(duplicateCandidates.personA, a), eq(duplicateCandidates.personB, b)))
    .run();
  if (updated.changes === 0) throw new AppError('NOT_FOUND', `The pair ${a} / ${b} is not in the duplicates queue.`);
}
