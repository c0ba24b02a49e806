/**
 * Aid: donor programmes, aid requests and the disbursement ledger. Amounts cross the API as typed decimal
 * strings ("150.00") on the way in and as integer minor units (plus a formatted string) on the way out.
 */
import { z } from 'zod';
import { type AttachmentMeta, type ChangeEntry, type Region, type StaffRef } from './cases';
import {
  aidRequestStatuses,
  aidTypes,
  disbursementStatuses,
  paymentMethods,
  recipientCategories,
  reportGroupings,
  type AidRequestStatus,
  type AidType,
  type DisbursementStatus,
  type PaymentMethod,
  type RecipientCategory,
  type ReportGrouping,
} from './aid-vocabularies';
import { isCurrency, type MoneyTotal } from './money';
import { recordId, requiredText, text } from './text';

export * from './aid-vocabularies';

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(value: string): boolean {
  const match = dayPattern.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (y < 1990 || y > 2100 || m < 1 || m > 12) return false;
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A calendar day, `2026-03-14`. */
export const daySchema = z.string().trim().refine(isDay, { message: 'must be a date YYYY-MM-DD' });
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrency, { message: 'must be an ISO 4217 currency code Caseboard knows (EUR, USD, BYN, PLN, …)' });
/** As typed: "150.00"; parsed exactly against the currency's exponent by the backend. */
export const amountTextSchema = z.string().trim().min(1, { message: 'is required' }).max(40, { message: 'is too long' });
const reasonSchema = requiredText(2000);

export const newProgrammeSchema = z
  .strictObject({
    name: requiredText(200),
    donor: requiredText(200),
    currency: currencySchema,
    budget: amountTextSchema,
    startsOn: daySchema,
    endsOn: daySchema,
    eligibleTypes: z.array(z.enum(aidTypes)).min(1, { message: 'name at least one aid type' }).optional().default([...aidTypes]),
    /** Disbursements above this amount need a second person's approval. */
    fourEyesThreshold: amountTextSchema.optional().default('0'),
    /** The IATI activity identifier the donor knows this programme by (`{org-ref}-{activity}`). */
    iatiIdentifier: text(200).optional().default(''),
  })
  .refine((p) => p.endsOn >= p.startsOn, { message: 'must not be before the start', path: ['endsOn'] });
export type NewProgramme = z.input<typeof newProgrammeSchema>;

export const programmePatchSchema = z.strictObject({
  name: requiredText(200).optional(),
  donor: requiredText(200).optional(),
  budget: amountTextSchema.optional(),
  startsOn: daySchema.optional(),
  endsOn: daySchema.optional(),
  eligibleTypes: z.array(z.enum(aidTypes)).min(1).optional(),
  fourEyesThreshold: amountTextSchema.optional(),
  iatiIdentifier: text(200).optional(),
});
export type ProgrammePatch = z.output<typeof programmePatchSchema>;

export interface ProgrammeRecord {
  id: string;
  name: string;
  donor: string;
  currency: string;
  budgetMinor: number;
  budget: string;
  startsOn: string;
  endsOn: string;
  eligibleTypes: AidType[];
  fourEyesThresholdMinor: number;
  fourEyesThreshold: string;
  iatiIdentifier: string;
  createdAt: string;
  updatedAt: string;
}

/** Where the budget stands. Spent is paid net of reversals; committed is approved and not yet paid. */
export interface BudgetPosition {
  budget: MoneyTotal;
  spent: MoneyTotal;
  committed: MoneyTotal;
  requested: MoneyTotal;
  remaining: MoneyTotal;
  /** (spent + committed) / budget, in basis points (10000 = 100 %). */
  usedBasisPoints: number;
}

export interface ProgrammeDetail extends ProgrammeRecord {
  position: BudgetPosition;
  /** Month by month: what was paid, and what of the budget was left at the month's end. */
  burnDown: { month: string; paidMinor: string; remainingMinor: string }[];
}

export const newAidRequestSchema = z.strictObject({
  personId: recordId,
  caseId: recordId.nullable().optional().default(null),
  type: z.enum(aidTypes),
  amount: amountTextSchema,
  currency: currencySchema,
  description: text(4000).optional().default(''),
});

