/**
 * An office's fingerprint: 30 digits in six groups of five, read aloud or compared side by side the way
 * Signal's safety numbers are. It covers both public keys (signing and encryption) and nothing that can
 * change without new keys, so a restored vault or a renamed office keeps its fingerprint.
 */
import { sha512 } from '@noble/hashes/sha2.js';

const GROUPS = 6;

export function officeFingerprint(signingKeyHex: string, ageRecipient: string): string {
  const input = new TextEncoder().encode(`caseboard-office-fingerprint-v1\n${signingKeyHex.toLowerCase()}\n${ageRecipient}`);
  const digest = sha512(input);
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g += 1) {
    let chunk = 0;
    // Five bytes (40 bits) per group, reduced to five digits.
    for (let i = 0; i < 5; i += 1) chunk = chunk * 256 + digest[g * 5 + i]!;
    groups.push(String(chunk % 100_000).padStart(5, '0'));
  }
  return groups.join(' ');
}
