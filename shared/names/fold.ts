/**
 * Folding of Latin spellings of East Slavic names to one comparable key, and consonant skeletons.
 *
 * foldLatin lowercases, strips diacritics (ł→l, š→s, ž→z, č→c, ć→c, ń→n, ś→s, ź→z, ŭ→w …) and drops
 * everything but [a-z0-9], then rewrites the spelling so that the renderings of one Cyrillic spelling under
 * every system collide, and so do the Belarusian and Russian spellings of a name where they differ only by
 * the usual vowel reduction:
 *
 *  - consonants: kh ch(х)→h; g→h (Belarusian г is h, Hleb/Gleb); ch(ч) cz tsch tch→c; ts tz tc c→c;
 *    sh sz→s; zh→z; shch sch szcz→sc; dz dzh→d (Belarusian дз/дзь ↔ Russian д: Dzmitry/Dmitry); x→ks; q→k;
 *    w→v; ph→f; gh→h; doubled letters → one.
 *  - "ch" is х in the Czech/Polish-style systems (national, Łacinka, Polish) and ч in English-style ones: it is
 *    read as х when the word shows such a system (a Slavic diacritic, cz/sz, or a lone c as in Cichanouski),
 *    as ч otherwise. nameKeys adds the other reading for Latin words without diacritics.
 *  - iotation: a run of i/y/j before a vowel after a consonant only marks softness and is dropped, and the soft
 *    vowel is folded: ia ya ja ie ye je io yo jo ë → e, iu yu ju → u (Bialiatski Byalyatski Beliatskii
 *    Belyatsky → belecki; Maryia Mariya Mariia Maria → mare). At word start and after a vowel, ya/ia/ja → ja,
 *    yu/iu/ju → ju, ye/ie/je/yo/io/jo → e (Yelena/Elena, -aya/-aia/-aja).
 *  - elsewhere i, y, j, and runs of them, are the vowel i: -iy -ii -yi -ij -y -yy → -i (Belyatskiy/-sky/-ski).
 *  - o → a (akanye: Kalesnikava/Kolesnikova, Lukashenka/Lukashenko); u after a vowel and before a consonant or
 *    the end is ў and folds with v/w (-ouski -owski -ovsky → -avski, -au/-ou/-ov → -av).
 *
 * The result is a fixed point: the rewrite is repeated until it no longer changes (rarely more than twice),
 * so foldLatin(foldLatin(x)) === foldLatin(x).
 */

const ASCII_OF: Record<string, string> = Object.create(null) as Record<string, string>;
const COMBINING_RE = /[\u0300-\u036f]/g;
const ASCII_LETTERS_RE = /^[a-z]+$/;
for (let code = 0xc0; code <= 0x24f; code++) addAsciiOf(String.fromCharCode(code));
for (let code = 0x1e00; code <= 0x1eff; code++) addAsciiOf(String.fromCharCode(code));
function addAsciiOf(ch: string): void {
  const base = ch.normalize('NFD').replace(COMBINING_RE, '').toLowerCase();
  if (ASCII_LETTERS_RE.test(base)) ASCII_OF[ch] = base;
}
Object.assign(ASCII_OF, {
  ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ø: 'o', Ø: 'o', ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe',
  þ: 'th', Þ: 'th', ð: 'd', Ð: 'd', ı: 'i', ŀ: 'l', Ŀ: 'l', ħ: 'h', Ħ: 'h', ŧ: 't', Ŧ: 't', ĸ: 'k', ſ: 's',
  ŋ: 'n', Ŋ: 'n', ŭ: 'w', Ŭ: 'w', ª: 'a', º: 'o',
});

/** Diacritic letters of the Czech/Polish-style systems (Belarusian national, Łacinka, Polish, Czech …). */
const SLAVIC_MARKS = 'čćšśžźżńłŭĺľďťňřěŕČĆŠŚŽŹŻŃŁŬĹĽĎŤŇŘĚŔ';

/** Set by `toAscii`: whether the word it converted has a Slavic diacritic. */
let lastHadSlavicMark = false;