export interface AidRequestRecord {
  id: string;
  person: { id: string; displayName: string };
  caseId: string | null;
  type: AidType;
  amountMinor: number;
  amount: string;
  currency: string;
  description: string;
  status: AidRequestStatus;
  createdAt: string;
  createdBy: StaffRef | null;
}

/**
 * A new disbursement. `confirmDuplicate` is the reason a person gives for paying although a similar payment
 * exists; `budgetOverride` is an admin's reason for going beyond the programme's budget.
 */
export const newDisbursementSchema = z.strictObject({
  recipientId: recordId,
  programmeId: recordId,
  caseId: recordId.nullable().optional().default(null),
  requestId: recordId.nullable().optional().default(null),
  amount: amountTextSchema,
  currency: currencySchema,
  type: z.enum(aidTypes),
  method: z.enum(paymentMethods),
  purpose: text(1000).optional().default(''),
  date: daySchema,
  /** Defaults from the person's flags and relations when not given. */
  recipientCategory: z.enum(recipientCategories).optional(),
  confirmDuplicate: reasonSchema.optional(),
  budgetOverride: reasonSchema.optional(),
});
export type NewDisbursement = z.input<typeof newDisbursementSchema>;
export type ParsedNewDisbursement = z.output<typeof newDisbursementSchema>;

export const approveSchema = z.strictObject({
  id: recordId,
  confirmDuplicate: reasonSchema.optional(),
  budgetOverride: reasonSchema.optional(),
});
export const paySchema = z.strictObject({ id: recordId, reference: requiredText(200) });
export const reasonedIdSchema = z.strictObject({ id: recordId, reason: reasonSchema });

export const disbursementSortFields = ['date', 'amount', 'status', 'recipient', 'programme', 'type', 'createdAt'] as const;
export type DisbursementSortField = (typeof disbursementSortFields)[number];
export const disbursementSortSchema = z.strictObject({ field: z.enum(disbursementSortFields), direction: z.enum(['asc', 'desc']) });
export type DisbursementSort = z.infer<typeof disbursementSortSchema>;

export const disbursementFilterSchema = z.strictObject({
  status: z.array(z.enum(disbursementStatuses)).optional(),
  programmeId: recordId.optional(),
  type: z.array(z.enum(aidTypes)).optional(),
  method: z.array(z.enum(paymentMethods)).optional(),
  recipientId: recordId.optional(),
  caseId: recordId.optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
  /** `own`: recorded here; `partner`: received from a partner office. */
  origin: z.enum(['own', 'partner']).optional(),
  /** The recipient's name in any script, or a payment reference. */
  search: text(200).optional(),
});
export type DisbursementFilter = z.output<typeof disbursementFilterSchema>;

export const disbursementListQuerySchema = z.strictObject({
  filter: disbursementFilterSchema.optional().default({}),
  sort: z.array(disbursementSortSchema).max(disbursementSortFields.length).optional().default([]),
  offset: z.number().int().min(0).optional().default(0),
  limit: z.number().int().min(1).max(1000).optional().default(100),
});
export type DisbursementListQuery = z.input<typeof disbursementListQuerySchema>;

