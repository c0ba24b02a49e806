/**
 * The duplicate finder's index (FTS5 table `person_match`, migration 0013): per person, its blocking keys and
 * counting keys (shared/duplicates/scan.ts), under the rowid of the person's search_docs row. A single look-up
 * reads its candidates and the counts the score needs from it instead of every person. Derived from the names:
 * written with every person write, rebuilt at unlock when the keys' definition changes, never synced.
 */
import { and, eq, sql } from 'drizzle-orm';
import { matchFeatures, type MatchInput } from '../shared/duplicates/features';
import { blockingKeys, countingKeys } from '../shared/duplicates/scan';
import { persons, searchDocs, settings } from './schema';
import type { Db } from './repositories/changes';

/** Bump when blockingKeys or countingKeys change: the index is rebuilt at the next unlock. */
export const MATCH_KEYS_VERSION = 2;
const VERSION_SETTING = 'duplicates.matchKeysVersion';

export function matchKeysOf(input: MatchInput): string[] {
  const f = matchFeatures(input);
  return [...blockingKeys(f), ...countingKeys(f)];
}

function docidOf(db: Db, personId: string): number | undefined {
  return db.select({ docid: searchDocs.docid }).from(searchDocs).where(and(eq(searchDocs.entity, 'person'), eq(searchDocs.rowId, personId))).get()?.docid;
}

/** Writes (or rewrites) the person's keys. The person must have its search entry already. */
export function indexPersonMatch(db: Db, input: MatchInput): void {
  const docid = docidOf(db, input.id);
  if (docid === undefined) return;
  db.run(sql`DELETE FROM person_match WHERE rowid = ${docid}`);
  db.run(sql`INSERT INTO person_match (rowid, keys) VALUES (${docid}, ${matchKeysOf(input).join(' ')})`);
}

const quoted = (key: string) => `"${key.replaceAll('"', '')}"`;

/** An FTS expression matching any of `keys`. */
export function anyKey(keys: readonly string[]): string {
  return keys.map(quoted).join(' OR ');
}

/** How many persons carry `key`. */
export function countKey(db: Db, key: string): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM person_match WHERE person_match MATCH ${quoted(key)}`).n;
}

/** The persons carrying `key`. */
export function personsWithKey(db: Db, key: string): string[] {
  return db
    .all<{ id: string }>(sql`SELECT d.row_id AS id FROM person_match m JOIN search_docs d ON d.docid = m.rowid WHERE person_match MATCH ${quoted(key)}`)
    .map((r) => r.id);
}

/** Rebuilds the whole index when its keys' definition changed (or it was never built). */
export function upgradeMatchIndex(db: Db): void {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, VERSION_SETTING)).get();
  if (row !== undefined && JSON.parse(row.value) === MATCH_KEYS_VERSION) return;
  db.run(sql`DELETE FROM person_match`);
  const docids = new Map(db.select({ docid: searchDocs.docid, id: searchDocs.rowId }).from(searchDocs).where(eq(searchDocs.entity, 'person')).all().map((r) => [r.id, r.docid]));
  const rows = db
    .select({ id: persons.id, givenName: persons.givenName, familyName: persons.familyName, patronymic: persons.patronymic, birthDate: persons.birthDate, gender: persons.gender, region: persons.region })
    .from(persons)
    .all();
  for (const p of rows) {
    const docid = docids.get(p.id);
    if (docid !== undefined) db.run(sql`INSERT INTO person_match (rowid, keys) VALUES (${docid}, ${matchKeysOf(p).join(' ')})`);
  }
  const at = new Date().toISOString();
  const value = JSON.stringify(MATCH_KEYS_VERSION);
  db.insert(settings).values({ key: VERSION_SETTING, value, updatedAt: at }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } }).run();
}
