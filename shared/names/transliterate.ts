import { BELARUSIAN_SCHEMES } from './belarusian';
import { fixHomoglyphsInText, isCyrillicCode } from './chars';
import { detectScript, normalizeName } from './normalize';
import { RUSSIAN_SCHEMES } from './russian';
import { applyScheme, type Scheme } from './scheme';
import type { CyrillicLanguage, Transliteration, TransliterationSystem } from './types';

const BOTH_SCHEMES: readonly Scheme[] = [...BELARUSIAN_SCHEMES, ...RUSSIAN_SCHEMES];

/** Every covered system, Belarusian first, with its name and source. */
export const TRANSLITERATION_SYSTEMS: readonly { id: Scheme['id']; language: 'be' | 'ru'; name: string; source: string }[] =
  BOTH_SCHEMES.map(({ id, language, name, source }) => ({ id, language, name, source }));

export function schemesFor(language: CyrillicLanguage): readonly Scheme[] {
  return language === 'be' ? BELARUSIAN_SCHEMES : language === 'ru' ? RUSSIAN_SCHEMES : BOTH_SCHEMES;
}

const APOSTROPHE_CODES = new Set([0x27, 0x60, 0xb4, 0x2018, 0x2019, 0x201b, 0x2032, 0x02bb, 0x02bc, 0xff07]);

function isCyrillicLetterCode(code: number): boolean {
  return (code >= 0x400 && code <= 0x45f) || code === 0x490 || code === 0x491;
}

/** Markers found in a Cyrillic string: 1 = Belarusian (і ў, apostrophe inside a word), 2 = Russian (и щ ъ). */
export function languageMarkers(text: string): number {
  let found = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x456 || code === 0x406 || code === 0x45e || code === 0x40e) found |= 1;
    else if (code === 0x438 || code === 0x418 || code === 0x449 || code === 0x429 || code === 0x44a || code === 0x42a) found |= 2;
    else if (
      APOSTROPHE_CODES.has(code) &&
      i > 0 &&
      isCyrillicLetterCode(text.charCodeAt(i - 1)) &&
      isCyrillicLetterCode(text.charCodeAt(i + 1))
    )
      found |= 1;
  }
  return found;
}

export function languageOfMarkers(markers: number): CyrillicLanguage {
  return markers === 1 ? 'be' : markers === 2 ? 'ru' : 'both';
}

/**
 * Belarusian or Russian: і, ў and a word-internal apostrophe mark Belarusian; и, щ, ъ mark Russian; a text with
 * neither (Лосик, Рабкова) or both (Бяляцкі / Беляцкий) is 'both'.
 */
export function detectCyrillicLanguage(text: string): CyrillicLanguage {
  return languageOfMarkers(languageMarkers(text));
}

function hasCyrillic(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isCyrillicCode(text.charCodeAt(i))) return true;
  return false;
}

/**
 * Every Latin rendering of `text` under each covered system, deduplicated (an entry names the first system, in
 * `TRANSLITERATION_SYSTEMS` order, that gives it). Belarusian systems are used when the text is Belarusian,
 * Russian ones when it is Russian, both when unsure. Text without Cyrillic letters returns itself, normalized,
 * as system 'latin'; text with no Latin or Cyrillic letter at all returns []. Latin look-alikes inside
 * Cyrillic words (Бяляцкi with a Latin i) are read as Cyrillic.
 */
export function transliterate(text: string): Transliteration[] {
  const normalized = normalizeName(text);
  if (normalized === '') return [];
  const script = detectScript(normalized);
  if (script === 'latin') return [{ system: 'latin', latin: normalized }];
  if (script === 'other') return [];
  const prepared = script === 'mixed' ? fixHomoglyphsInText(normalized) : normalized;
  if (!hasCyrillic(prepared)) return [{ system: 'latin', latin: prepared }];
  const out: Transliteration[] = [];
  for (const scheme of schemesFor(detectCyrillicLanguage(prepared))) {
    const latin = applyScheme(prepared, scheme, true);
    if (!out.some((t) => t.latin === latin)) out.push({ system: scheme.id, latin });
  }
  return out;
}

/**
 * `text` rendered under one given system, whatever its language (Belarusian tables also render и щ ъ, Russian
 * ones і ў ʼ). 'latin' returns the normalized text unchanged. Latin look-alikes in Cyrillic words are read as
 * Cyrillic, as in `transliterate`.
 */
export function transliterateAs(text: string, system: TransliterationSystem): string {
  const normalized = normalizeName(text);
  if (system === 'latin') return normalized;
  const scheme = BOTH_SCHEMES.find((s) => s.id === system);
  if (scheme === undefined) throw new RangeError(`Unknown transliteration system: ${String(system)}`);
  const prepared = detectScript(normalized) === 'mixed' ? fixHomoglyphsInText(normalized) : normalized;
  return applyScheme(prepared, scheme, true);
}
