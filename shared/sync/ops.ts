/**
 * The unit of sync: one operation sets one field of one record. Operations are identified by the site that
 * wrote them and that site's counter; `pred` names the operations of the same field the author saw as
 * current, which this one supersedes. Values travel as canonical JSON text, so comparing two values is
 * comparing two strings.
 */
import { z } from 'zod';

/** The pseudo-field that says whether a record exists: `true` for present, `false` for deleted. */
export const EXISTS_FIELD = '$';

export interface OpId {
  site: string;
  counter: number;
}

export interface SyncOp extends OpId {
  /** Hybrid logical clock: see `hlc.ts`. */
  hlc: number;
  entity: string;
  /** The record's key: its id, or a JSON array for composite keys. */
  row: string;
  field: string;
  /** Canonical JSON; undefined when the content is not known here (erased by a purge, or sent as a stub). */
  value: string | undefined;
  pred: OpId[];
  /** A purge: on a field it erases every earlier value of that field; on `$` every value of the record. */
  purge: boolean;
}

export const opKey = (op: OpId) => `${op.site}:${op.counter}`;

/** Site ids are 128 random bits in hex. */
export const siteIdSchema = z.string().regex(/^[0-9a-f]{32}$/, { message: 'must be a site id (32 hex digits)' });

export const MAX_COUNTER = Number.MAX_SAFE_INTEGER;

/** The total order of operations: clock first, then site, then counter. */
export function compareOps(a: SyncOp, b: SyncOp): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.site !== b.site) return a.site < b.site ? -1 : 1;
  return a.counter - b.counter;
}

/** Values are JSON primitives or flat arrays of them; anything else is refused at the boundary. */
export type JsonPrimitive = string | number | boolean | null;
export type OpValue = JsonPrimitive | JsonPrimitive[];

export function isOpValue(value: unknown): value is OpValue {
  const primitive = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
  return primitive(value) || (Array.isArray(value) && value.every(primitive));
}

export const encodeValue = (value: OpValue): string => JSON.stringify(value);
export const decodeValue = (text: string): OpValue => JSON.parse(text) as OpValue;

/** A version vector: the highest counter known per site. */
export type VersionVector = Record<string, number>;

export function mergeVectors(a: VersionVector, b: VersionVector): VersionVector {
  const out: VersionVector = { ...a };
  for (const [site, counter] of Object.entries(b)) out[site] = Math.max(out[site] ?? 0, counter);
  return out;
}

/** Whether every counter of `a` is at most the same site's counter in `b`. */
export function vectorWithin(a: VersionVector, b: VersionVector): boolean {
  return Object.entries(a).every(([site, counter]) => counter <= (b[site] ?? 0));
}
