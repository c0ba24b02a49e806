import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type IndexColumn, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { CaseStatus, Priority, Region } from '../../shared/domain/cases';
import type { CasePersonRole, ViolationType } from '../../shared/domain/vocabularies';
import { persons } from './persons';
import { staff } from './staff';

/**
 * Cases without an event date sort as '' (first ascending, last descending, where SQLite puts NULL), so the
 * sort key is never NULL and a cursor compares it with plain `<` and `>`. Written without a comma, which
 * drizzle-kit would split an index expression at.
 */
export const eventSortKey = (eventFrom: SQLiteColumn) => sql`(CASE WHEN ${eventFrom} IS NULL THEN '' ELSE ${eventFrom} END)`;

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
    /** The assignee's name ('' when unassigned), so sorting by assignee reads an index, not the staff table. */
    assigneeName: text('assignee_name').notNull().default(''),
    /** One bit per violation type (see `db/violation-mask.ts`), so the violation filter reads the triage indexes. */
    violationMask: integer('violation_mask').notNull().default(0),
    consentPublish: integer('consent_publish', { mode: 'boolean' }).notNull().default(false),
    consentShare: integer('consent_share', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    createdBy: text('created_by').references(() => staff.id),
    updatedBy: text('updated_by').references(() => staff.id),
  },
  // One ordering index per sort field: the sort key, then the tiebreakers (updated_at, id), then every column
  // a filter reads. A page then walks one index in order and tests each filter on the index entry itself,
  // never reading the table (or decrypting its pages) for rows the filter rejects, and never sorting.
  (table) => {
    const filterColumns: IndexColumn[] = [
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
      table.violationMask,
    ];
    const ordering = (name: string, key: IndexColumn) =>
      index(name).on(key, table.updatedAt, table.id, ...filterColumns.filter((column) => column !== key));
    return [
      uniqueIndex('cases_reference').on(table.reference),
      index('cases_reference_order').on(table.reference, ...filterColumns),
      index('cases_updated_order').on(table.updatedAt, table.id, ...filterColumns),
      ordering('cases_created_order', table.createdAt),
      ordering('cases_priority_order', table.priorityRank),
      ordering('cases_status_order', table.statusRank),
      ordering('cases_region_order', table.region),
      ordering('cases_assignee_order', sql`${table.assigneeName} COLLATE NOCASE`),
      ordering('cases_event_order', eventSortKey(table.eventFrom)),
      ordering('cases_person_name_order', sql`${table.personName} COLLATE NOCASE`),
      ordering('cases_title_order', sql`${table.title} COLLATE NOCASE`),
      // Only the filter columns: counting a filtered set scans this small index.
      index('cases_filters').on(...(filterColumns as [IndexColumn])),
    ];
  },
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
