/**
 * Character classes shared by the name functions. Everything is precomputed at module load:
 * the hot paths only do table look-ups and char-code comparisons.
 */

/** The one apostrophe form names are normalized to: U+02BC MODIFIER LETTER APOSTROPHE (a letter, so it stays inside words). */
export const APOSTROPHE = '\u02BC';

/** Characters typed for the Belarusian/Ukrainian apostrophe: ' ` ´ ‘ ’ ‛ ′ ʻ ʼ ＇ */
const APOSTROPHE_CHARS = "'`\u00B4\u2018\u2019\u201B\u2032\u02BB\u02BC\uFF07";

export function isApostrophe(ch: string): boolean {
  return ch !== '' && APOSTROPHE_CHARS.includes(ch);
}

/** Lowercase Cyrillic letters the transliteration tables know (Russian, Belarusian, Ukrainian). */
export const CYRILLIC_LETTERS = 'абвгґдеёєжзиіїйклмнопрстуўфхцчшщъыьэюя';

export function isCyrillicCode(code: number): boolean {
  return (
    (code >= 0x0400 && code <= 0x052f) ||
    (code >= 0x1c80 && code <= 0x1c8f) ||
    (code >= 0x2de0 && code <= 0x2dff) ||
    (code >= 0xa640 && code <= 0xa69f)
  );
}

export function isLatinCode(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0xaa ||
    code === 0xba ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x1e00 && code <= 0x1eff) ||
    (code >= 0x2c60 && code <= 0x2c7f) ||
    (code >= 0xa720 && code <= 0xa7ff) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  );
}

const LETTER_RE = /^\p{L}$/u;
const WORD_RE = /^[\p{L}\p{M}\p{N}]$/u;

/** A letter of any script (one code point, given as a string). */
export function isLetter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (isCyrillicCode(code) || isLatinCode(code)) return true;
  return LETTER_RE.test(ch);
}

/** Letters, combining marks and digits of any script: the characters words are made of (apostrophes aside). */
export function isWordChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (isCyrillicCode(code) || isLatinCode(code)) return true;
  return WORD_RE.test(ch);
}

/** Latin look-alikes of Cyrillic letters (keyboard-layout slips, spoofing): used for words that mix both scripts. */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  'ë': 'ё', 'Ë': 'Ё',
};

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', с: 'c', е: 'e', і: 'i', о: 'o', р: 'p', х: 'x', у: 'y', ѕ: 's', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', І: 'I', К: 'K', М: 'M', О: 'O', Р: 'P', Т: 'T', Х: 'X', У: 'Y', Ј: 'J', Ѕ: 'S',
};

/**
 * A word that mixes Cyrillic and Latin letters is rewritten in its majority script where a look-alike exists
 * ("Бяляцкi" with a Latin i → "Бяляцкі"; "Kolesnikovа" with a Cyrillic а → "Kolesnikova").
 */
export function fixHomoglyphs(word: string): string {
  let cyr = 0;
  let lat = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (isCyrillicCode(code)) cyr++;
    else if (isLatinCode(code)) lat++;
  }
  if (cyr === 0 || lat === 0) return word;
  const table = cyr >= lat ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word.charAt(i);
    out += table[ch] ?? ch;
  }
  return out;
}

/** Rewrites every mixed-script word of a text (words split on anything that is not a letter, mark, digit or apostrophe). */
export function fixHomoglyphsInText(text: string): string {
  let out = '';
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text.charAt(i) : '';
    const inWord = ch !== '' && (isWordChar(ch) || isApostrophe(ch));
    if (inWord) {
      if (start < 0) start = i;
    } else {
      if (start >= 0) {
        out += fixHomoglyphs(text.slice(start, i));
        start = -1;
      }
      out += ch;
    }
  }
  return out;
}
