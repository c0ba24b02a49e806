import { fixHomoglyphs, isApostrophe, isWordChar } from './chars';
import { foldReadings, foldWith, skeletonOfFolded } from './fold';
import { applyScheme } from './scheme';
import { languageMarkers, languageOfMarkers, schemesFor } from './transliterate';
import type { NameKeys } from './types';

/**
 * Splits text into words: runs of letters, combining marks, digits and word-internal apostrophes. Hyphens,
 * spaces and punctuation separate words. Words of fewer than two characters (apostrophes not counted) are left out.
 */
function words(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let start = -1;
  let chars = 0;
  for (let i = 0; i <= n; i++) {
    let inWord = false;
    let width = 1;
    if (i < n) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
        width = 2;
        inWord = isWordChar(text.slice(i, i + 2));
      } else {
        const ch = text.charAt(i);
        inWord = isWordChar(ch) || (start >= 0 && isApostrophe(ch));
      }
    }
    if (inWord) {
      if (start < 0) {
        start = i;
        chars = 0;
      }
      if (!isApostrophe(text.charAt(i))) chars++;
      i += width - 1;
      continue;
    }
    if (start >= 0) {
      let end = i;
      while (end > start && isApostrophe(text.charAt(end - 1))) end--;
      if (chars >= 2) out.push(text.slice(start, end));
      start = -1;
    }
  }
  return out;
}

/** 1 = has a Cyrillic letter, 2 = has a Latin letter (bit set). */
function scripts(word: string): number {
  let found = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x41) continue;
    if (code >= 0x400 && code <= 0x52f) found |= 1;
    else if (code <= 0x7a || (code >= 0xc0 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff)) {
      if (code >= 0x61 || code <= 0x5a || code >= 0xc0) found |= 2;
    }
  }
  return found;
}

function hasKnownCyrillic(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if ((code >= 0x400 && code <= 0x45f) || code === 0x490 || code === 0x491) return true;
  }
  return false;
}

/**
 * Search keys of a free text (a name, a title, a note). For each word of two or more characters:
 * a Cyrillic word is transliterated under every system of its language (by its own і ў ʼ / и щ ъ markers, else
 * those of the whole text, else both languages) and each rendering is folded; a Latin word is folded (both
 * readings of an ambiguous "ch"); digits are kept. `folded` holds the distinct keys, `skeletons` their distinct
 * consonant skeletons, all `[a-z0-9]+`, in order of first appearance.
 */
export function nameKeys(text: string): NameKeys {
  const list = words(text.normalize('NFC'));
  const folded = new Set<string>();
  const skeletons = new Set<string>();
  const add = (key: string): void => {
    if (key === '' || folded.has(key)) return;
    folded.add(key);
    const skel = skeletonOfFolded(key);
    if (skel !== '') skeletons.add(skel);
  };

  let textMarkers = -1; // computed on first need
  for (let w = 0; w < list.length; w++) {
    let word = list[w]!;
    const found = scripts(word);
    if (found === 3) word = fixHomoglyphs(word);
    if (found === 2 || !hasKnownCyrillic(word)) {
      for (const key of foldReadings(word)) add(key);
      continue;
    }
    let markers = languageMarkers(word);
    if (markers === 0) {
      if (textMarkers < 0) {
        textMarkers = 0;
        for (const other of list) textMarkers |= languageMarkers(scripts(other) === 3 ? fixHomoglyphs(other) : other);
      }
      markers = textMarkers;
    }
    const lower = word.toLowerCase();
    for (const scheme of schemesFor(languageOfMarkers(markers))) {
      add(foldWith(applyScheme(lower, scheme, false), scheme.ch));
    }
  }
  return { folded: [...folded], skeletons: [...skeletons] };
}
