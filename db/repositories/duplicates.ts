/**
 * The review queue of duplicates: a full scan (every person against every other, by blocks), an incremental
 * refresh for the few persons changed since (duplicate-lookup.ts). The queue holds the likely duplicates and,
 * below them, the possible ones (POSSIBLE_THRESHOLD up to DEFAULT_THRESHOLD): pairs the records alone cannot
 * settle, shown apart so a person can judge them. Candidates are this office's working data; decisions are links.
 */
import { and, count, desc, eq, gt, gte, inArray, lt, or } from 'drizzle-orm';
import type { DuplicateBand, DuplicatePage, ScanSummary } from '../../shared/domain/duplicates';
import { matchFeatures, partFeatures } from '../../shared/duplicates/features';
import { orderedPair, pairKey } from '../../shared/duplicates/groups';
import type { Reason } from '../../shared/duplicates/reasons';
import { byScore, findDuplicates, frequenciesOf, partSpellingKeys, spellingKeys, type Candidate } from '../../shared/duplicates/scan';
import { DEFAULT_THRESHOLD, MODEL_VERSION, POSSIBLE_THRESHOLD, scorePair } from '../../shared/duplicates/score';
import { AppError } from '../../shared/errors';
import { countKey, personsWithKey } from '../match-index';
import { casePersons, cases, changes, duplicateCandidates, personLinks, personRelations, persons, settings } from '../schema';
import type { Db } from './changes';
import { lookupSimilar, matchColumns, populationFrequencies, storeFrequencies, victimEvents, withEvents } from './duplicate-lookup';
import { canonicalIds } from './person-links';
import { toPersonRecord } from './persons';

export { similarPersons } from './duplicate-lookup';

const SCANNED_AT = 'duplicates.scannedAt';
/** The score the queue was computed with: another one (new weights) needs a full scan. */
const SCORED_WITH = 'duplicates.scoredWith';
/** Up to this many changed persons, a refresh looks each of them up instead of scanning everyone. */
const INCREMENTAL_LIMIT = 2000;

function scannedAt(db: Db): string | null {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, SCANNED_AT)).get();
  return row ? (JSON.parse(row.value) as string) : null;
}

function setSetting(db: Db, key: string, value: unknown, at: string): void {
  db.insert(settings)
    .values({ key, value: JSON.stringify(value), updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(value), updatedAt: at } })
    .run();
}

function setScannedAt(db: Db, at: string): void {
  setSetting(db, SCANNED_AT, at, at);
}

function scoredWithCurrentModel(db: Db): boolean {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, SCORED_WITH)).get();
  return row !== undefined && JSON.parse(row.value) === MODEL_VERSION;
}

/** Persons changed since `at`: edited themselves, or the victim of a case written since (its date, place, articles). */
function changedPersonIds(db: Db, at: string): string[] {
  const own = db.select({ id: persons.id }).from(persons).where(gt(persons.updatedAt, at)).all();
  const byCase = db
    .selectDistinct({ id: casePersons.personId })
    .from(casePersons)
    .innerJoin(cases, eq(cases.id, casePersons.caseId))
    .where(and(eq(casePersons.role, 'victim'), gt(cases.updatedAt, at)))
    .all();
  return [...new Set([...own, ...byCase].map((r) => r.id))];
}

/** Spellings shared by at most this many records are ones whose count moves a score (a slip is a spelling of one). */
const RARE_SPELLING = 12;

/**
 * Persons whose scores a change of `ids` moves without touching them: those writing a name as a changed person
 * writes it now, or wrote it before a rename, where few records do. Their spelling's count changed.
 */
function spellingNeighbours(db: Db, ids: readonly string[], at: string): string[] {
  const keys = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    for (const row of db.select(matchColumns).from(persons).where(inArray(persons.id, part)).all()) {
      const now = spellingKeys(matchFeatures(row));
      for (const k of [...now.family, ...now.given]) keys.add(k);
    }
    const renamed = db
      .select({ field: changes.field, before: changes.before })
      .from(changes)
      .where(and(eq(changes.entity, 'person'), inArray(changes.rowId, part), inArray(changes.field, ['familyName', 'givenName']), gt(changes.at, at)))
      .all();
    for (const r of renamed) {
      if (r.before === null) continue;
      for (const k of partSpellingKeys(partFeatures(String(JSON.parse(r.before))), r.field === 'familyName' ? 'family' : 'given')) keys.add(k);
    }
  }
  const changed = new Set(ids);
  const out = new Set<string>();
  for (const key of keys) {
    if (countKey(db, key) > RARE_SPELLING) continue;
    for (const id of personsWithKey(db, key)) if (!changed.has(id)) out.add(id);
  }
  return [...out];
}

