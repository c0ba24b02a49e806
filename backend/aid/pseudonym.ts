import { createHmac } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A recipient's code in a donor report: HMAC-SHA-256 under the office's secret key (kept in the vault, never
 * exported) over the donor and the recipient id, cut to 60 bits in Crockford base32 (`R-7KQ2-M9XD-4WHA`).
 * Stable: the same recipient has the same code in every report to the same donor, so the donor can see
 * repeat help. Not reversible: without the key a code reveals nothing, and the codes of two donors cannot be
 * matched to each other. 60 bits keep collisions negligible (about 1 in 10^9 among 50,000 recipients).
 */
export function recipientCode(key: Buffer, donor: string, recipientId: string): string {
  const mac = createHmac('sha256', key).update(`caseboard-recipient-v1\0${donor.trim().toLowerCase()}\0${recipientId}`, 'utf8').digest();
  let bits = 0n;
  for (const byte of mac.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  bits >>= 4n;
  let text = '';
  for (let i = 0; i < 12; i += 1) {
    text = CROCKFORD[Number(bits & 31n)]! + text;
    bits >>= 5n;
  }
  return `R-${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8)}`;
}
