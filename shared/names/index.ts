/**
 * Names in Belarusian Cyrillic, Russian Cyrillic and their many Latin spellings: normalization,
 * transliteration under the official and common systems, and search keys that let a name typed one way be
 * found when searched another way. Pure functions, no I/O; safe in the renderer and in Node.
 */
export { APOSTROPHE } from './chars';
export { normalizeName, detectScript } from './normalize';
export { transliterate, transliterateAs, detectCyrillicLanguage, TRANSLITERATION_SYSTEMS } from './transliterate';
export { foldLatin, skeleton } from './fold';
export { nameKeys } from './keys';
export { clearRenderings } from './russian';
export type {
  BelarusianSystem,
  CyrillicLanguage,
  NameKeys,
  RussianSystem,
  Script,
  Transliteration,
  TransliterationSystem,
} from './types';
