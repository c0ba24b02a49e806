import { randomInt } from 'node:crypto';

/** Lowercase letters and digits that cannot be misread for one another on paper (no i, l, o, u, 0, 1). */
const ALPHABET = 'abcdefghjkmnpqrstvwxyz23456789';
const GROUPS = 6;
const GROUP_LENGTH = 4;

/**
 * A one-time passphrase for a new account, to be read out or written down once: 24 random characters
 * from 30 (about 118 bits), in groups of four.
 */
export function generateOneTimePassphrase(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let c = 0; c < GROUP_LENGTH; c++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
