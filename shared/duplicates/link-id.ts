import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { orderedPair } from './groups';

/**
 * The id of the link row of a pair: a UUIDv8 (RFC 9562) made of the SHA-256 of the ordered pair. Offices that
 * decide about the same pair concurrently thus write the same row, and sync merges their decisions on it
 * instead of keeping two rows that contradict each other.
 */
export function personLinkId(x: string, y: string): string {
  const [a, b] = orderedPair(x, y);
  const bytes = sha256(utf8ToBytes(`caseboard-person-link\u0000${a}\u0000${b}`)).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytesToHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
