/**
 * The bundle header: what a recipient checks before it reads a single operation. It is the signed
 * manifest — sender and recipient, sequence and chain, version vectors, and the SHA-256 of the body and
 * of each file — so one Ed25519 signature over these bytes covers the whole bundle.
 */
import { z } from 'zod';
import { signingKeyHexSchema } from '../shared/sync/card';
import { siteIdSchema } from '../shared/sync/ops';

export const BUNDLE_FORMAT = 'caseboard-bundle';
export const BUNDLE_VERSION = 1;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const vector = z.record(siteIdSchema, z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)).refine((v) => Object.keys(v).length <= 100_000);
const office = z.string().min(1).max(200);

export const headerSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  from: z.strictObject({ office, site: siteIdSchema, signingKey: signingKeyHexSchema }),
  to: z.strictObject({ office, signingKey: signingKeyHexSchema }),
  /** 1, 2, 3… per (sender site, recipient). */
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** SHA-256 of the previous bundle this site sent this recipient; null for the first. */
  prev: sha256Hex.nullable(),
  /** The contents cover every operation beyond this vector (what the recipient acknowledged). */
  since: vector,
  /** Everything the sender holds: once applied, the recipient has all of it the sender may send. */
  vector,
  /** What the sender holds of what the recipient sent it: the recipient's next bundle starts there. */
  ack: vector,
  /** The last bundle the sender imported from the recipient, so the recipient can check it sent it. */
  lastReceived: z.strictObject({ id: z.uuid(), hash: sha256Hex }).nullable(),
  counts: z.strictObject({ ops: z.number().int().min(0), records: z.record(z.string().max(40), z.number().int().min(0)) }),
  body: z.strictObject({ encoding: z.literal('br'), size: z.number().int().min(0), sha256: sha256Hex }),
  blobs: z.array(z.strictObject({ sha256: sha256Hex, size: z.number().int().min(0) })).max(100_000),
});
export type BundleHeader = z.output<typeof headerSchema>;

/** The first check of a header: its format and version, before the rest of its shape. */
export const versionProbe = z.looseObject({ format: z.string(), version: z.unknown() });