/** Lowercase [a-z0-9] of a word: diacritics stripped, everything else dropped. */
function toAscii(word: string): string {
  let out = '';
  let mark = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x61 && code <= 0x7a) out += word.charAt(i);
      else if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 32);
      else if (code >= 0x30 && code <= 0x39) out += word.charAt(i);
      continue;
    }
    const ch = word.charAt(i);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 0x30);
    else if (code >= 0xff21 && code <= 0xff3a) out += String.fromCharCode(code - 0xff21 + 0x61);
    else if (code >= 0xff41 && code <= 0xff5a) out += String.fromCharCode(code - 0xff41 + 0x61);
    else {
      const ascii = ASCII_OF[ch];
      if (ascii === undefined) continue;
      out += ascii;
      if (SLAVIC_MARKS.includes(ch)) mark = true;
    }
  }
  lastHadSlavicMark = mark;
  return out;
}

/** Whether "ch" reads as х: the word shows a Czech/Polish-style spelling. */
function readsChAsKh(a: string, slavicMark: boolean): boolean {
  if (slavicMark) return true;
  let at = a.indexOf('c');
  while (at >= 0) {
    const next = a.charAt(at + 1);
    if (next !== 'h') return true; // a lone c (ц) or cz
    at = a.indexOf('c', at + 1);
  }
  return a.includes('sz');
}

function isVowelOut(c: string): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'u';
}

/** A consonant letter has been emitted last (not a vowel, the glide j, a digit or nothing). */
function isConsonantOut(c: string): boolean {
  return c !== '' && c !== 'j' && !isVowelOut(c) && (c < '0' || c > '9');
}

function isGlide(c: string): boolean {
  return c === 'i' || c === 'y' || c === 'j';
}

function isVowelIn(c: string): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y' || c === 'j';
}

/** One rewrite of an [a-z0-9] string; `kh` tells how to read "ch". */
function rewrite(a: string, kh: boolean): string {
  let out = '';
  let last = '';
  const n = a.length;
  let i = 0;
  while (i < n) {
    const c = a.charAt(i);
    let emit = '';
    let emit2 = '';
    let step = 1;
    if (c >= '0' && c <= '9') {
      out += c;
      last = c;
      i++;
      continue;
    }
    if (isGlide(c)) {
      let k = i + 1;
      while (k < n && isGlide(a.charAt(k))) k++;
      const v = a.charAt(k);
      if (v === 'a' || v === 'e' || v === 'o' || v === 'u') {
        if (isConsonantOut(last)) emit = v === 'u' ? 'u' : 'e';
        else if (v === 'a' || v === 'u') {
          emit = 'j';
          emit2 = v;
        } else emit = 'e';
        step = k + 1 - i;
      } else {
        emit = 'i';
        step = k - i;
      }
    } else {
      const c1 = a.charAt(i + 1);
      const c2 = a.charAt(i + 2);
      const c3 = a.charAt(i + 3);
      switch (c) {
        case 'a':
        case 'o':
          emit = 'a';
          break;
        case 'e':
          emit = 'e';
          break;
        case 'u':
          emit = isVowelOut(last) && !isVowelIn(c1) ? 'v' : 'u';
          break;
        case 's':
          if ((c1 === 'h' && c2 === 'c' && c3 === 'h') || (c1 === 'z' && c2 === 'c' && c3 === 'z')) {
            emit = 's';
            emit2 = 'c';
            step = 4;
          } else if (c1 === 'c' && c2 === 'h') {
            emit = 's';
            emit2 = kh ? 'h' : 'c';
            step = 3;
          } else {
            emit = 's';
            if (c1 === 'h' || c1 === 'z') step = 2;
          }
          break;
        case 't':
          if (!kh && c1 === 's' && c2 === 'c' && c3 === 'h') {
            emit = 'c';
            step = 4;
          } else if (!kh && c1 === 'c' && c2 === 'h') {
            emit = 'c';
            step = 3;
          } else if (c1 === 's' || c1 === 'z' || c1 === 'c') {
            emit = 'c';
            step = 2;
          } else emit = 't';
          break;
        case 'c':
          if (c1 === 'h') {
            emit = kh ? 'h' : 'c';
            step = 2;
          } else {
            emit = 'c';
            if (c1 === 'z') step = 2;
          }
          break;
        case 'k':
          if (c1 === 'h') {
            emit = 'h';
            step = 2;
          } else emit = 'k';
          break;
        case 'z':
          emit = 'z';
          if (c1 === 'h') step = 2;
          break;
        case 'd':
          emit = 'd';
          if (c1 === 'z') step = c2 === 'h' ? 3 : 2;
          break;
        case 'p':
          if (c1 === 'h') {
            emit = 'f';
            step = 2;
          } else emit = 'p';
          break;
        case 'g':
          emit = 'h';
          if (c1 === 'h') step = 2;
          break;
        case 'x':
          emit = 'k';
          emit2 = 's';
          break;
        case 'q':
          emit = 'k';
          break;
        case 'w':
          emit = 'v';
          break;
        default:
          emit = c;
      }
    }
    if (emit !== last) {
      out += emit;
      last = emit;
    }
    if (emit2 !== '' && emit2 !== last) {
      out += emit2;
      last = emit2;
    }
    i += step;
  }
  return out;
}