function changedSince(db: Db, at: string | null): number {
  if (at === null) return db.select({ n: count() }).from(persons).get()?.n ?? 0;
  return changedPersonIds(db, at).length;
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

const likelyCount = (candidates: readonly Candidate[]) => candidates.filter((c) => c.score >= DEFAULT_THRESHOLD).length;

/** Compares every person with every other (by blocks) and replaces the queue. Skips survive a rescan. */
export function scanAllDuplicates(db: Db, at: string, threshold = POSSIBLE_THRESHOLD): ScanSummary {
  const started = performance.now();
  const people = withEvents(db.select(matchColumns).from(persons).all(), victimEvents(db));
  const relations = db.select({ personId: personRelations.personId, relativeId: personRelations.relativeId }).from(personRelations).all();
  const { candidates, stats } = findDuplicates({ persons: people, relations, threshold });
  const kept = dropDecided(db, candidates);
  const skipped = skippedPairs(db);
  db.delete(duplicateCandidates).run();
  storeCandidates(db, kept, at, skipped);
  storeFrequencies(db, frequenciesOf(people.map(matchFeatures)), at);
  setScannedAt(db, at);
  setSetting(db, SCORED_WITH, MODEL_VERSION, at);
  return { mode: 'full', persons: stats.persons, compared: stats.compared, candidates: kept.length, likely: likelyCount(kept), ms: Math.round(performance.now() - started) };
}

/** Brings the queue up to date: looks up the persons changed since the last scan, or rescans when many changed. */
export function refreshDuplicates(db: Db, at: string, full = false): ScanSummary {
  const last = scannedAt(db);
  if (full || last === null || !scoredWithCurrentModel(db)) return scanAllDuplicates(db, at);
  const started = performance.now();
  const changedIds = changedPersonIds(db, last);
  if (changedIds.length > INCREMENTAL_LIMIT) return scanAllDuplicates(db, at);
  const ids = [...changedIds, ...spellingNeighbours(db, changedIds, last)];
  if (ids.length > INCREMENTAL_LIMIT) return scanAllDuplicates(db, at);
  const skipped = skippedPairs(db);
  let compared = 0;
  const found: Candidate[] = [];
  for (const id of ids) {
    db.delete(duplicateCandidates).where(or(eq(duplicateCandidates.personA, id), eq(duplicateCandidates.personB, id))).run();
  }
  const seen = new Set<string>();
  const frequencies = populationFrequencies(db);
  const events = victimEvents(db, ids);
  for (const id of ids) {
    const stored = db.select(matchColumns).from(persons).where(eq(persons.id, id)).get();
    if (!stored) continue;
    const [row] = withEvents([stored], events) as [typeof stored];
    const result = lookupSimilar(db, row, { excludeId: id, limit: 1000, threshold: POSSIBLE_THRESHOLD, frequencies });
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
  return { mode: 'incremental', persons: changedIds.length, compared, candidates: kept.length, likely: likelyCount(kept), ms: Math.round(performance.now() - started) };
}

/** A page of the queue, best first; skipped pairs last; pairs decided since the scan left out. */
export function listDuplicates(db: Db, query: { offset: number; limit: number; minScore?: number; band?: DuplicateBand }): DuplicatePage {
  const band = query.band === undefined ? undefined : query.band === 'likely' ? gte(duplicateCandidates.score, DEFAULT_THRESHOLD) : lt(duplicateCandidates.score, DEFAULT_THRESHOLD);
  const where = and(query.minScore === undefined ? undefined : gte(duplicateCandidates.score, query.minScore), band);
  const rows = db
    .select()
    .from(duplicateCandidates)
    .where(where)
    .orderBy(duplicateCandidates.skipped, desc(duplicateCandidates.score), duplicateCandidates.personA, duplicateCandidates.personB)
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = db.select({ n: count() }).from(duplicateCandidates).where(where).get()?.n ?? 0;
  const likely = db.select({ n: count() }).from(duplicateCandidates).where(and(where, gte(duplicateCandidates.score, DEFAULT_THRESHOLD))).get()?.n ?? 0;
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
      return [{ score: r.score, reasons: JSON.parse(r.reasons) as Reason[], skipped: r.skipped, band: r.score >= DEFAULT_THRESHOLD ? ('likely' as const) : ('possible' as const), a, b }];
    }),
    total,
    likely,
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
