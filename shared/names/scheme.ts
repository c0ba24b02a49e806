/**
 * A small table-driven engine for Cyrillic → Latin transliteration schemes. A table scheme is data (see
 * `belarusian.ts`); `applyScheme` walks the text once, letter by letter, looking only at the previous and next
 * characters. Characters that are not Cyrillic letters pass through unchanged. The Russian systems come from a
 * library instead (`russian.ts`).
 */
import { APOSTROPHE, CYRILLIC_LETTERS, isApostrophe, isLetter } from './chars';
import type { BelarusianSystem, RussianSystem } from './types';

/** Renderings of an iotated vowel (е ё ю я …) by what precedes it. */
export interface IotatedForms {
  /** At word start (unless `start` is given) and after the characters listed in `Scheme.jAfter`. */
  readonly j: string;
  /** After any other letter (consonants). */
  readonly c: string;
  /** After л, when the scheme writes softness of л in the l itself (Łacinka: ля → la). */
  readonly l?: string;
  /** At word start, when it differs from `j` (Łacinka і: initial i, but ji after vowels). */
  readonly start?: string;
}

/** What every system has: identity, provenance and how its "ch" reads. */
interface SchemeInfo {
  readonly id: BelarusianSystem | RussianSystem;
  readonly language: 'be' | 'ru';
  /** Human name of the system. */
  readonly name: string;
  /** Where the table comes from. */
  readonly source: string;
  /**
   * How "ch" in this scheme's output reads when folded: 'kh' where the scheme writes х as ch (Czech/Polish
   * style, ч being č), 'ch' where ch is ч (English style).
   */
  readonly ch: 'ch' | 'kh';
}

/** A system rendered by a library (the Russian ones, by iuliia): `render` has applyScheme's contract. */
export interface LibraryScheme extends SchemeInfo {
  render(text: string, keepCase: boolean): string;
}

export type Scheme = TableScheme | LibraryScheme;

/** A system written here from its published table. */
export interface TableScheme extends SchemeInfo {
  /** Lowercase Cyrillic letter → lowercase Latin, for every letter not handled by a rule below. */
  readonly letters: Readonly<Record<string, string>>;
  /** Context-dependent vowels. */
  readonly iotated: Readonly<Record<string, IotatedForms>>;
  /** Lowercase characters after which the `j` form of an iotated vowel is used (vowels, signs, apostrophe …). */
  readonly jAfter: string;
  /** Consonant + ь written as one Latin letter (з+ь → ź); the ь then renders as nothing. */
  readonly softPairs?: Readonly<Record<string, string>>;
  /** Łacinka л: `soft` before the characters in `before`, `hard` elsewhere. */
  readonly softL?: { readonly soft: string; readonly hard: string; readonly before: string };
  /** Word-final two-letter endings (ий → y); applied only when at least one letter precedes them. */
  readonly endings?: Readonly<Record<string, string>>;
  /** Rendering of an apostrophe between two Cyrillic letters. */
  readonly apostrophe: string;
}

function capitalize(s: string): string {
  return s === '' ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

/*
 * Hot path: a scheme is compiled once into arrays indexed by lowercase char code − 0x400, and the text is walked
 * by char codes. Only Cyrillic letters of CYRILLIC_LETTERS are ever looked up; everything else passes through.
 */
const BASE = 0x400;
const SIZE = 0x100;
const APOSTROPHE_CODE = APOSTROPHE.charCodeAt(0);
const SOFT_SIGN = 'ь'.charCodeAt(0);
const EL = 'л'.charCodeAt(0);

/** Lowercase char code of a known Cyrillic letter, or -1 for any other character. */
const LOWER_OF = new Int16Array(SIZE).fill(-1);
for (const ch of CYRILLIC_LETTERS) {
  LOWER_OF[ch.charCodeAt(0) - BASE] = ch.charCodeAt(0);
  LOWER_OF[ch.toUpperCase().charCodeAt(0) - BASE] = ch.charCodeAt(0);
}

function lowerCyrillic(code: number): number {
  const k = code - BASE;
  return k >= 0 && k < SIZE ? (LOWER_OF[k] ?? -1) : -1;
}

interface Compiled {
  readonly letters: (string | undefined)[];
  readonly iotJ: (string | undefined)[];
  readonly iotC: (string | undefined)[];
  readonly iotL: (string | undefined)[];
  readonly iotStart: (string | undefined)[];
  /** 1 where the j form follows; index SIZE is the apostrophe. */
  readonly jAfter: Uint8Array;
  readonly softPairs: (string | undefined)[];
  readonly softLBefore: Uint8Array | undefined;
  /** (first << 16 | second) code → ending */
  readonly endings: Map<number, string> | undefined;
}

function table(record: Readonly<Record<string, string>> | undefined): (string | undefined)[] {
  const out: (string | undefined)[] = new Array<string | undefined>(SIZE).fill(undefined);
  if (record !== undefined) for (const [k, v] of Object.entries(record)) out[k.charCodeAt(0) - BASE] = v;
  return out;
}

function flags(chars: string): Uint8Array {
  const out = new Uint8Array(SIZE + 1);
  for (const ch of chars) {
    const code = ch.charCodeAt(0);
    if (code === APOSTROPHE_CODE) out[SIZE] = 1;
    else if (code >= BASE && code < BASE + SIZE) out[code - BASE] = 1;
  }
  return out;
}

function compile(s: TableScheme): Compiled {
  const pick = (f: (forms: IotatedForms) => string | undefined): (string | undefined)[] => {
    const out: Record<string, string> = {};
    for (const [k, forms] of Object.entries(s.iotated)) {
      const v = f(forms);
      if (v !== undefined) out[k] = v;
    }
    return table(out);
  };
  let endings: Map<number, string> | undefined;
  if (s.endings !== undefined) {
    endings = new Map();
    for (const [k, v] of Object.entries(s.endings)) endings.set((k.charCodeAt(0) << 16) | k.charCodeAt(1), v);
  }
  return {
    letters: table(s.letters),
    iotJ: pick((f) => f.j),
    iotC: pick((f) => f.c),
    iotL: pick((f) => f.l),
    iotStart: pick((f) => f.start ?? f.j),
    jAfter: flags(s.jAfter),
    softPairs: table(s.softPairs),
    softLBefore: s.softL === undefined ? undefined : flags(s.softL.before),
    endings,
  };
}

const compiled = new WeakMap<TableScheme, Compiled>();

function compiledOf(s: TableScheme): Compiled {
  let c = compiled.get(s);
  if (c === undefined) {
    c = compile(s);
    compiled.set(s, c);
  }
  return c;
}

/** A character that continues a word: any letter, or an apostrophe between letters. */
function continuesWord(text: string, i: number): boolean {
  const ch = text.charAt(i);
  if (ch === '') return false;
  if (isApostrophe(ch)) return isLetter(text.charAt(i + 1)) && i > 0 && isLetter(text.charAt(i - 1));
  return isLetter(ch);
}

/** True when the word starting at `start` has at least two letters and no lowercase one (ЛОСІК). */
function wordIsAllCaps(text: string, start: number): boolean {
  let letters = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text.charAt(i);
    if (isApostrophe(ch)) continue;
    if (!isLetter(ch)) break;
    if (ch !== ch.toUpperCase()) return false;
    if (ch !== ch.toLowerCase()) letters++;
  }
  return letters >= 2;
}

