/**
 * Russian Cyrillic → Latin, four systems, rendered by the iuliia library (https://iuliia.ru), whose schema
 * definitions carry the published tables and their own samples:
 *
 * ru-icao — ICAO Doc 9303 (Machine Readable Travel Documents, part 3), Russian international passports since
 *   2013: ё e, ж zh, й i, х kh, ц ts, щ shch, ъ ie, ь dropped, ю iu, я ia. Беляцкий → Beliatskii.
 * ru-gost-52535 — GOST R 52535.1-2006 (Russian passports 2010–2013): as ICAO but ц tc, ъ dropped.
 * ru-bgn-pcgn — BGN/PCGN romanization of Russian (1947): е ye at word start and after vowels, й, ъ, ь;
 *   ё yë / ë; й y; ъ ”; ь ’; ю yu; я ya. Беляцкий → Belyatskiy.
 * ru-press — the "English press" form, i.e. the Wikipedia romanization of Russian (WP:RUS): е ye after vowels
 *   and signs, ё yo, й y, signs dropped, final -ий/-ый → -y. Беляцкий → Belyatsky, Ильинский → Ilyinsky.
 *
 * What is added here, because iuliia covers Russian letters only: Belarusian і ў and the apostrophe, and
 * Ukrainian є ї ґ, are first written as the Russian letters these systems treat alike (і → и, ў → у, the
 * apostrophe → the sign that plays its part), so any Cyrillic text goes through. Two corrections to iuliia's
 * BGN/PCGN output: its ë is the Cyrillic letter ё (a Latin ë is written), and the optional middle dot
 * (Ty·ay·a) is not written, as in the Belarusian BGN/PCGN table.
 */
import { BGN_PCGN, GOST_52535, ICAO_DOC_9303, translate, WIKIPEDIA, type Schema } from 'iuliia';
import { APOSTROPHE } from './chars';
import type { LibraryScheme } from './scheme';

/** Letters outside Russian, as the Russian letter each system treats alike; `sign` stands in for the apostrophe. */
function preparer(sign: string): (text: string) => string {
  const table: Record<string, string> = { і: 'и', І: 'И', ў: 'у', Ў: 'У', ї: 'йи', Ї: 'Йи', є: 'е', Є: 'Е', ґ: 'г', Ґ: 'Г', [APOSTROPHE]: sign };
  const pattern = new RegExp(`[${Object.keys(table).join('')}]`, 'g');
  return (text) => text.replace(pattern, (ch) => table[ch] ?? ch);
}

/** A word as iuliia splits text (it renders word by word). */
const WORD = /[^\s,.:;?!()"']+/gu;
const LOWERCASE = /\p{Ll}/u;
const LETTERS = /\p{L}.*\p{L}/u;

/**
 * Renderings of lowercase words for search keys, which the same names ask for over and over; iuliia renders a
 * word in microseconds, twenty times the table engine. Emptied when the vault locks (`clearRenderings`).
 */
const renderings: Map<string, string>[] = [];
const RENDERINGS_LIMIT = 50_000;

export function clearRenderings(): void {
  for (const cache of renderings) cache.clear();
}

/** iuliia capitalizes the first letter of a rendering; a word in capitals stays in capitals (ЯН → YAN). */
function render(schema: Schema, prepare: (text: string) => string, fix: (latin: string) => string) {
  const cache = new Map<string, string>();
  renderings.push(cache);
  return (text: string, keepCase: boolean): string => {
    if (!keepCase) {
      const known = cache.get(text);
      if (known !== undefined) return known;
      const latin = fix(translate(prepare(text), schema));
      if (cache.size >= RENDERINGS_LIMIT) cache.clear();
      cache.set(text, latin);
      return latin;
    }
    const prepared = prepare(text);
    return fix(
      prepared.replace(WORD, (word) =>
        LETTERS.test(word) && !LOWERCASE.test(word) ? translate(word.toLowerCase(), schema).toUpperCase() : translate(word, schema),
      ),
    );
  };
}

const same = (latin: string) => latin;

export const ruIcao: LibraryScheme = {
  id: 'ru-icao',
  language: 'ru',
  name: 'ICAO Doc 9303 (Russian passports since 2013)',
  source: 'ICAO Doc 9303, Machine Readable Travel Documents, part 3 (Russian international passports since 2013), via iuliia',
  ch: 'ch',
  render: render(ICAO_DOC_9303, preparer(''), same),
};

export const ruGost52535: LibraryScheme = {
  id: 'ru-gost-52535',
  language: 'ru',
  name: 'GOST R 52535.1-2006 (Russian passports 2010–2013)',
  source: 'GOST R 52535.1-2006, Identification cards. Machine readable travel documents, annex A, via iuliia',
  ch: 'ch',
  render: render(GOST_52535, preparer(''), same),
};

export const ruBgnPcgn: LibraryScheme = {
  id: 'ru-bgn-pcgn',
  language: 'ru',
  name: 'BGN/PCGN romanization of Russian (1947)',
  source: 'US Board on Geographic Names / UK Permanent Committee on Geographical Names, 1947, via iuliia',
  ch: 'ch',
  render: render(BGN_PCGN, preparer('ъ'), (latin) => latin.replace(/ё/g, 'ë').replace(/Ё/g, 'Ë').replace(/·/g, '')),
};

export const ruPress: LibraryScheme = {
  id: 'ru-press',
  language: 'ru',
  name: 'English press / Wikipedia romanization of Russian',
  source: 'Wikipedia:Romanization of Russian (WP:RUS), iuliia "wikipedia"',
  ch: 'ch',
  render: render(WIKIPEDIA, preparer('ь'), same),
};

/** In the order `transliterate` lists them. */
export const RUSSIAN_SCHEMES: readonly LibraryScheme[] = [ruIcao, ruPress, ruBgnPcgn, ruGost52535];
