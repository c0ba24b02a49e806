/**
 * Belarusian Cyrillic → Latin, four systems, written from their published tables. Every table also
 * renders the Russian-only letters (и щ ъ) and Ukrainian є ї ґ, so any Cyrillic text goes through.
 *
 * be-national — "Instruction on transliteration of geographical names of the Republic of Belarus with letters
 *   of the Latin alphabet" (State Committee on Land Resources, Geodesy and Cartography, 23 Nov 2000 No. 15;
 *   amended by State Property Committee resolution 11 Jun 2007 No. 38; adopted by UNGEGN, 2007/2013). Łacinka-
 *   based: г h, х ch, ч č, ш š, ж ž, ц c, ў ŭ, й j; е ё ю я → je jo ju ja at word start, after vowels, ь, ў
 *   and the apostrophe, ie io iu ia after consonants; з л н с ц + ь → ź ĺ ń ś ć (so дзь → dź); other ь and the
 *   apostrophe are dropped. Checked against the Instruction's examples (Гомель → Homieĺ, Іўе → Iŭje,
 *   Вераб'ёвічы → Vierabjovičy, Магілёў → Mahilioŭ, Хоцімск → Chocimsk …).
 *   The 2023 Instruction (State Property Committee resolution 24 Mar 2023 No. 19) replaced č š ŭ ž h with
 *   ch sh w zh g; it is not produced as a separate system, but its spellings fold to the same keys.
 *
 * be-bgn-pcgn — BGN/PCGN romanization of Belarusian (1979): г h, е ye, ё yo, й y, ў w, х kh, ц ts,
 *   ю yu, я ya, ь ’, apostrophe ”. The optional middle dot (z·h, t·s …) is not written.
 *
 * be-passport — the practice of Belarusian passports and of the press that follows them (Bialiatski,
 *   Tsikhanouskaya, Kalesnikava, Maryia, Siarhei, Dzmitry, Yauhen): г h, ж zh, х kh, ц ts, ч ch, ш sh, ў u,
 *   й i, ь and apostrophe dropped; е → e after consonants, ye elsewhere; ё ю я → io iu ia after consonants
 *   (and я after ы: Марыя → Maryia), yo yu ya at word start and after other vowels, ь, ў, apostrophe;
 *   final -ый → -y, -ій → -i. This is observed practice (MVD Instruction of 9 Oct 2008 No. 288 as applied),
 *   not a published table, and individual documents deviate.
 *
 * be-lacinka — Belarusian Łacinka as used today (Naša Niva, ARCHE): like be-national, but л is ł except before
 *   е ё і ю я ь, where it is l and the vowel loses its i (ля → la, ле → le, ль → l); і after a vowel or
 *   apostrophe is ji. Assimilative softness of the Taraškievica spelling (сьнег → śnieh) is not reconstructed.
 */
import type { Scheme } from './scheme';

const VOWELS = 'аеёиіоуыэюяєї';

/** Letters that are the same in all four systems. */
const COMMON: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', ґ: 'g', д: 'd', з: 'z', и: 'i', і: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', ы: 'y', э: 'e',
};

export const beNational: Scheme = {
  id: 'be-national',
  language: 'be',
  name: 'Belarusian national system (Instruction on transliteration, 2000/2007)',
  source: 'State Committee on Land Resources, Geodesy and Cartography, 23.11.2000 No. 15, amended 11.06.2007 No. 38',
  letters: { ...COMMON, г: 'h', ж: 'ž', й: 'j', ў: 'ŭ', х: 'ch', ц: 'c', ч: 'č', ш: 'š', щ: 'šč', ъ: '', ь: '', ї: 'ji' },
  iotated: {
    е: { j: 'je', c: 'ie' },
    ё: { j: 'jo', c: 'io' },
    ю: { j: 'ju', c: 'iu' },
    я: { j: 'ja', c: 'ia' },
    є: { j: 'je', c: 'ie' },
  },
  jAfter: VOWELS + 'ьъўй\u02BC',
  softPairs: { з: 'ź', л: 'ĺ', н: 'ń', с: 'ś', ц: 'ć' },
  apostrophe: '',
  ch: 'kh',
};

export const beBgnPcgn: Scheme = {
  id: 'be-bgn-pcgn',
  language: 'be',
  name: 'BGN/PCGN romanization of Belarusian (1979)',
  source: 'US Board on Geographic Names / UK Permanent Committee on Geographical Names, 1979',
  letters: {
    ...COMMON, г: 'h', ж: 'zh', й: 'y', ў: 'w', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '”', ь: '’',
    е: 'ye', ё: 'yo', ю: 'yu', я: 'ya', є: 'ye', ї: 'yi',
  },
  iotated: {},
  jAfter: '',
  apostrophe: '”',
  ch: 'ch',
};

export const bePassport: Scheme = {
  id: 'be-passport',
  language: 'be',
  name: 'Belarusian passport practice',
  source: 'Practice of Belarusian passports and the press (MVD Instruction 09.10.2008 No. 288 as applied)',
  letters: { ...COMMON, г: 'h', ж: 'zh', й: 'i', ў: 'u', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ь: '', ї: 'yi' },
  iotated: {
    е: { j: 'ye', c: 'e' },
    ё: { j: 'yo', c: 'io' },
    ю: { j: 'yu', c: 'iu' },
    я: { j: 'ya', c: 'ia' },
    є: { j: 'ye', c: 'ie' },
  },
  jAfter: 'аеёиіоуэюяєїьъў\u02BC',
  endings: { ый: 'y', ій: 'i', ий: 'i' },
  apostrophe: '',
  ch: 'ch',
};

export const beLacinka: Scheme = {
  id: 'be-lacinka',
  language: 'be',
  name: 'Belarusian Łacinka',
  source: 'Belarusian Latin alphabet (Łacinka), modern usage (Naša Niva, ARCHE)',
  letters: { ...COMMON, г: 'h', ж: 'ž', й: 'j', ў: 'ŭ', х: 'ch', ц: 'c', ч: 'č', ш: 'š', щ: 'šč', ъ: '', ь: '', ї: 'ji' },
  iotated: {
    е: { j: 'je', c: 'ie', l: 'e' },
    ё: { j: 'jo', c: 'io', l: 'o' },
    ю: { j: 'ju', c: 'iu', l: 'u' },
    я: { j: 'ja', c: 'ia', l: 'a' },
    є: { j: 'je', c: 'ie', l: 'e' },
    і: { j: 'ji', c: 'i', l: 'i', start: 'i' },
  },
  jAfter: VOWELS + 'ьъўй\u02BC',
  softPairs: { з: 'ź', н: 'ń', с: 'ś', ц: 'ć' },
  softL: { soft: 'l', hard: 'ł', before: 'еёіюяьєїи' },
  apostrophe: '',
  ch: 'kh',
};

/** In the order `transliterate` lists them: the most common spelling first. */
export const BELARUSIAN_SCHEMES: readonly Scheme[] = [bePassport, beNational, beBgnPcgn, beLacinka];
