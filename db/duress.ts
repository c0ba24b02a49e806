/**
 * The duress passphrase (ADR 005): one more key slot, shaped exactly like every other. What marks it is its
 * slot id — 8 random bytes followed by 8 bytes of HMAC-SHA256 keyed with the database key — so only someone
 * who already holds the database key can tell it from a staff member's slot. The key file stays a list of
 * slots that names nobody.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const duressModes = ['decoy', 'wipe'] as const;
export type DuressMode = (typeof duressModes)[number];

function tag(dbKey: Uint8Array, mode: DuressMode, nonce: Buffer): Buffer {
  return createHmac('sha256', dbKey).update(`caseboard-duress|v1|${mode}|`).update(nonce).digest().subarray(0, 8);
}

export function duressSlotId(dbKey: Uint8Array, mode: DuressMode): string {
  const nonce = randomBytes(8);
  return Buffer.concat([nonce, tag(dbKey, mode, nonce)]).toString('hex');
}

/** The mode a slot id marks under this database key, or null for an ordinary slot. */
export function duressModeOf(dbKey: Uint8Array, slotId: string): DuressMode | null {
  const bytes = Buffer.from(slotId, 'hex');
  if (bytes.length !== 16) return null;
  const nonce = bytes.subarray(0, 8);
  for (const mode of duressModes) {
    if (timingSafeEqual(tag(dbKey, mode, nonce), bytes.subarray(8))) return mode;
  }
  return null;
}
