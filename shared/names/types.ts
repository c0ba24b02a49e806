/** Which writing system the letters of a text belong to (see `detectScript`). */
export type Script = 'cyrillic' | 'latin' | 'mixed' | 'other';

/** Which East Slavic orthography a Cyrillic text is written in; 'both' when nothing tells them apart. */
export type CyrillicLanguage = 'be' | 'ru' | 'both';

export type BelarusianSystem = 'be-passport' | 'be-national' | 'be-bgn-pcgn' | 'be-lacinka';
export type RussianSystem = 'ru-icao' | 'ru-press' | 'ru-bgn-pcgn' | 'ru-gost-52535';

/** 'latin' marks text that was already Latin and is returned as typed (normalized). */
export type TransliterationSystem = 'latin' | BelarusianSystem | RussianSystem;

export interface Transliteration {
  readonly system: TransliterationSystem;
  readonly latin: string;
}

export interface NameKeys {
  /** Folded Latin keys (`[a-z0-9]+`), one or more per word, deduplicated over the whole text. */
  readonly folded: string[];
  /** Consonant skeletons of the folded keys, deduplicated. */
  readonly skeletons: string[];
}