export interface DisbursementRecord {
  id: string;
  recipient: { id: string; displayName: string; latinName: string };
  programme: { id: string; name: string } | null;
  caseId: string | null;
  requestId: string | null;
  amountMinor: number;
  amount: string;
  currency: string;
  type: AidType;
  method: PaymentMethod;
  purpose: string;
  date: string;
  status: DisbursementStatus;
  recipientRegion: Region;
  recipientCategory: RecipientCategory;
  requestedBy: StaffRef | null;
  requestedAt: string;
  approvedBy: StaffRef | null;
  approvedAt: string | null;
  paidBy: StaffRef | null;
  paidAt: string | null;
  paymentReference: string;
  statusReason: string;
  /** Set on a reversing entry: the paid disbursement it corrects. */
  reversesId: string | null;
  /** Set on a paid disbursement that a later entry reversed. */
  reversedById: string | null;
  duplicateReason: string;
  budgetOverrideReason: string;
  /** null: recorded in this office; otherwise the partner office it came from. */
  originOffice: string | null;
  /** Above the programme's four-eyes threshold: the approver must be another coordinator. */
  needsSecondApprover: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface DisbursementPage {
  rows: DisbursementRecord[];
  total: number;
}

/** A receipt is kept as a case attachment is: its bytes hashed at intake. */
export type ReceiptMeta = AttachmentMeta;

export interface DuplicateCandidate {
  id: string;
  date: string;
  amount: string;
  currency: string;
  type: AidType;
  purpose: string;
  status: DisbursementStatus;
  originOffice: string | null;
  programmeName: string | null;
  createdAt: string;
}

export interface DisbursementDetail extends DisbursementRecord {
  receipts: ReceiptMeta[];
  history: ChangeEntry[];
  duplicates: DuplicateCandidate[];
}

/** What the guards say about a disbursement before it is written or approved. */
export interface GuardReport {
  duplicates: DuplicateCandidate[];
  budget: { level: 'ok' | 'warn' | 'block'; usedBasisPoints: number; position: BudgetPosition };
  needsSecondApprover: boolean;
}

export interface DisbursementWriteResult {
  disbursement: DisbursementRecord;
  /** `BUDGET_WARNING` at 90 % of the budget and above. */
  warnings: { code: 'BUDGET_WARNING'; message: string; usedBasisPoints: number }[];
}

export const newReceiptSchema = z.strictObject({
  disbursementId: recordId,
  fileName: requiredText(255).refine((name) => !/[\\/\0]/.test(name), { message: 'must be a file name, not a path' }),
  mediaType: z.string().trim().max(127).regex(/^[\w.+-]+\/[\w.+-]+$/, { message: 'must be a media type' }).optional().default('application/octet-stream'),
  dataBase64: z.base64({ message: 'must be base64' }).max(Math.ceil((25 * 1024 * 1024) / 3) * 4, { message: 'is larger than 25 MiB' }),
});

export const conversionSchema = z.strictObject({
  to: currencySchema,
  /** Units of `to` for one unit of each other currency, as typed: {"BYN": "0.2861"}. */
  rates: z.record(currencySchema, z.string().trim().max(40)),
});

export const reportQuerySchema = z
  .strictObject({
    groupBy: z.enum(reportGroupings).optional().default('month'),
    programmeId: recordId.optional(),
    from: daySchema.optional(),
    to: daySchema.optional(),
    convert: conversionSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });
export type ReportQuery = z.output<typeof reportQuerySchema>;

export interface ReportRow {
  key: string;
  /** For `programme` grouping, the programme's name; otherwise the key. */
  label: string;
  currency: string;
  netMinor: string;
  amount: string;
  payments: number;
}

export interface AidReport {
  groupBy: ReportGrouping;
  programmeId: string | null;
  from: string | null;
  to: string | null;
  rows: ReportRow[];
  /** Paid net of reversals, per currency: what the ledger holds for the same selection. */
  totals: MoneyTotal[];
  payments: number;
  /** Present when a conversion was asked for: each currency's total at the typed rate, and their sum. */
  converted?: {
    to: string;
    rounding: 'half-even, once per currency total';
    parts: { currency: string; rate: string; minor: string; amount: string }[];
    total: MoneyTotal;
  };
}

export const donorExportSchema = z
  .strictObject({
    programmeId: recordId,
    from: daySchema,
    to: daySchema,
    format: z.enum(['csv', 'xlsx', 'iati']),
    language: z.enum(['en', 'ru', 'be']).optional().default('en'),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] });


/** The office's aid settings, kept apart from the general settings (admins change them). */
export const aidSettingsSchema = z.strictObject({
  /** Two disbursements to one recipient this many days apart or closer are checked as possible duplicates. */
  duplicateWindowDays: z.number().int().min(1).max(366),
  /** This office's IATI organisation identifier (`{agency}-{id}`): the reporting org of IATI exports. */
  iatiOrganisationRef: z
    .string()
    .trim()
    .max(100)
    .regex(/^([A-Za-z0-9]{2,}-[A-Za-z0-9._-]+)?$/, { message: 'must be an IATI organisation identifier such as XM-DAC-41114 or LT-RC-305583477' }),
});
export type AidSettings = z.infer<typeof aidSettingsSchema>;
export const defaultAidSettings: AidSettings = { duplicateWindowDays: 30, iatiOrganisationRef: '' };
