/** Writes a record's full-text row, found by its docid as `indexRow` in db/search.ts does. */
function writeSearchRow(sqlite: Sqlite, entity: 'case' | 'person', id: string, body: string, keys: string): number {
  const store = syncStore(sqlite);
  let docid = (store.stmt('SELECT docid FROM search_docs WHERE entity = ? AND row_id = ?').get(entity, id) as { docid: number } | undefined)?.docid;
  if (docid === undefined) docid = (store.stmt('INSERT INTO search_docs (entity, row_id) VALUES (?, ?) RETURNING docid').get(entity, id) as { docid: number }).docid;
  else store.stmt('DELETE FROM search_index WHERE rowid = ?').run(docid);
  store.stmt('INSERT INTO search_index (rowid, body, keys) VALUES (?, ?, ?)').run(docid, body, keys);
  return docid;
}

/** As `reindexPerson` in repositories/persons.ts. */
export function refreshPersonSearch(sqlite: Sqlite, id: string): void {
  const row = syncStore(sqlite)
    .stmt('SELECT display_name AS displayName, latin_name AS latinName, locality, notes, name_keys AS nameKeys FROM persons WHERE id = ?')
    .get(id) as { displayName: string; latinName: string; locality: string; notes: string; nameKeys: string } | undefined;
  if (!row) return;
  const docid = writeSearchRow(sqlite, 'person', id, [row.displayName, row.latinName, row.locality, row.notes].filter(Boolean).join('\n'), row.nameKeys);
  // The duplicate finder's keys (db/match-index.ts): a person received from a partner is looked up like one typed here.
  const store = syncStore(sqlite);
  const names = store
    .stmt('SELECT given_name AS givenName, family_name AS familyName, patronymic, birth_date AS birthDate, gender, region FROM persons WHERE id = ?')
    .get(id) as Omit<MatchInput, 'id'>;
  store.stmt('DELETE FROM person_match WHERE rowid = ?').run(docid);
  store.stmt('INSERT INTO person_match (rowid, keys) VALUES (?, ?)').run(docid, matchKeysOf({ id, ...names }).join(' '));
}

/**
 * The search row, denormalised person name and violation bits of received cases, rebuilt with prepared statements: the
 * same words as `reindexCase` and the same name as `refreshPersonName` in repositories/cases.ts (a test compares them),
 * without building each query anew — an import refreshes thousands of cases in one transaction.
 */
import type { Sqlite } from '../../connection';
import { keysFor } from '../../search';
import { syncStore } from '../store';
import { matchKeysOf } from '../../match-index';
import type { MatchInput } from '../../../shared/duplicates/features';
import { violationMask } from '../../violation-mask';
import type { ViolationType } from '../../../shared/domain/vocabularies';

interface CaseText {
  reference: string;
  title: string;
  personName: string;
  locality: string;
  placeOfDetention: string;
  sentence: string;
  articles: string;
  summary: string;
}

export function refreshCaseSearch(sqlite: Sqlite, id: string): void {
  const store = syncStore(sqlite);
  const first = store
    .stmt(
      `SELECT p.display_name AS name FROM case_persons cp JOIN persons p ON p.id = cp.person_id
       WHERE cp.case_id = ? ORDER BY cp.role = 'victim' DESC, cp.position ASC LIMIT 1`,
    )
    .get(id) as { name: string } | undefined;
  store.stmt('UPDATE cases SET person_name = ? WHERE id = ? AND person_name IS NOT ?').run(first?.name ?? '', id, first?.name ?? '');
  // The violation bits the triage indexes filter on (db/violation-mask.ts), from the received violations.
  const violations = store.stmt('SELECT violation FROM case_violations WHERE case_id = ?').all(id) as { violation: ViolationType }[];
  const mask = violationMask(violations.map((v) => v.violation));
  store.stmt('UPDATE cases SET violation_mask = ? WHERE id = ? AND violation_mask IS NOT ?').run(mask, id, mask);
  const row = store
    .stmt(
      'SELECT reference, title, person_name AS personName, locality, place_of_detention AS placeOfDetention, sentence, articles, summary FROM cases WHERE id = ?',
    )
    .get(id) as CaseText | undefined;
  if (!row) return;
  const names = store
    .stmt('SELECT persons.display_name AS displayName, persons.latin_name AS latinName FROM case_persons INNER JOIN persons ON persons.id = case_persons.person_id WHERE case_persons.case_id = ?')
    .all(id) as { displayName: string; latinName: string }[];
  const notes = store.stmt('SELECT body FROM case_notes WHERE case_id = ?').all(id) as { body: string }[];
  const tags = store.stmt('SELECT tag FROM case_tags WHERE case_id = ?').all(id) as { tag: string }[];
  const body = [
    row.reference,
    row.title,
    row.personName,
    ...names.flatMap((n) => [n.displayName, n.latinName]),
    row.locality,
    row.placeOfDetention,
    row.sentence,
    (JSON.parse(row.articles) as string[]).join(' '),
    tags.map((t) => t.tag).join(' '),
    row.summary,
    ...notes.map((n) => n.body),
  ]
    .filter(Boolean)
    .join('\n');
  const keys = keysFor([row.title, row.personName, ...names.map((n) => n.displayName), row.locality, row.placeOfDetention]);
  writeSearchRow(sqlite, 'case', id, body, keys);
}
