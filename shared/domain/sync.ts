/** What the sync API returns: identity, partners, bundles exchanged, conflicts. */
import { z } from 'zod';
import { ageRecipientSchema } from '../sync/card';
import type { OpValue } from '../sync/ops';
import { sharingPolicySchema, type SharingPolicy } from '../sync/policy';
import { recordId } from './text';

export interface IdentityInfo {
  siteId: string;
  office: string;
  /** Six groups of five digits. */
  fingerprint: string;
  /** Ed25519 public key, hex. */
  signingKey: string;
  ageRecipient: string;
}

export interface ExchangeInfo {
  at: string;
  bundleId: string;
  ops: number;
  records: Record<string, number>;
}

export interface PartnerRecord {
  id: string;
  name: string;
  fingerprint: string;
  signingKey: string;
  ageRecipient: string;
  /** The site id on the partner's card, or seen in its bundles. */
  siteId: string | null;
  policy: SharingPolicy;
  addedAt: string;
  lastExport: ExchangeInfo | null;
  lastImport: ExchangeInfo | null;
}

export interface CardPreview {
  office: string;
  siteId: string;
  fingerprint: string;
  signingKey: string;
  ageRecipient: string;
}

export type RecordCounts = Record<string, { created: number; updated: number; deleted: number }>;

export type ImportWarning =
  | { code: 'clockAhead'; days: number }
  | { code: 'missedBundles'; count: number }
  | { code: 'unknownBundleReported' }
  | { code: 'waiting'; records: number };

export interface ImportSummary {
  bundleId: string;
  partner: { id: string; name: string };
  /** Operations in the bundle, and how many of them were new here. */
  ops: number;
  applied: number;
  records: RecordCounts;
  conflicts: ConflictRecord[];
  warnings: ImportWarning[];
}

export interface ExportSummary {
  partner: { id: string; name: string };
  ops: number;
  records: Record<string, number>;
  attachmentBytes: number;
  /** The export holds nothing the partner lacks (it still carries acknowledgements). */
  empty: boolean;
}

export interface ConflictValue {
  value: OpValue | null;
  office: string | null;
  site: string;
  /** When it was written, by the writer's clock. */
  at: string;
}

export interface ConflictRecord {
  id: string;
  entity: string;
  key: string;
  field: string;
  /** The case or person it belongs to, for opening it. */
  root: { entity: string; key: string; label: string | null };
  /** Current value first. */
  values: ConflictValue[];
  detectedAt: string;
}

export const partnerNameSchema = z.string().trim().min(1, { message: 'is required' }).max(200);

export const partnerAddSchema = z.union([
  z.strictObject({
    card: z.string().min(1).max(16 * 1024),
    /** The person confirms they compared the fingerprint with the partner out of band. */
    fingerprintConfirmed: z.literal(true, { message: 'compare the fingerprint with the partner first' }),
    name: partnerNameSchema.optional(),
  }),
  z.strictObject({
    name: partnerNameSchema,
    ageRecipient: ageRecipientSchema,
    signingKey: z.string().trim().min(1).max(200),
    fingerprintConfirmed: z.literal(true, { message: 'compare the fingerprint with the partner first' }),
  }),
]);

export const partnerRefSchema = z.strictObject({ partner: z.union([recordId, partnerNameSchema]) });

export const policyInputSchema = z.strictObject({ id: recordId, policy: sharingPolicySchema });

export const bundleInputSchema = z.strictObject({
  fileName: z.string().max(255).optional(),
  dataBase64: z.base64({ message: 'must be base64' }).max(Math.ceil((256 * 1024 * 1024) / 3) * 4, { message: 'is larger than 256 MiB' }),
});

export const conflictResolveSchema = z.strictObject({
  id: z.string().min(1).max(400),
  /** Which of the listed values to keep (0: the current one). */
  choice: z.number().int().min(0).max(63),
});

export const purgeSchema = z.strictObject({
  entity: z.enum(['case', 'person']),
  id: recordId,
  /** A field whose earlier values are erased (it keeps `replacement`); without it the whole record is purged. */
  field: z.string().max(60).optional(),
  replacement: z.string().max(20_000).optional(),
  confirm: z.literal('PURGE', { message: 'must be the word PURGE' }),
});
