import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APOSTROPHE,
  detectCyrillicLanguage,
  detectScript,
  foldLatin,
  nameKeys,
  normalizeName,
  skeleton,
  TRANSLITERATION_SYSTEMS,
  transliterate,
  transliterateAs,
  type TransliterationSystem,
} from '../../shared/names';

const KEY = /^[a-z0-9]+$/;

function sharesFolded(a: string, b: string): boolean {
  const kb = new Set(nameKeys(b).folded);
  return nameKeys(a).folded.some((k) => kb.has(k));
}

function sharesSkeleton(a: string, b: string): boolean {
  const kb = new Set(nameKeys(b).skeletons);
  return nameKeys(a).skeletons.some((k) => kb.has(k));
}

function pairs<T>(items: readonly T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) out.push([items[i]!, items[j]!]);
  return out;
}

describe('normalizeName', () => {
  it.each([
    ['  Алесь   Бяляцкі  ', 'Алесь Бяляцкі'],
    ['Алесь\u00A0\tБяляцкі\n', 'Алесь Бяляцкі'],
    ["Вераб'ёў", 'Верабʼёў'],
    ['Вераб’ёў', 'Верабʼёў'],
    ['Вераб`ёў', 'Верабʼёў'],
    ['Вераб‘ёў', 'Верабʼёў'],
    ['Верабʼёў', 'Верабʼёў'],
    ['Дар´я', 'Дарʼя'],
    ['Рымскі — Корсакаў', 'Рымскі - Корсакаў'],
    ['Кароль\u2011Мікалаеўская', 'Кароль-Мікалаеўская'],
    ['Сяр\u00ADгей\u200B Лосік', 'Сяргей Лосік'],
    ['ЛОСІК igar', 'ЛОСІК igar'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('composes NFD input (й ё ў і built from combining marks)', () => {
    const nfd = 'Ціханоўскі Сямён Андрэй'.normalize('NFD');
    expect(nfd).not.toBe('Ціханоўскі Сямён Андрэй');
    expect(normalizeName(nfd)).toBe('Ціханоўскі Сямён Андрэй');
    expect(APOSTROPHE).toBe('\u02BC');
  });
});

describe('detectScript', () => {
  it.each([
    ['Бяляцкі', 'cyrillic'],
    ['Верабʼёў', 'cyrillic'],
    ['Bialiatski', 'latin'],
    ['Cichanoŭski', 'latin'],
    ['Бяляцкi', 'mixed'], // Latin i typed inside a Cyrillic word
    ['Ales Бяляцкі', 'mixed'],
    ['', 'other'],
    ['123 — 45', 'other'],
    ['Αλέξανδρος', 'other'],
  ])('%j is %s', (input, script) => {
    expect(detectScript(input)).toBe(script);
  });
});

describe('transliterateAs: each system against its published table', () => {
  const cases: [TransliterationSystem, string, string][] = [
    // Belarusian national system — examples of the Instruction (2000/2007)
    ['be-national', 'Бяляцкі', 'Bialiacki'],
    ['be-national', 'Ціханоўскі', 'Cichanoŭski'],
    ['be-national', 'Гомель', 'Homieĺ'],
    ['be-national', 'Іўе', 'Iŭje'],
    ["be-national", "Вераб'ёвічы", 'Vierabjovičy'],
    ['be-national', 'Магілёў', 'Mahilioŭ'],
    ['be-national', 'Хоцімск', 'Chocimsk'],
    ['be-national', 'Любань', 'Liubań'],
    ['be-national', 'Цёмны Лес', 'Ciomny Lies'],
    ["be-national", "Валяр'яны", 'Valiarjany'],
    ['be-national', 'Баяры', 'Bajary'],
    ['be-national', 'Беларусь', 'Bielaruś'],
    ['be-national', 'Шаркаўшчына', 'Šarkaŭščyna'],
    ['be-national', 'Жодзішкі', 'Žodziški'],
    // BGN/PCGN 1979 — examples of the BGN/PCGN table
    ['be-bgn-pcgn', 'Бяляцкі', 'Byalyatski'],
    ['be-bgn-pcgn', 'Ціханоўскі', 'Tsikhanowski'],
    ['be-bgn-pcgn', 'Гомель', 'Homyel’'],
    ['be-bgn-pcgn', 'Віцебск', 'Vitsyebsk'],
    ['be-bgn-pcgn', 'Магілёў', 'Mahilyow'],
    ['be-bgn-pcgn', 'Іўе', 'Iwye'],
    ['be-bgn-pcgn', 'з’езд', 'z”yezd'],
    ['be-bgn-pcgn', 'Дзям’янаўцы', 'Dzyam”yanawtsy'],
    ['be-bgn-pcgn', 'Прыпяць', 'Prypyats’'],
    ['be-bgn-pcgn', 'Вілейка', 'Vilyeyka'],
    // passport practice — spellings in Belarusian passports and the press
    ['be-passport', 'Алесь Бяляцкі', 'Ales Bialiatski'],
    ['be-passport', 'Сяргей Ціханоўскі', 'Siarhei Tsikhanouski'],
    ['be-passport', 'Святлана Ціханоўская', 'Sviatlana Tsikhanouskaya'],
    ['be-passport', 'Марыя Калеснікава', 'Maryia Kalesnikava'],
    ['be-passport', 'Аляксандр Лукашэнка', 'Aliaksandr Lukashenka'],
    ['be-passport', 'Мікалай Статкевіч', 'Mikalai Statkevich'],
    ['be-passport', 'Ігар Лосік', 'Ihar Losik'],
    ['be-passport', 'Юлія', 'Yuliya'],
    ['be-passport', 'Дзмітрый', 'Dzmitry'],
    ['be-passport', 'Яўген', 'Yauhen'],
    ['be-passport', 'Таццяна', 'Tatstsiana'],
    ['be-passport', 'Франак Вячорка', 'Franak Viachorka'],
    // Łacinka
    ['be-lacinka', 'Бяляцкі', 'Bialacki'],
    ['be-lacinka', 'Ціханоўскі', 'Cichanoŭski'],
    ['be-lacinka', 'Лосік', 'Łosik'],
    ['be-lacinka', 'Беларусь', 'Biełaruś'],
    ['be-lacinka', 'Аляксандр Лукашэнка', 'Alaksandr Łukašenka'],
    ['be-lacinka', 'Наталля', 'Natalla'],
    ['be-lacinka', 'Калеснікава', 'Kalesnikava'],
    ['be-lacinka', 'аб’ектаў', 'abjektaŭ'],
    // ICAO Doc 9303 (samples as tabulated by iuliia)
    ['ru-icao', 'Беляцкий', 'Beliatskii'],
    ['ru-icao', 'Тихановский', 'Tikhanovskii'],
    ['ru-icao', 'Юлия Щеглова', 'Iuliia Shcheglova'],
    ['ru-icao', 'Ян Разъездной', 'Ian Razieezdnoi'],
    ['ru-icao', 'Артём Краевой', 'Artem Kraevoi'],
    [
      'ru-icao',
      'Юлия, съешь ещё этих мягких французских булок из Йошкар-Олы, да выпей алтайского чаю',
      'Iuliia, sieesh eshche etikh miagkikh frantsuzskikh bulok iz Ioshkar-Oly, da vypei altaiskogo chaiu',
    ],
    // GOST R 52535.1-2006
    ['ru-gost-52535', 'Беляцкий', 'Beliatckii'],
    [
      'ru-gost-52535',
      'Юлия, съешь ещё этих мягких французских булок из Йошкар-Олы, да выпей алтайского чаю',
      'Iuliia, sesh eshche etikh miagkikh frantcuzskikh bulok iz Ioshkar-Oly, da vypei altaiskogo chaiu',
    ],
    // BGN/PCGN Russian (optional middle dots not written)
    ['ru-bgn-pcgn', 'Беляцкий', 'Belyatskiy'],
    ['ru-bgn-pcgn', 'Елизово', 'Yelizovo'],
    ['ru-bgn-pcgn', 'Чапаевск', 'Chapayevsk'],
    ['ru-bgn-pcgn', 'Озёрный', 'Ozërnyy'],
    ['ru-bgn-pcgn', 'Воробьёво', 'Vorob’yëvo'],
    ['ru-bgn-pcgn', 'Юрьев объезд', 'Yur’yev ob”yezd'],
    // English press / Wikipedia
    ['ru-press', 'Беляцкий', 'Belyatsky'],
    ['ru-press', 'Тихановский', 'Tikhanovsky'],
    ['ru-press', 'Ельцин', 'Yeltsin'],
    ['ru-press', 'Ильинский', 'Ilyinsky'],
    ['ru-press', 'Подъярский', 'Podyarsky'],
    ['ru-press', 'Раздольное', 'Razdolnoye'],
    ['ru-press', 'Набережные Челны', 'Naberezhnye Chelny'],
    ['latin', '  Ales   Bialiatski ', 'Ales Bialiatski'],
  ];
  it.each(cases)('%s: %s → %s', (system, cyrillic, latin) => {
    expect(transliterateAs(cyrillic, system)).toBe(latin);
  });

  it('keeps all-caps words in capitals', () => {
    expect(transliterateAs('ЛОСІК Ігар', 'be-lacinka')).toBe('ŁOSIK Ihar');
    expect(transliterateAs('ЯН', 'ru-press')).toBe('YAN');
  });
});

describe('transliterate', () => {
  const systems = (text: string): TransliterationSystem[] => transliterate(text).map((t) => t.system);

  it('lists every covered system once, with its source', () => {
    expect(TRANSLITERATION_SYSTEMS.map((s) => s.id).sort()).toEqual(
      ['be-bgn-pcgn', 'be-lacinka', 'be-national', 'be-passport', 'ru-bgn-pcgn', 'ru-gost-52535', 'ru-icao', 'ru-press'].sort(),
    );
    for (const s of TRANSLITERATION_SYSTEMS) expect(s.source.length).toBeGreaterThan(10);
  });

  it('uses Belarusian systems for Belarusian, Russian for Russian, both when unsure', () => {
    expect(detectCyrillicLanguage('Бяляцкі')).toBe('be');
    expect(detectCyrillicLanguage('Верабʼёў')).toBe('be');
    expect(detectCyrillicLanguage('Беляцкий')).toBe('ru');
    expect(detectCyrillicLanguage('Лосик')).toBe('ru');
    expect(detectCyrillicLanguage('Рабкова')).toBe('both');
    expect(systems('Бяляцкі').every((s) => s.startsWith('be-'))).toBe(true);
    expect(systems('Беляцкий').every((s) => s.startsWith('ru-'))).toBe(true);
    expect(systems('Сяргей')).toEqual(expect.arrayContaining(['be-passport', 'ru-icao']));
  });

  it('gives each distinct rendering once, naming the first system that produces it', () => {
    expect(transliterate('Бяляцкі')).toEqual([
      { system: 'be-passport', latin: 'Bialiatski' },
      { system: 'be-national', latin: 'Bialiacki' },
      { system: 'be-bgn-pcgn', latin: 'Byalyatski' },
      { system: 'be-lacinka', latin: 'Bialacki' },
    ]);
    expect(transliterate('Лосік')).toEqual([
      { system: 'be-passport', latin: 'Losik' },
      { system: 'be-lacinka', latin: 'Łosik' },
    ]);
  });

  it('returns Latin input as itself, and nothing for text without Latin or Cyrillic letters', () => {
    expect(transliterate('  Tsikhanouskaya ')).toEqual([{ system: 'latin', latin: 'Tsikhanouskaya' }]);
    expect(transliterate('')).toEqual([]);
    expect(transliterate('Αλέξανδρος')).toEqual([]);
  });

  it('reads Latin look-alikes inside Cyrillic words as Cyrillic', () => {
    expect(transliterate('Бяляцкi')).toEqual(transliterate('Бяляцкі')); // Latin i
    expect(transliterate('Лoсiк')[0]).toEqual({ system: 'be-passport', latin: 'Losik' }); // Latin o and i
  });
});

describe('foldLatin', () => {
  it.each([
    ['Bialiatski', 'belecki'],
    ['Belyatskiy', 'belecki'],
    ['Łukašenka', 'lukasenka'],
    ['Lukashenko', 'lukasenka'],
    ['Tsikhanouskaya', 'cihanavskaja'],
    ['Cichanoŭskaja', 'cihanavskaja'],
    ['Tsikhanovskaia', 'cihanavskaja'],
    ['Shcheglova', 'scehlava'],
    ['Szczegłowa', 'scehlava'],
    ['Ivanou', 'ivanav'],
    ['Iwanow', 'ivanav'],
    ['Žukaŭ', 'zukav'],
    ['Zhukau', 'zukav'],
    ['Kirill', 'kiril'],
    ['Alexei', 'aleksei'],
    ['Aliaksei', 'aleksei'],
    ['Chaika', 'caika'],
    ['Čajka', 'caika'],
    ['Maryia', 'mare'],
    ['Mariia', 'mare'],
    ['Yuliya', 'jule'],
    ['Julija', 'jule'],
    ['Dzmitry', 'dmitri'],
    ['Dmitriy', 'dmitri'],
    ["O'Brien", 'abren'],
    ['', ''],
  ])('%j → %j', (input, key) => {
    expect(foldLatin(input)).toBe(key);
    expect(foldLatin(key)).toBe(key);
  });
});

describe('skeleton', () => {
  it('merges what the Belarusian and Russian spellings and the transliterations change', () => {
    expect(skeleton('Tsikhanouski')).toBe(skeleton('Tikhanovsky'));
    expect(skeleton('Aliaksandr')).toBe(skeleton('Alexander'));
    expect(skeleton('Rabkova')).toBe(skeleton('Rybakova'));
    expect(skeleton('Elena')).toBe(skeleton('Alena'));
    expect(skeleton('Losik')).not.toBe(skeleton('Lisov'));
    expect(skeleton('Kalesnikava')).not.toBe(skeleton('Kolesnik'));
    expect(skeleton(foldLatin('Tsikhanouskaya'))).toBe(skeleton('Tsikhanouskaya'));
  });
});

describe('nameKeys: spellings of one name meet', () => {
  /** Every pair must share a folded key (`folded: true`) or at least a skeleton. */
  const groups: { name: string; spellings: string[]; folded: boolean }[] = [
    {
      name: 'Bialiatski',
      spellings: ['Бяляцкі', 'Беляцкий', 'Bialiatski', 'Bialyatski', 'Byalyatski', 'Bialiacki', 'Belyatsky', 'Beliatskii'],
      folded: true,
    },
    { name: 'Tsikhanouski (be)', spellings: ['Ціханоўскі', 'Tsikhanouski', 'Cichanoŭski', 'Tsikhanowski'], folded: true },
    { name: 'Tikhanovsky (ru)', spellings: ['Тихановский', 'Tikhanovsky', 'Tikhanovskiy', 'Tikhanovskii'], folded: true },
    {
      name: 'Tsikhanouski (be+ru)',
      spellings: ['Ціханоўскі', 'Тихановский', 'Tsikhanouski', 'Tikhanovsky', 'Cichanoŭski', 'Tsikhanovskiy'],
      folded: false,
    },
    { name: 'Kalesnikava', spellings: ['Калеснікава', 'Колесникова', 'Kalesnikava', 'Kolesnikova'], folded: true },
    { name: 'Losik', spellings: ['Лосік', 'Лосик', 'Losik', 'Łosik'], folded: true },
    { name: 'Statkevich', spellings: ['Статкевіч', 'Статкевич', 'Statkevich', 'Statkievič', 'Statkyevich'], folded: true },
    { name: 'Rabkova', spellings: ['Рабкова', 'Rabkova'], folded: true },
    { name: 'Aliaksandr', spellings: ['Аляксандр', 'Александр', 'Aliaksandr', 'Aleksandr', 'Alyaksandr'], folded: true },
    { name: 'Alexander', spellings: ['Аляксандр', 'Александр', 'Aliaksandr', 'Alexander', 'Aleksandr'], folded: false },
    { name: 'Lukashenka', spellings: ['Лукашэнка', 'Лукашенко', 'Lukashenka', 'Lukashenko', 'Łukašenka'], folded: true },
    { name: 'Ivanou', spellings: ['Іваноў', 'Иванов', 'Ivanou', 'Ivanov', 'Ivanow', 'Iwanow'], folded: true },
    { name: 'Siarhei', spellings: ['Сяргей', 'Сергей', 'Siarhei', 'Sergey', 'Sergei', 'Siarhiej'], folded: true },
    { name: 'Maryia', spellings: ['Марыя', 'Мария', 'Maryia', 'Maria', 'Mariya', 'Mariia', 'Maryja'], folded: true },
    { name: 'Natallia', spellings: ['Наталля', 'Наталья', 'Natallia', 'Natalia', 'Natalya', 'Natal’ya'], folded: true },
    { name: 'Yuliya', spellings: ['Юлія', 'Юлия', 'Yuliya', 'Iuliia', 'Julija', 'Yulia'], folded: true },
    { name: 'Dzmitry', spellings: ['Дзмітрый', 'Дмитрий', 'Dzmitry', 'Dmitry', 'Dmitrii', 'Dmitriy'], folded: true },
    { name: 'Viachorka', spellings: ['Вячорка', 'Viachorka', 'Vyachorka', 'Viačorka'], folded: true },
    { name: 'Hleb', spellings: ['Глеб', 'Hleb', 'Gleb'], folded: true },
    { name: 'Babaryka', spellings: ['Бабарыка', 'Бабарико', 'Babaryka', 'Babariko'], folded: true },
  ];

  for (const group of groups) {
    it(`${group.name}: every pair shares a ${group.folded ? 'folded key' : 'folded key or skeleton'}`, () => {
      for (const [a, b] of pairs(group.spellings)) {
        const ok = group.folded ? sharesFolded(a, b) : sharesFolded(a, b) || sharesSkeleton(a, b);
        expect(ok, `${a} ~ ${b}: ${JSON.stringify(nameKeys(a))} vs ${JSON.stringify(nameKeys(b))}`).toBe(true);
      }
    });
  }

  it.each([
    ['Losik', 'Lisov'],
    ['Лосік', 'Лісаў'],
    ['Rabkova', 'Rybakova'],
    ['Рабкова', 'Рыбакова'],
    ['Kalesnikava', 'Kolesnik'],
    ['Калеснікава', 'Колесник'],
    ['Mikalai', 'Nikolai'],
  ])('%s and %s share no folded key', (a, b) => {
    expect(sharesFolded(a, b)).toBe(false);
  });

  it('keeps Losik and Lisov apart even by skeleton, Rabkova and Rybakova may meet there', () => {
    expect(sharesSkeleton('Losik', 'Lisov')).toBe(false);
    expect(sharesSkeleton('Rabkova', 'Rybakova')).toBe(true);
  });
});

describe('nameKeys: text handling', () => {
  it('drops one-character words, keeps numbers, splits hyphens', () => {
    const keys = nameKeys('А. Бяляцкі, арт. 342 — Рымскі-Корсакаў');
    expect(keys.folded).not.toContain('a');
    expect(keys.folded).toEqual(expect.arrayContaining(['belecki', 'art', '342', 'rimski', 'karsakav']));
  });

  it('returns nothing for empty or letterless text', () => {
    expect(nameKeys('')).toEqual({ folded: [], skeletons: [] });
    expect(nameKeys(' - , . ')).toEqual({ folded: [], skeletons: [] });
  });

  it('gives the same keys for NFD input, Latin look-alikes and apostrophe variants', () => {
    expect(nameKeys('Ціханоўскі'.normalize('NFD'))).toEqual(nameKeys('Ціханоўскі'));
    expect(nameKeys('Бяляцкi')).toEqual(nameKeys('Бяляцкі'));
    expect(nameKeys("Вераб'ёў")).toEqual(nameKeys('Верабʼёў'));
  });

  it('reads unmarked words by the language of the rest of the text', () => {
    // "Алесь" alone could be Russian; next to "Бяляцкі" it is Belarusian and gets no Russian-only keys
    expect(nameKeys('Алесь Бяляцкі').folded).toEqual(['ales', 'belecki', 'belacki']);
  });

  it('reads an ambiguous "ch" both ways in Latin words', () => {
    expect(nameKeys('Michal').folded).toEqual(expect.arrayContaining(['mihal', 'mical']));
    expect(nameKeys('Міхал').folded).toContain('mihal');
    expect(nameKeys('Michał').folded).toEqual(['mihal']);
  });

  it('never throws and yields only [a-z0-9] keys, for any Unicode text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        const keys = nameKeys(text);
        return keys.folded.every((k) => KEY.test(k)) && keys.skeletons.every((k) => KEY.test(k));
      }),
      { numRuns: 2000 },
    );
  });

  it('yields folded keys that are fixed points of foldLatin', () => {
    const cyrillicish = fc.string({ unit: fc.constantFrom(...'абвгдеёжзийклмнопрстуўфхцчшщъыьэюяіʼ -ABCxyz'), maxLength: 24 });
    fc.assert(
      fc.property(cyrillicish, (text) => nameKeys(text).folded.every((k) => foldLatin(k) === k)),
      { numRuns: 2000 },
    );
  });

  it('transliterate never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => transliterate(text).every((t) => typeof t.latin === 'string')),
      { numRuns: 1000 },
    );
  });
});

describe('foldLatin is idempotent', () => {
  it('on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const f = foldLatin(s);
        return /^[a-z0-9]*$/.test(f) && foldLatin(f) === f;
      }),
      { numRuns: 2000 },
    );
  });

  it('on strings made of the letters and digraphs it rewrites', () => {
    const latinish = fc.string({ unit: fc.constantFrom(...'aeiouyjkhcsztdgwxqpfvbnmlr ćčšžłŭńśź\'-'), maxLength: 16 });
    fc.assert(
      fc.property(latinish, (s) => {
        const f = foldLatin(s);
        return foldLatin(f) === f;
      }),
      { numRuns: 5000 },
    );
  });
});
