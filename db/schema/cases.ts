import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { CaseStatus, Priority, Region } from '../../shared/domain/cases';
import type { CasePersonRole, ViolationType } from '../../shared/domain/vocabularies';
import { persons } from './persons';
import { staff } from './staff';

export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    /** Human-readable, unique per office: `2026-00123`. */
    reference: text('reference').notNull(),
    /** The reference the office that recorded the case gave it, for a case received from a partner; '' for our own. */
    originReference: text('origin_reference').notNull().default(''),
    title: text('title').notNull(),
    /** Denormalised from the first victim, so the triage table sorts and shows it without a join. */
    personName: text('person_name').notNull(),
    region: text('region').$type<Region>().notNull(),
    locality: text('locality').notNull().default(''),
    placeOfDetention: text('place_of_detention').notNull().default(''),
    sentence: text('sentence').notNull().default(''),
    priority: text('priority').$type<Priority>().notNull(),
    /** Position in the priority order, so sorting by priority can use an index. */
    priorityRank: integer('priority_rank').notNull().default(2),
    status: text('status').$type<CaseStatus>().notNull(),
    statusRank: integer('status_rank').notNull().default(0),
    statusReason: text('status_reason').notNull().default(''),
    summary: text('summary').notNull().default(''),
    /** Partial dates as entered, plus the full-day span they cover for range filters. */
    eventDate: text('event_date'),
    eventEndDate: text('event_end_date'),
    eventFrom: text('event_from'),
    eventTo: text('event_to'),
    riskHealth: integer('risk_health', { mode: 'boolean' }).notNull().default(false),
    riskMinor: integer('risk_minor', { mode: 'boolean' }).notNull().default(false),
    riskIncommunicado: integer('risk_incommunicado', { mode: 'boolean' }).notNull().default(false),
    riskTorture: integer('risk_torture', { mode: 'boolean' }).notNull().default(false),
    /** JSON array of criminal-code articles. */
    articles: text('articles').notNull().default('[]'),
    assigneeId: text('assignee_id').references(() => staff.id),
    consentPublish: integer('consent_publish', { mode: 'boolean' }).notNull().default(false),
    consentShare: integer('consent_share', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    createdBy: text('created_by').references(() => staff.id),
    updatedBy: text('updated_by').references(() => staff.id),
  },
  // Every ordering index ends with the id, the tiebreaker, so a page is read straight off the index even
  // when thousands of cases share a timestamp (one import).
  (table) => [
    index('cases_updated_at').on(table.updatedAt, table.id),
    uniqueIndex('cases_reference').on(table.reference),
    index('cases_priority').on(table.priorityRank, table.updatedAt, table.id),
    index('cases_status').on(table.statusRank, table.updatedAt, table.id),
    index('cases_region').on(table.region, table.updatedAt, table.id),
    index('cases_assignee').on(table.assigneeId, table.updatedAt, table.id),
    index('cases_event').on(table.eventFrom, table.id),
    index('cases_person_name').on(sql`${table.personName} COLLATE NOCASE`, table.id),
    index('cases_created_at').on(table.createdAt, table.id),
    // Covers every column filter, so counting a filtered set reads this small index, not the table.
    index('cases_filters').on(
      table.statusRank,
      table.priorityRank,
      table.region,
      table.assigneeId,
      table.eventFrom,
      table.eventTo,
      table.riskHealth,
      table.riskMinor,
      table.riskIncommunicado,
      table.riskTorture,
    ),
  ],
);

export const casePersons = sqliteTable(
  'case_persons',
  {
    caseId: text('case_id').notNull().references(() => cases.id),
    personId: text('person_id').notNull().references(() => persons.id),
    role: text('role').$type<CasePersonRole>().notNull(),
    position: integer('position').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.personId, table.role] }), index('case_persons_person').on(table.personId)],
);

export const caseViolations = sqliteTable(
  'case_violations',
  {
    caseId: text('case_id').notNull().references(() => cases.id),
    violation: text('violation').$type<ViolationType>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.violation] }), index('case_violations_type').on(table.violation, table.caseId)],
);

export const caseTags = sqliteTable(
  'case_tags',
  {
    caseId: text('case_id').notNull().references(() => cases.id),
    tag: text('tag').notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.tag] }), index('case_tags_tag').on(table.tag, table.caseId)],
);

export const caseNotes = sqliteTable(
  'case_notes',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull().references(() => cases.id),
    body: text('body').notNull(),
    authorId: text('author_id').references(() => staff.id),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('case_notes_case').on(table.caseId, table.createdAt)],
);

/** Who told us: restricted to coordinators and admins, never exported or shared. */
export const caseSources = sqliteTable(
  'case_sources',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull().references(() => cases.id),
    name: text('name').notNull(),
    contact: text('contact').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').references(() => staff.id),
  },
  (table) => [index('case_sources_case').on(table.caseId)],
);

/** Evidence, stored inside the encrypted vault; `sha256` is taken at intake and never changes. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull().references(() => cases.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').references(() => staff.id),
  },
  (table) => [index('attachments_case').on(table.caseId)],
);
