import { z } from 'zod';
import { partialDateSchema, type PartialDate } from './partial-date';
import { recordId, requiredText, text } from './text';
import { casePersonRoles, riskFlags, violationTypes, type CasePersonRole, type RiskFlag, type ViolationType } from './vocabularies';

/** The seven regions of Belarus (Minsk city counts as its own), plus abroad and unknown. */
export const regions = ['minsk-city', 'minsk', 'brest', 'gomel', 'grodno', 'mogilev', 'vitebsk', 'abroad', 'unknown'] as const;
export type Region = (typeof regions)[number];

/** Ordered most urgent first: sorting by priority follows this order, not the alphabet. */
export const priorities = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof priorities)[number];

/** Ordered along the workflow. */
export const caseStatuses = ['new', 'triage', 'open', 'monitoring', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Closing a case, and reopening a closed one, needs a reason; every other move is free. */
export function statusChangeNeedsReason(from: CaseStatus, to: CaseStatus): boolean {
  return from !== to && (to === 'closed' || from === 'closed');
}

export const caseSortFields = [
  'reference',
  'title',
  'personName',
  'region',
  'priority',
  'status',
  'assignee',
  'eventDate',
  'createdAt',
  'updatedAt',
] as const;
export type CaseSortField = (typeof caseSortFields)[number];

const riskSchema = z.strictObject(
  Object.fromEntries(riskFlags.map((flag) => [flag, z.boolean().optional()])) as Record<RiskFlag, z.ZodOptional<z.ZodBoolean>>,
);
const tagSchema = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(60, { message: 'must be at most 60 characters' })
  .transform((tag) => tag.toLowerCase());
const articleSchema = z
  .string()
  .trim()
  .regex(/^\d{1,4}(?:[-.]\d{1,3})?(?:\s*(?:ч|part|p)\.?\s*\d{1,2})?$/iu, { message: 'must be a criminal-code article such as 342 or 361-1' });

/** Fields a person may set on a case, on creation or later. */
const editableCaseFields = {
  title: requiredText(300),
  summary: text(20_000),
  region: z.enum(regions),
  locality: text(200),
  placeOfDetention: text(300),
  sentence: text(300),
  priority: z.enum(priorities),
  violations: z.array(z.enum(violationTypes)).max(violationTypes.length),
  articles: z.array(articleSchema).max(50),
  eventDate: partialDateSchema.nullable(),
  eventEndDate: partialDateSchema.nullable(),
  risks: riskSchema,
  tags: z.array(tagSchema).max(50),
  consentPublish: z.boolean(),
  consentShare: z.boolean(),
};

export const newCaseSchema = z
  .strictObject({
    ...editableCaseFields,
    summary: editableCaseFields.summary.optional().default(''),
    locality: editableCaseFields.locality.optional(),
    placeOfDetention: editableCaseFields.placeOfDetention.optional(),
    sentence: editableCaseFields.sentence.optional(),
    violations: editableCaseFields.violations.optional(),
    articles: editableCaseFields.articles.optional(),
    eventDate: editableCaseFields.eventDate.optional(),
    eventEndDate: editableCaseFields.eventEndDate.optional(),
    risks: editableCaseFields.risks.optional(),
    tags: editableCaseFields.tags.optional(),
    consentPublish: z.boolean().optional(),
    consentShare: z.boolean().optional(),
    /** The victim's name as entered: a person record is created for it. */
    personName: text(300).optional(),
    /** Existing persons to link, with their role in the case. */
    persons: z.array(z.strictObject({ personId: recordId, role: z.enum(casePersonRoles) })).max(100).optional(),
    assigneeId: recordId.nullable().optional(),
  })
  .refine((c) => Boolean(c.personName) || (c.persons?.length ?? 0) > 0, {
    message: 'is required (or link a person)',
    path: ['personName'],
  });
export type NewCase = z.input<typeof newCaseSchema>;
export type ParsedNewCase = z.output<typeof newCaseSchema>;

export const casePatchSchema = z.strictObject(editableCaseFields).partial();
export type CasePatch = z.output<typeof casePatchSchema>;

export const caseSortSchema = z.strictObject({
  field: z.enum(caseSortFields),
  direction: z.enum(['asc', 'desc']),
});
export type CaseSort = z.infer<typeof caseSortSchema>;

export const caseFilterSchema = z.strictObject({
  status: z.array(z.enum(caseStatuses)).optional(),
  priority: z.array(z.enum(priorities)).optional(),
  region: z.array(z.enum(regions)).optional(),
  violation: z.array(z.enum(violationTypes)).optional(),
  /** A staff id, `me`, or `none` for unassigned cases. */
  assignee: z.union([recordId, z.literal('me'), z.literal('none')]).optional(),
  tag: tagSchema.optional(),
  risk: z.array(z.enum(riskFlags)).optional(),
  /** Event date range (inclusive); a partial event date matches when its span overlaps the range. */
  from: partialDateSchema.optional(),
  to: partialDateSchema.optional(),
  /** Full-text search across names, titles, summaries and notes, in any script. */
  search: text(200).optional(),
});
export type CaseFilter = z.output<typeof caseFilterSchema>;

export const caseListQuerySchema = z.strictObject({
  filter: caseFilterSchema.optional().default({}),
  sort: z.array(caseSortSchema).max(caseSortFields.length).optional().default([]),
  offset: z.number().int().min(0).optional().default(0),
  limit: z.number().int().min(1).max(1000).optional().default(200),
  /**
   * The `nextCursor` of the previous page: the page then starts right after that page's last row (and `offset`
   * counts from there), so paging deep costs no more than the first page and no row is skipped or shown twice
   * when cases change between pages.
   */
  after: z.string().min(1).max(4000).optional(),
});
export type CaseListQuery = z.input<typeof caseListQuerySchema>;

export interface StaffRef {
  id: string;
  name: string;
}

/** One row of the triage table. */
export interface CaseRecord {
  id: string;
  reference: string;
  title: string;
  /** The first victim's name as entered (or the first linked person's). */
  personName: string;
  region: Region;
  priority: Priority;
  status: CaseStatus;
  summary: string;
  assignee: StaffRef | null;
  violations: ViolationType[];
  risks: RiskFlag[];
  eventDate: PartialDate | null;
  createdAt: string;
  updatedAt: string;
}

export interface CasePage {
  rows: CaseRecord[];
  total: number;
  /**
   * Set when a tag filter or a search matched more than could be counted quickly: `total` is then a lower
   * bound (1,000) and the list shows "1,000+".
   */
  totalCapped?: true;
  /** Present when more rows follow this page: pass it as `after` to get the next page. */
  nextCursor?: string;
}

export interface CaseNote {
  id: string;
  body: string;
  author: StaffRef | null;
  createdAt: string;
}

export interface CaseSource {
  id: string;
  name: string;
  contact: string;
  notes: string;
  createdAt: string;
}

export interface AttachmentMeta {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  /** SHA-256 of the bytes at intake, hex; never changes (chain of custody). */
  sha256: string;
  createdAt: string;
  createdBy: StaffRef | null;
}

export interface CaseDetail extends CaseRecord {
  locality: string;
  placeOfDetention: string;
  sentence: string;
  statusReason: string;
  articles: string[];
  eventEndDate: PartialDate | null;
  tags: string[];
  consentPublish: boolean;
  consentShare: boolean;
  persons: { personId: string; displayName: string; latinName: string; role: CasePersonRole }[];
  notes: CaseNote[];
  attachments: AttachmentMeta[];
  /** Present only for coordinators and admins. */
  sources?: CaseSource[];
}

export interface ChangeEntry {
  id: string;
  entity: string;
  rowId: string;
  field: string;
  /** JSON values as stored; null where there was none. */
  before: unknown;
  after: unknown;
  by: StaffRef | null;
  at: string;
}

export const caseIdsSchema = z.array(recordId).min(1).max(10_000);

export const sourceInputSchema = z.strictObject({
  caseId: recordId,
  name: requiredText(300),
  contact: text(500).optional().default(''),
  notes: text(20_000).optional().default(''),
});

/** Attachments cross the boundary as base64; 25 MiB of file at most. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const attachmentInputSchema = z.strictObject({
  caseId: recordId,
  fileName: requiredText(255).refine((name) => !/[\\/\0]/.test(name), { message: 'must be a file name, not a path' }),
  mediaType: z.string().trim().max(127).regex(/^[\w.+-]+\/[\w.+-]+$/, { message: 'must be a media type' }).optional().default('application/octet-stream'),
  dataBase64: z.base64({ message: 'must be base64' }).max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, { message: 'is larger than 25 MiB' }),
});