/** Repeats the rewrite (reading "ch" by what the string shows) until nothing changes. */
function settle(s: string): string {
  let current = s;
  for (let round = 0; round < 8; round++) {
    const next = rewrite(current, readsChAsKh(current, false));
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * Folds a Latin spelling that came from a transliteration whose reading of "ch" is known
 * ('kh' = х, 'ch' = ч), or 'auto' to guess it from the word.
 */
export function foldWith(latin: string, ch: 'ch' | 'kh' | 'auto'): string {
  const ascii = toAscii(latin);
  if (ascii === '') return '';
  const kh = ch === 'auto' ? readsChAsKh(ascii, lastHadSlavicMark) : ch === 'kh';
  return settle(rewrite(ascii, kh));
}

/**
 * Both readings of a Latin word whose "ch" is ambiguous (no Slavic diacritic tells х from ч), else one.
 * Used by nameKeys; returns the 'auto' reading first.
 */
export function foldReadings(latin: string): readonly string[] {
  const ascii = toAscii(latin);
  if (ascii === '') return [];
  const mark = lastHadSlavicMark;
  const kh = readsChAsKh(ascii, mark);
  const first = settle(rewrite(ascii, kh));
  if (mark || !ascii.includes('ch')) return [first];
  const second = settle(rewrite(ascii, !kh));
  return second === first || second === '' ? [first] : [first, second];
}

/**
 * Lowercase ASCII key of one Latin word (see the header of this file for the folds). Characters other than
 * Latin letters and digits are dropped, so a Cyrillic word folds to '' (use `nameKeys`, which transliterates).
 */
export function foldLatin(word: string): string {
  return foldWith(word.normalize('NFC'), 'auto');
}

/** Consonant classes of the skeleton: voicing and the Belarusian/Russian alternations merged. */
const SKELETON_CLASS: Record<string, string> = {
  b: 'b', p: 'b', v: 'v', f: 'v', h: 'k', k: 'k', d: 't', t: 't', c: 't', s: 's', z: 's',
  l: 'l', m: 'm', n: 'n', r: 'r',
};

/** Skeleton of an already folded key. */
export function skeletonOfFolded(folded: string): string {
  if (folded === '') return '';
  const first = folded.charAt(0);
  let out: string;
  let lastClass: string;
  if (first === 'a' || first === 'e') {
    out = 'a';
    lastClass = '';
  } else if (first === 'i' || first === 'u' || first === 'j' || (first >= '0' && first <= '9')) {
    out = first;
    lastClass = '';
  } else {
    lastClass = SKELETON_CLASS[first] ?? first;
    out = lastClass;
  }
  for (let i = 1; i < folded.length; i++) {
    const c = folded.charAt(i);
    if (c >= '0' && c <= '9') {
      out += c;
      lastClass = '';
      continue;
    }
    const cls = SKELETON_CLASS[c];
    if (cls === undefined) {
      lastClass = ''; // a vowel or the glide j separates consonants
      continue;
    }
    if (cls !== lastClass) out += cls;
    lastClass = cls;
  }
  return out;
}

/**
 * Consonant skeleton for blocking and fuzzy search: the word is folded, vowels after the first letter are
 * dropped (a first vowel is kept as a, i or u), and similar consonants merge — b/p, v/f, k/h(g), t/d/c (Belarusian
 * ць ↔ Russian ть: Tsikhanouski/Tikhanovsky), s/z — with adjacent repeats collapsed.
 */
export function skeleton(word: string): string {
  return skeletonOfFolded(foldLatin(word));
}
