/**
 * The full-text index (FTS5 table `search_index`): one row per case and per person. `body` holds the
 * text as written; `keys` holds the folded Latin keys and skeletons of names and titles in every covered
 * transliteration, so that `Bialiatski`, `Бяляцкі` and `Беляцкий` find the same record.
 */
import { and, eq, sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { searchDocs } from './schema';
import { nameKeys } from '../shared/names';
import { prepared } from './prepared';
import type { Db } from './repositories/changes';

/** The FTS5 table itself (created by migration 0002, so not part of the drizzle schema). */
const searchIndex = sqliteTable('search_index', { rowid: integer('rowid').notNull(), body: text('body').notNull(), keys: text('keys').notNull() });

/** Skeletons get a prefix so they never collide with a folded key. */
const SKELETON_PREFIX = 'zz';

export type SearchEntity = 'case' | 'person';

export function keysFor(names: readonly string[]): string {
  const keys = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const { folded, skeletons } = nameKeys(name);
    for (const key of folded) keys.add(key);
    for (const skeleton of skeletons) keys.add(SKELETON_PREFIX + skeleton);
  }
  return [...keys].join(' ');
}

const statements = (db: Db) =>
  prepared(db, 'search', () => {
    const entity = sql.placeholder('entity');
    const rowId = sql.placeholder('rowId');
    const docid = sql.placeholder('docid');
    return {
      docidOf: db.select({ docid: searchDocs.docid }).from(searchDocs).where(and(eq(searchDocs.entity, entity), eq(searchDocs.rowId, rowId))).prepare(),
      addDoc: db.insert(searchDocs).values({ entity, rowId }).returning({ docid: searchDocs.docid }).prepare(),
      removeDoc: db.delete(searchDocs).where(eq(searchDocs.docid, docid)).prepare(),
      insert: db.insert(searchIndex).values({ rowid: docid, body: sql.placeholder('body'), keys: sql.placeholder('keys') }).prepare(),
      remove: db.delete(searchIndex).where(eq(searchIndex.rowid, docid)).prepare(),
    };
  });

/** Writes (or rewrites) the record's entry; the FTS row is found by its docid, never by a scan. */
export function indexRow(db: Db, entity: SearchEntity, rowId: string, body: string, keys: string): void {
  const run = statements(db);
  let docid = run.docidOf.get({ entity, rowId })?.docid;
  if (docid === undefined) docid = run.addDoc.get({ entity, rowId })!.docid;
  else run.remove.run({ docid });
  run.insert.run({ docid, body, keys });
}

export function unindexRow(db: Db, entity: SearchEntity, rowId: string): void {
  const run = statements(db);
  const docid = run.docidOf.get({ entity, rowId })?.docid;
  if (docid === undefined) return;
  run.remove.run({ docid });
  run.removeDoc.run({ docid });
  // A person's duplicate-finder keys live under the same docid (db/match-index.ts).
  if (entity === 'person') db.run(sql`DELETE FROM person_match WHERE rowid = ${docid}`);
}

const quote = (token: string) => `"${token.replaceAll('"', '""')}"`;

/**
 * An FTS5 query for what a person typed: every word must match, either as written (prefix, diacritics
 * ignored) or through any of its transliteration keys. Returns null when nothing searchable remains.
 */
export function matchExpression(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}'ʼ’-]+/u)
    .map((w) => w.replace(/^['ʼ’-]+|['ʼ’-]+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  const clauses = words.map((word) => {
    const alternatives = new Set<string>();
    // The tokenizer splits at apostrophes and hyphens too, so the parts of a word are matched as a phrase.
    alternatives.add(`body:${quote(word.split(/['ʼ’-]/).filter(Boolean).join(' ').toLowerCase())}*`);
    if (word.length > 1) {
      const { folded, skeletons } = nameKeys(word);
      for (const key of folded) alternatives.add(`keys:${quote(key)}*`);
      for (const skeleton of skeletons) if (skeleton.length >= 3) alternatives.add(`keys:${quote(SKELETON_PREFIX + skeleton)}`);
    }
    return `(${[...alternatives].join(' OR ')})`;
  });
  return clauses.join(' AND ');
}

/** A subquery of the row ids of `entity` that match `input`, for `id IN (…)`. */
export function matchingIds(entity: SearchEntity, input: string) {
  const expression = matchExpression(input);
  if (!expression) return null;
  return sql`SELECT row_id FROM search_docs WHERE entity = ${entity} AND docid IN (SELECT rowid FROM search_index WHERE search_index MATCH ${expression})`;
}
