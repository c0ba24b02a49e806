/**
 * The full-text index (FTS5 table `search_index`): one row per case and per person. `body` holds the
 * text as written; `keys` holds the folded Latin keys and skeletons of names and titles in every covered
 * transliteration, so that `Bialiatski`, `Бяляцкі` and `Беляцкий` find the same record.
 */
import { sql } from 'drizzle-orm';
import { nameKeys } from '../shared/names';
import type { Db } from './repositories/changes';

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

export function indexRow(db: Db, entity: SearchEntity, rowId: string, body: string, keys: string): void {
  db.run(sql`DELETE FROM search_index WHERE entity = ${entity} AND row_id = ${rowId}`);
  db.run(sql`INSERT INTO search_index (entity, row_id, body, keys) VALUES (${entity}, ${rowId}, ${body}, ${keys})`);
}

export function unindexRow(db: Db, entity: SearchEntity, rowId: string): void {
  db.run(sql`DELETE FROM search_index WHERE entity = ${entity} AND row_id = ${rowId}`);
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
  return sql`SELECT row_id FROM search_index WHERE search_index MATCH ${expression} AND entity = ${entity}`;
}
