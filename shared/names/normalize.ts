import { APOSTROPHE, isCyrillicCode, isLatinCode, isLetter } from './chars';
import type { Script } from './types';

const APOSTROPHES_RE = /['`\u00B4\u2018\u2019\u201B\u2032\u02BB\u02BC\uFF07]/g;
const DASHES_RE = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/g;
/** Soft hyphen, zero-width space/joiners, word joiner, BOM: invisible, and break look-ups. */
const INVISIBLE_RE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const CONTROL_RE = /[\u0000-\u001F\u007F-\u009F]/g;
const SPACES_RE = /\s+/g;

/**
 * NFC, trim, collapse whitespace (any Unicode space, tabs, newlines → one ASCII space), drop invisible characters,
 * unify apostrophes (' ` ´ ‘ ’ ‛ ′ ʻ ʼ ＇ → ʼ U+02BC) and dashes (‐ ‑ ‒ – — ― − … → -). Keeps case and script.
 */
export function normalizeName(input: string): string {
  return input
    .normalize('NFC')
    .replace(INVISIBLE_RE, '')
    .replace(CONTROL_RE, ' ')
    .replace(APOSTROPHES_RE, APOSTROPHE)
    .replace(DASHES_RE, '-')
    .replace(SPACES_RE, ' ')
    .trim();
}

/**
 * 'cyrillic' or 'latin' when every letter is of that script, 'mixed' when letters of two or more scripts occur
 * (a Latin look-alike in a Cyrillic name counts), 'other' when there is no Cyrillic or Latin letter at all
 * (empty, digits only, Greek, CJK …). Non-letters are ignored.
 */
export function detectScript(input: string): Script {
  let cyrillic = false;
  let latin = false;
  let other = false;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code < 0x41) continue;
    if (isLatinCode(code)) latin = true;
    else if (isCyrillicCode(code)) cyrillic = true;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < input.length) {
      if (isLetter(input.slice(i, i + 2))) other = true;
      i++;
    } else if (code >= 0x80 && code !== 0x02bc && isLetter(input.charAt(i))) other = true;
  }
  const kinds = (cyrillic ? 1 : 0) + (latin ? 1 : 0) + (other ? 1 : 0);
  if (kinds > 1) return 'mixed';
  if (cyrillic) return 'cyrillic';
  if (latin) return 'latin';
  return 'other';
}