/** Index into a flags array for a lowercase code (or the apostrophe); -1 for none. */
function flagIndex(code: number): number {
  if (code === APOSTROPHE_CODE) return SIZE;
  const k = code - BASE;
  return k >= 0 && k < SIZE ? k : -1;
}

function flagged(f: Uint8Array, code: number): boolean {
  const k = flagIndex(code);
  return k >= 0 && f[k] === 1;
}

/**
 * Transliterates `text` with scheme `s`. With `keepCase`, an uppercase letter gives a capitalized rendering
 * (Я → Ya), or an all-caps one inside an all-caps word (ЯН → YAN); without it the input is expected in
 * lowercase and nothing is cased (the fast path used for search keys).
 */
export function applyScheme(text: string, scheme: Scheme, keepCase: boolean): string {
  if ('render' in scheme) return scheme.render(text, keepCase);
  const s = scheme;
  const t = compiledOf(s);
  let out = '';
  let prev = -1; // lowercase code of the previous character of the current word; -1 at a word boundary
  let absorbSoftSign = false;
  let allCaps = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const lower = lowerCyrillic(code);
    if (lower < 0) {
      absorbSoftSign = false;
      const ch = text.charAt(i);
      if (isApostrophe(ch) && prev >= 0 && lowerCyrillic(prev) >= 0 && i + 1 < n && lowerCyrillic(text.charCodeAt(i + 1)) >= 0) {
        out += s.apostrophe;
        prev = APOSTROPHE_CODE;
        continue;
      }
      out += ch;
      prev = code < 0x80 ? ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? code | 0x20 : -1) : isLetter(ch) ? code : -1;
      continue;
    }
    if (keepCase && prev < 0) allCaps = wordIsAllCaps(text, i);
    const next = i + 1 < n ? lowerCyrillic(text.charCodeAt(i + 1)) : -1;
    const k = lower - BASE;
    let r: string | undefined;
    let skip = false;
    if (t.endings !== undefined && prev >= 0 && next >= 0) {
      const ending = t.endings.get((lower << 16) | next);
      if (ending !== undefined && !continuesWord(text, i + 2)) {
        r = ending;
        skip = true;
      }
    }
    if (r === undefined) {
      const iotC = t.iotC[k];
      if (iotC !== undefined) {
        if (prev < 0) r = t.iotStart[k];
        else if (prev === EL && t.iotL[k] !== undefined) r = t.iotL[k];
        else r = flagged(t.jAfter, prev) ? t.iotJ[k] : iotC;
      } else if (lower === EL && t.softLBefore !== undefined) {
        // a doubled л takes the softness of the second one (Наталля → Natalla)
        const after = next === EL ? (i + 2 < n ? lowerCyrillic(text.charCodeAt(i + 2)) : -1) : next;
        r = after >= 0 && flagged(t.softLBefore, after) ? s.softL?.soft : s.softL?.hard;
      } else if (lower === SOFT_SIGN && absorbSoftSign) {
        r = '';
      } else {
        const soft = next === SOFT_SIGN ? t.softPairs[k] : undefined;
        r = soft ?? t.letters[k] ?? String.fromCharCode(lower);
        absorbSoftSign = soft !== undefined;
        if (keepCase && code !== lower) r = allCaps ? r.toUpperCase() : capitalize(r);
        out += r;
        prev = lower;
        continue;
      }
    }
    absorbSoftSign = false;
    r ??= '';
    if (keepCase && code !== lower) r = allCaps ? r.toUpperCase() : capitalize(r);
    out += r;
    if (skip) {
      prev = next;
      i++;
    } else prev = lower;
  }
  return out;
}
