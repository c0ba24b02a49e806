import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Region } from '../../shared/domain/cases';
import type { AidRequestStatus, AidType, DisbursementStatus, PaymentMethod, RecipientCategory } from '../../shared/domain/aid-vocabularies';
import { cases } from './cases';
import { persons } from './persons';
import { staff } from './staff';

/**
 * Money columns are INTEGER minor units of the row's ISO 4217 currency. `origin_office` is null for rows
 * recorded in this office and names the partner office a synced row came from. Staff columns of ledger rows
 * carry no foreign key: a partner's row names staff this vault does not have.
 */
export const aidProgrammes = sqliteTable(
  'aid_programmes',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    donor: text('donor').notNull(),
    currency: text('currency').notNull(),
    budgetMinor: integer('budget_minor').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    /** JSON array of aid types this programme pays for. */
    eligibleTypes: text('eligible_types').notNull(),
    fourEyesThresholdMinor: integer('four_eyes_threshold_minor').notNull().default(0),
    iatiIdentifier: text('iati_identifier').notNull().default(''),
    originOffice: text('origin_office'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
  },
  (table) => [
    // Names are unique among this office's own programmes; a partner's may repeat one.
    uniqueIndex('aid_programmes_name').on(sql`${table.name} COLLATE NOCASE`).where(sql`${table.originOffice} IS NULL`),
    check('aid_programmes_budget', sql`${table.budgetMinor} > 0`),
    check('aid_programmes_threshold', sql`${table.fourEyesThresholdMinor} >= 0`),
  ],
);

export const aidRequests = sqliteTable(
  'aid_requests',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull().references(() => persons.id),
    caseId: text('case_id').references(() => cases.id),
    type: text('type').$type<AidType>().notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').$type<AidRequestStatus>().notNull(),
    originOffice: text('origin_office'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
  },
  (table) => [index('aid_requests_person').on(table.personId, table.createdAt), index('aid_requests_status').on(table.status, table.createdAt)],
);

export const aidDisbursements = sqliteTable(
  'aid_disbursements',
  {
    id: text('id').primaryKey(),
    recipientId: text('recipient_id').notNull().references(() => persons.id),
    /** Null only for a partner's row whose programme this office does not hold. */
    programmeId: text('programme_id').references(() => aidProgrammes.id),
    caseId: text('case_id').references(() => cases.id),
    requestId: text('request_id').references(() => aidRequests.id),
    /** Positive for a payment; the negated original on a reversing entry. */
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    type: text('type').$type<AidType>().notNull(),
    method: text('method').$type<PaymentMethod>().notNull(),
    purpose: text('purpose').notNull().default(''),
    /** Derived from `purpose` (folded case, spacing, punctuation) for the duplicate check. */
    purposeKey: text('purpose_key').notNull().default(''),
    /** The value date: when the money is (to be) handed over. */
    date: text('date').notNull(),
    status: text('status').$type<DisbursementStatus>().notNull(),
    /** The recipient's region and category as at the request, so past reports never move. */
    recipientRegion: text('recipient_region').$type<Region>().notNull(),
    recipientCategory: text('recipient_category').$type<RecipientCategory>().notNull(),
    requestedBy: text('requested_by'),
    requestedAt: text('requested_at').notNull(),
    approvedBy: text('approved_by'),
    approvedAt: text('approved_at'),
    paidBy: text('paid_by'),
    paidAt: text('paid_at'),
    paymentReference: text('payment_reference').notNull().default(''),
    /** Why it was rejected, cancelled or reversed. */
    statusReason: text('status_reason').notNull().default(''),
    reversesId: text('reverses_id').references((): AnySQLiteColumn => aidDisbursements.id),
    duplicateReason: text('duplicate_reason').notNull().default(''),
    duplicateConfirmedBy: text('duplicate_confirmed_by'),
    budgetOverrideReason: text('budget_override_reason').notNull().default(''),
    budgetOverrideBy: text('budget_override_by'),
    originOffice: text('origin_office'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    // The duplicate check: one recipient's entries around a date.
    index('aid_disbursements_recipient').on(table.recipientId, table.date),
    index('aid_disbursements_queue').on(table.status, table.requestedAt, table.id),
    // The ledger filtered by status in date order (paid, newest first) walks this index instead of sorting.
    index('aid_disbursements_status_date').on(table.status, table.date, table.id),
    index('aid_disbursements_date').on(table.date, table.id),
    index('aid_disbursements_created').on(table.createdAt, table.id),
    // Budget sums by status read this index alone; the programme's pages come off the next one in date order.
    index('aid_disbursements_programme').on(table.programmeId, table.status, table.amountMinor),
    index('aid_disbursements_programme_date').on(table.programmeId, table.date, table.id),
    index('aid_disbursements_case').on(table.caseId),
    index('aid_disbursements_request').on(table.requestId),
    uniqueIndex('aid_disbursements_reverses').on(table.reversesId),
    check('aid_disbursements_sign', sql`(${table.reversesId} IS NULL AND ${table.amountMinor} > 0) OR (${table.reversesId} IS NOT NULL AND ${table.amountMinor} < 0 AND ${table.status} = 'paid')`),
  ],
);

/** Receipts for disbursements, kept in the vault with the SHA-256 taken at intake; never changed or removed. */
export const aidReceipts = sqliteTable(
  'aid_receipts',
  {
    id: text('id').primaryKey(),
    disbursementId: text('disbursement_id').notNull().references(() => aidDisbursements.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').references(() => staff.id),
  },
  (table) => [index('aid_receipts_disbursement').on(table.disbursementId)],
);

/**
 * Derived, never written by code: triggers add every paid entry (and reversal) once per report dimension, so
 * a report reads a few thousand rows instead of the ledger. Paid rows never change, so additions suffice;
 * `rebuildLedgerTotals` recomputes it from the ledger. Not a synced table: each office derives its own.
 */
export const aidLedgerTotals = sqliteTable(
  'aid_ledger_totals',
  {
    /** `type`, `region` or `category`; each dimension alone sums to the whole ledger. */
    dimension: text('dimension').notNull(),
    /** '' for a partner's row without a programme. */
    programmeId: text('programme_id').notNull(),
    /** '' for this office. */
    office: text('office').notNull(),
    currency: text('currency').notNull(),
    day: text('day').notNull(),
    value: text('value').notNull(),
    netMinor: integer('net_minor').notNull(),
    /** Payments that stand: +1 per payment, −1 per reversal. */
    payments: integer('payments').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.dimension, table.programmeId, table.office, table.currency, table.day, table.value] }),
    // Covering, so a budget or a report reads these indexes alone: one programme's days, or every programme's.
    index('aid_ledger_totals_programme').on(table.dimension, table.programmeId, table.office, table.day, table.currency, table.value, table.netMinor, table.payments),
    index('aid_ledger_totals_day').on(table.dimension, table.office, table.day, table.programmeId, table.currency, table.value, table.netMinor, table.payments),
  ],
);

/** Per-office secrets of the aid module (the pseudonym key of donor reports); never exported or synced. */
export const aidSecrets = sqliteTable('aid_secrets', {
  name: text('name').primaryKey(),
  value: blob('value', { mode: 'buffer' }).notNull(),
});
