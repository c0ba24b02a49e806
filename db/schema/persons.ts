import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Region } from '../../shared/domain/cases';
import type { Gender, RelationType } from '../../shared/domain/vocabularies';
import { staff } from './staff';

export const persons = sqliteTable(
  'persons',
  {
    id: text('id').primaryKey(),
    /** Names as entered, in their original script. */
    givenName: text('given_name').notNull().default(''),
    familyName: text('family_name').notNull().default(''),
    patronymic: text('patronymic').notNull().default(''),
    displayName: text('display_name').notNull(),
    /** The primary Latin transliteration of the whole name, for reading across scripts. */
    latinName: text('latin_name').notNull().default(''),
    /** Space-separated folded Latin keys of every transliteration, for matching spellings. */
    nameKeys: text('name_keys').notNull().default(''),
    birthDate: text('birth_date'),
    gender: text('gender').$type<Gender>().notNull().default('unknown'),
    region: text('region').$type<Region>(),
    locality: text('locality').notNull().default(''),
    inDetention: integer('in_detention', { mode: 'boolean' }).notNull().default(false),
    released: integer('released', { mode: 'boolean' }).notNull().default(false),
    inExile: integer('in_exile', { mode: 'boolean' }).notNull().default(false),
    politicalPrisoner: integer('political_prisoner', { mode: 'boolean' }).notNull().default(false),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    createdBy: text('created_by').references(() => staff.id),
    updatedBy: text('updated_by').references(() => staff.id),
  },
  (table) => [index('persons_display_name').on(table.displayName), index('persons_updated_at').on(table.updatedAt)],
);

export const personRelations = sqliteTable(
  'person_relations',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull().references(() => persons.id),
    relativeId: text('relative_id').notNull().references(() => persons.id),
    /** What the relative is to the person: `relation` of `person_id` is `relative_id`. */
    relation: text('relation').$type<RelationType>().notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('person_relations_pair').on(table.personId, table.relativeId, table.relation),
    index('person_relations_relative').on(table.relativeId),
  ],
);
