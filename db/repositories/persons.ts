import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../shared/errors';
import {
  displayNameOf,
  splitFullName,
  type NamedPerson,
  type ParsedNewPerson,
  type PersonDetail,
  type PersonPage,
  type PersonPatch,
  type PersonRecord,
} from '../../shared/domain/persons';
import { personFlags, type PersonFlag, type RelationType } from '../../shared/domain/vocabularies';
import { transliterate } from '../../shared/names';
import { casePersons, cases, personRelations, persons } from '../schema';
import { newId } from '../ids';
import { rowInsert } from '../prepared';
import { indexPersonMatch } from '../match-index';
import { indexRow, keysFor, matchingIds } from '../search';
import { personGroupInfo } from './person-links';
import { recordChanges, type Author, type Db } from './changes';

type PersonRow = typeof persons.$inferSelect;

const flagColumns = { inDetention: 'inDetention', released: 'released', inExile: 'inExile', politicalPrisoner: 'politicalPrisoner' } as const satisfies Record<PersonFlag, keyof PersonRow>;

export function toPersonRecord(row: PersonRow): PersonRecord {
  return {
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    patronymic: row.patronymic,
    displayName: row.displayName,
    latinName: row.latinName,
    birthDate: row.birthDate,
    gender: row.gender,
    region: row.region,
    locality: row.locality,
    flags: Object.fromEntries(personFlags.map((flag) => [flag, row[flagColumns[flag]]])) as Record<PersonFlag, boolean>,
    notes: row.notes,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The name in its first Latin transliteration: a Latin name stays as it is. */
export function latinNameOf(displayName: string): string {
  return transliterate(displayName)[0]?.latin ?? displayName;
}

/** Derived columns: display name, Latin form and keys follow the name parts. */
function nameColumns(parts: { givenName: string; familyName: string; patronymic: string }) {
  const displayName = displayNameOf(parts);
  return { displayName, latinName: latinNameOf(displayName), nameKeys: keysFor([displayName]) };
}

/** What the search index holds for a person, and the duplicate finder's keys. */
export function reindexPerson(db: Db, row: PersonRow): void {
  const body = [row.displayName, row.latinName, row.locality, row.notes].filter(Boolean).join('\n');
  indexRow(db, 'person', row.id, body, row.nameKeys);
  indexPersonMatch(db, row);
}

function editableValues(p: ParsedNewPerson | PersonPatch) {
  const values: Partial<PersonRow> = {};
  if (p.givenName !== undefined) values.givenName = p.givenName;
  if (p.familyName !== undefined) values.familyName = p.familyName;
  if (p.patronymic !== undefined) values.patronymic = p.patronymic;
  if (p.birthDate !== undefined) values.birthDate = p.birthDate;
  if (p.gender !== undefined) values.gender = p.gender;
  if (p.region !== undefined) values.region = p.region;
  if (p.locality !== undefined) values.locality = p.locality;
  if (p.notes !== undefined) values.notes = p.notes;
  for (const flag of personFlags) {
    const value = p.flags?.[flag];
    if (value !== undefined) values[flagColumns[flag]] = value;
  }
  return values;
}

export function insertPerson(db: Db, input: ParsedNewPerson, author: Author): PersonRow {
  const parts = { givenName: input.givenName ?? '', familyName: input.familyName ?? '', patronymic: input.patronymic ?? '' };
  const row: PersonRow = {
    id: newId(),
    ...parts,
    ...nameColumns(parts),
    birthDate: null,
    gender: 'unknown',
    region: null,
    locality: '',
    inDetention: false,
    released: false,
    inExile: false,
    politicalPrisoner: false,
    notes: '',
    createdAt: author.at,
    updatedAt: author.at,
    createdBy: author.id,
    updatedBy: author.id,
    ...editableValues(input),
  };
  rowInsert(db, persons, 'persons.insert').run(row);
  recordChanges(db, 'person', row.id, null, { created: { displayName: row.displayName, birthDate: row.birthDate, region: row.region } }, author);
  reindexPerson(db, row);
  return row;
}

export function insertNamedPerson(db: Db, input: NamedPerson, author: Author): PersonRow {
  const { name, ...rest } = input;
  return insertPerson(db, { ...splitFullName(name), ...rest }, author);
}

export function getPersonRow(db: Db, id: string): PersonRow {
  const row = db.select().from(persons).where(eq(persons.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `No person with id ${id}.`);
  return row;
}

export function updatePerson(db: Db, id: string, patch: PersonPatch, author: Author): PersonRow {
  const before = getPersonRow(db, id);
  const changed = { ...before, ...editableValues(patch) };
  if (!changed.givenName && !changed.familyName) throw new AppError('VALIDATION', 'familyName: a given or family name is required');
  const next: PersonRow = { ...changed, ...nameColumns(changed), updatedAt: author.at, updatedBy: author.id };
  const strip = (r: PersonRow) => ({ ...toPersonRecord(r), id: undefined, createdAt: undefined, updatedAt: undefined });
  if (recordChanges(db, 'person', id, strip(before), strip(next), author) === 0) return before;
  db.update(persons).set(next).where(eq(persons.id, id)).run();
  reindexPerson(db, next);
  return next;
}

export function listPersons(db: Db, query: { search?: string; offset: number; limit: number }): PersonPage {
  const matches = query.search ? matchingIds('person', query.search) : null;
  const where = matches ? sql`${persons.id} IN (${matches})` : undefined;
  if (query.search && !matches) return { rows: [], total: 0 };
  const rows = db.select().from(persons).where(where).orderBy(desc(persons.updatedAt), persons.id).limit(query.limit).offset(query.offset).all();
  const total = db.select({ n: count() }).from(persons).where(where).get()?.n ?? 0;
  return { rows: rows.map(toPersonRecord), total };
}

export function getPersonDetail(db: Db, id: string): PersonDetail {
  const row = getPersonRow(db, id);
  const relations = db
    .select({ relation: personRelations, name: persons.displayName })
    .from(personRelations)
    .innerJoin(persons, eq(persons.id, personRelations.relativeId))
    .where(eq(personRelations.personId, id))
    .all();
  const group = personGroupInfo(db, id);
  // A merged person is seen whole: the cases of every record of the group, each naming the record it is on.
  const linkedCases = db
    .select({ caseId: cases.id, reference: cases.reference, title: cases.title, role: casePersons.role, personId: casePersons.personId })
    .from(casePersons)
    .innerJoin(cases, eq(cases.id, casePersons.caseId))
    .where(inArray(casePersons.personId, group.members.map((m) => m.id)))
    .orderBy(desc(cases.updatedAt))
    .all();
  return {
    ...toPersonRecord(row),
    relatives: relations.map(({ relation, name }) => ({ personId: relation.relativeId, displayName: name, relation: relation.relation })),
    cases: linkedCases,
    group,
  };
}

export function addRelation(db: Db, input: { personId: string; relativeId: string; relation: RelationType }, author: Author): void {
  if (input.personId === input.relativeId) throw new AppError('VALIDATION', 'relativeId: a person cannot be their own relative');
  getPersonRow(db, input.personId);
  getPersonRow(db, input.relativeId);
  const existing = db
    .select({ id: personRelations.id })
    .from(personRelations)
    .where(and(eq(personRelations.personId, input.personId), eq(personRelations.relativeId, input.relativeId), eq(personRelations.relation, input.relation)))
    .get();
  if (existing) return;
  const id = uuidv7();
  db.insert(personRelations).values({ id, ...input, createdAt: author.at }).run();
  recordChanges(db, 'person', input.personId, { relative: null }, { relative: { personId: input.relativeId, relation: input.relation } }, author);
}

export function removeRelation(db: Db, input: { personId: string; relativeId: string; relation: RelationType }, author: Author): void {
  const removed = db
    .delete(personRelations)
    .where(and(eq(personRelations.personId, input.personId), eq(personRelations.relativeId, input.relativeId), eq(personRelations.relation, input.relation)))
    .run();
  if (removed.changes === 0) throw new AppError('NOT_FOUND', 'There is no such relation.');
  recordChanges(db, 'person', input.personId, { relative: { personId: input.relativeId, relation: input.relation } }, { relative: null }, author);
}

export function personsByIds(db: Db, ids: string[]): PersonRow[] {
  return ids.length === 0 ? [] : db.select().from(persons).where(inArray(persons.id, ids)).all();
}

