/**
 * Every transliteration system against published examples: for the Russian systems, the samples that ship
 * with each iuliia schema definition (taken from the standards' own examples); for the Belarusian systems,
 * official place names (the national system's list of the 2000/2007 Instruction and the BGN/PCGN gazetteer).
 */
import { BGN_PCGN, GOST_52535, ICAO_DOC_9303, WIKIPEDIA } from 'iuliia';
import { describe, expect, it } from 'vitest';
import { transliterateAs, type TransliterationSystem } from '../../shared/names';

describe('Russian systems reproduce their published samples', () => {
  const systems: [TransliterationSystem, typeof ICAO_DOC_9303, (latin: string) => string][] = [
    ['ru-icao', ICAO_DOC_9303, (s) => s],
    ['ru-gost-52535', GOST_52535, (s) => s],
    // The BGN/PCGN ë is a Latin letter, and the optional middle dot is not written.
    ['ru-bgn-pcgn', BGN_PCGN, (s) => s.replace(/ё/g, 'ë').replace(/Ё/g, 'Ë').replace(/·/g, '')],
    ['ru-press', WIKIPEDIA, (s) => s],
  ];
  for (const [system, schema, expected] of systems) {
    it(`${system}: ${schema.samples.length} samples`, () => {
      expect(schema.samples.length).toBeGreaterThanOrEqual(2);
      for (const [cyrillic, latin] of schema.samples) expect([cyrillic, transliterateAs(cyrillic!, system)]).toEqual([cyrillic, expected(latin!)]);
    });
  }
});

describe('Belarusian systems reproduce official place names', () => {
  const places: [string, string, string][] = [
    // [Cyrillic, national system (Instruction 2000/2007), BGN/PCGN 1979]
    ['Мінск', 'Minsk', 'Minsk'],
    ['Гродна', 'Hrodna', 'Hrodna'],
    ['Брэст', 'Brest', 'Brest'],
    ['Віцебск', 'Viciebsk', 'Vitsyebsk'],
    ['Магілёў', 'Mahilioŭ', 'Mahilyow'],
    ['Гомель', 'Homieĺ', 'Homyel’'],
    ['Маладзечна', 'Maladziečna', 'Maladzyechna'],
    ['Навагрудак', 'Navahrudak', 'Navahrudak'],
    ['Бабруйск', 'Babrujsk', 'Babruysk'],
    ['Баранавічы', 'Baranavičy', 'Baranavichy'],
    ['Жлобін', 'Žlobin', 'Zhlobin'],
    ['Орша', 'Orša', 'Orsha'],
    ['Мазыр', 'Mazyr', 'Mazyr'],
    ['Пінск', 'Pinsk', 'Pinsk'],
    ['Полацк', 'Polack', 'Polatsk'],
    ['Слуцк', 'Sluck', 'Slutsk'],
    ['Рэчыца', 'Rečyca', 'Rechytsa'],
    ['Салігорск', 'Salihorsk', 'Salihorsk'],
    ['Ліда', 'Lida', 'Lida'],
    ['Кобрын', 'Kobryn', 'Kobryn'],
  ];
  it.each(places)('%s → %s (national), %s (BGN/PCGN)', (cyrillic, national, bgn) => {
    expect(transliterateAs(cyrillic, 'be-national')).toBe(national);
    expect(transliterateAs(cyrillic, 'be-bgn-pcgn')).toBe(bgn);
  });

  it('Łacinka and passport practice write the same names as their users do', () => {
    const lacinka: [string, string][] = [['Мінск', 'Minsk'], ['Гродна', 'Hrodna'], ['Магілёў', 'Mahiloŭ'], ['Полацк', 'Połack'], ['Слуцк', 'Słuck'], ['Ліда', 'Lida'], ['Наваполацк', 'Navapołack']];
    for (const [cyrillic, latin] of lacinka) expect(transliterateAs(cyrillic, 'be-lacinka')).toBe(latin);
    const passport: [string, string][] = [['Святлана Ціханоўская', 'Sviatlana Tsikhanouskaya'], ['Марыя Калеснікава', 'Maryia Kalesnikava'], ['Мікола Статкевіч', 'Mikola Statkevich']];
    for (const [cyrillic, latin] of passport) expect(transliterateAs(cyrillic, 'be-passport')).toBe(latin);
  });
});
