/** A case's entry in the full-text index: its own text, its persons' names and its notes. Sources never. */
import { eq } from 'drizzle-orm';
import { casePersons, caseNotes, caseTags, persons } from '../schema';
import { indexRow, keysFor } from '../search';
import { getCaseRow, type CaseRow } from './case-records';
import type { Db } from './changes';

export interface NameOnCase {
  displayName: string;
  latinName: string;
}

export function indexCaseEntry(db: Db, row: CaseRow, names: readonly NameOnCase[], tags: readonly string[], notes: readonly string[]): void {
  const body = [
    row.reference,
    row.title,
    row.personName,
    ...names.flatMap((n) => [n.displayName, n.latinName]),
    row.locality,
    row.placeOfDetention,
    row.sentence,
    (JSON.parse(row.articles) as string[]).join(' '),
    tags.join(' '),
    row.summary,
    ...notes,
  ]
    .filter(Boolean)
    .join('\n');
  indexRow(db, 'case', row.id, body, keysFor([row.title, row.personName, ...names.map((n) => n.displayName), row.locality, row.placeOfDetention]));
}

/** Rebuilds the case's entry from what the vault holds now. */
export function reindexCase(db: Db, id: string): void {
  const row = getCaseRow(db, id);
  const names = db
    .select({ displayName: persons.displayName, latinName: persons.latinName })
    .from(casePersons)
    .innerJoin(persons, eq(persons.id, casePersons.personId))
    .where(eq(casePersons.caseId, id))
    .all();
  const notes = db.select({ body: caseNotes.body }).from(caseNotes).where(eq(caseNotes.caseId, id)).all();
  const tags = db.select({ tag: caseTags.tag }).from(caseTags).where(eq(caseTags.caseId, id)).all();
  indexCaseEntry(db, row, names, tags.map((t) => t.tag), notes.map((n) => n.body));
}
