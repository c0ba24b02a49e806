/**
 * Russian Cyrillic → Latin, four systems, written from their published tables (cross-checked against the
 * samples of the iuliia project, https://iuliia.ru). Every table also renders Belarusian і ў and the apostrophe
 * and Ukrainian є ї ґ, so any Cyrillic text goes through.
 *
 * ru-icao — ICAO Doc 9303 (Machine Readable Travel Documents, part 3, transliteration table), adopted for Russian
 *   international passports in 2013 ("passport 2013"): ё e, ж zh, й i, х kh, ц ts, щ shch,
 *   ъ ie, ь dropped, ю iu, я ia; Belarusian ў u, Ukrainian є ie, ї i. Беляцкий → Beliatskii.
 *
 * ru-gost-52535 — GOST R 52535.1-2006 (ID cards; Russian passports 2010–2013): as ICAO but ц tc, ъ dropped.
 *
 * ru-bgn-pcgn — BGN/PCGN romanization of Russian (1947): е ye at word start and after vowels, й, ъ, ь
 *   (e elsewhere), ё yë / ë likewise, й y, ъ ”, ь ’, ю yu, я ya. The optional middle dot is not written.
 *   Беляцкий → Belyatskiy.
 *
 * ru-press — the "English press" form, i.e. the Wikipedia romanization of Russian (WP:RUS): BGN/PCGN without
 *   diacritics or primes — е ye after vowels and signs, ё yo, й y, ь/ъ dropped (y before а и о у ы э),
 *   final -ий/-ый → -y. Беляцкий → Belyatsky, Ильинский → Ilyinsky.
 */
import type { Scheme } from './scheme';

const COMMON: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', ж: 'zh', з: 'z', и: 'i', і: 'i', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ч: 'ch', ш: 'sh', щ: 'shch', ы: 'y', э: 'e',
};

export const ruIcao: Scheme = {
  id: 'ru-icao',
  language: 'ru',
  name: 'ICAO Doc 9303 (Russian passports since 2013)',
  source: 'ICAO Doc 9303, Machine Readable Travel Documents, part 3 (Russian international passports since 2013)',
  letters: { ...COMMON, е: 'e', ё: 'e', й: 'i', ц: 'ts', ъ: 'ie', ь: '', ю: 'iu', я: 'ia', ў: 'u', є: 'ie', ї: 'i' },
  iotated: {},
  jAfter: '',
  apostrophe: '',
  ch: 'ch',
};

export const ruGost52535: Scheme = {
  id: 'ru-gost-52535',
  language: 'ru',
  name: 'GOST R 52535.1-2006 (Russian passports 2010–2013)',
  source: 'GOST R 52535.1-2006, Identification cards. Machine readable travel documents, annex A',
  letters: { ...COMMON, е: 'e', ё: 'e', й: 'i', ц: 'tc', ъ: '', ь: '', ю: 'iu', я: 'ia', ў: 'u', є: 'ie', ї: 'i' },
  iotated: {},
  jAfter: '',
  apostrophe: '',
  ch: 'ch',
};

export const ruBgnPcgn: Scheme = {
  id: 'ru-bgn-pcgn',
  language: 'ru',
  name: 'BGN/PCGN romanization of Russian (1947)',
  source: 'US Board on Geographic Names / UK Permanent Committee on Geographical Names, 1947',
  letters: { ...COMMON, й: 'y', ц: 'ts', ъ: '”', ь: '’', ю: 'yu', я: 'ya', ў: 'w', є: 'ye', ї: 'yi' },
  iotated: {
    е: { j: 'ye', c: 'e' },
    ё: { j: 'yë', c: 'ë' },
  },
  jAfter: 'аеёиоуыэюяйъьіїєў\u02BC',
  apostrophe: '”',
  ch: 'ch',
};

export const ruPress: Scheme = {
  id: 'ru-press',
  language: 'ru',
  name: 'English press / Wikipedia romanization of Russian',
  source: 'Wikipedia:Romanization of Russian (WP:RUS), as tabulated by iuliia "wikipedia"',
  letters: { ...COMMON, ё: 'yo', й: 'y', ц: 'ts', ъ: '', ь: '', ю: 'yu', я: 'ya', ў: 'u', є: 'ye', ї: 'yi' },
  iotated: {
    е: { j: 'ye', c: 'e' },
  },
  jAfter: 'аиоуэюяьъіїє\u02BC',
  signs: { before: 'аиоуыэ', out: 'y' },
  endings: { ий: 'y', ый: 'y' },
  apostrophe: '',
  ch: 'ch',
};

/** In the order `transliterate` lists them. */
export const RUSSIAN_SCHEMES: readonly Scheme[] = [ruIcao, ruPress, ruBgnPcgn, ruGost52535];
