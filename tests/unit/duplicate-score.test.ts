import { describe, expect, it } from 'vitest';
import { generateLabelledPersons } from '../../bench/duplicate-data';
import { evaluate } from '../../bench/duplicate-eval';
import { matchFeatures, type MatchInput } from '../../shared/duplicates/features';
import { jaroWinkler } from '../../shared/duplicates/jaro-winkler';
import { reasonText } from '../../shared/duplicates/reasons';
import { findDuplicates } from '../../shared/duplicates/scan';
import { DEFAULT_THRESHOLD, scorePair } from '../../shared/duplicates/score';

let serial = 0;
function person(givenName: string, familyName: string, more: Partial<MatchInput> = {}): MatchInput {
  return { id: `p${serial++}`, givenName, familyName, patronymic: '', birthDate: null, gender: 'unknown', region: null, ...more };
}
const score = (a: MatchInput, b: MatchInput, context = {}) => scorePair(matchFeatures(a), matchFeatures(b), context);

describe('jaroWinkler', () => {
  it('matches the published examples', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });
});

describe('scorePair', () => {
  it('scores one man across scripts, systems and languages as a duplicate, and says why', () => {
    const result = score(person('Алесь', 'Бяляцкі', { birthDate: '1962' }), person('Ales', 'Bialiatski', { birthDate: '1963' }));
    expect(result.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(result.reasons.map(reasonText)).toEqual([
      'same surname: one is the other in Belarusian passport spelling',
      'same given name: one is the other in Belarusian passport spelling',
      'birth year differs by 1',
    ]);
    const bgnIcao = score(person('Алесь', 'Бяляцкі'), person('Ales', 'Byalyatski'));
    expect(bgnIcao.reasons[0]).toEqual({ code: 'name.transliteration', params: { part: 'family', system: 'be-bgn-pcgn' } });
    const ru = score(person('Алесь', 'Беляцкий'), person('Ales', 'Beliatskii'));
    expect(ru.reasons[0]).toEqual({ code: 'name.transliteration', params: { part: 'family', system: 'ru-icao' } });
  });

  it('knows given names and patronymics that differ between Belarusian and Russian', () => {
    for (const [be, ru] of [['Мікалай', 'Николай'], ['Вольга', 'Ольга'], ['Яўген', 'Евгений'], ['Уладзімір', 'Владимир'], ['Ганна', 'Анна']] as const) {
      const result = score(person(be, 'Статкевіч', { birthDate: '1956' }), person(ru, 'Статкевич', { birthDate: '1956' }));
      expect(result.score).toBeGreaterThan(0.9);
      expect(result.reasons).toContainEqual(expect.objectContaining({ code: 'name.equivalent', params: expect.objectContaining({ part: 'given' }) }));
    }
    const patronymic = score(
      person('Мікалай', 'Статкевіч', { patronymic: 'Мікалаевіч' }),
      person('Николай', 'Статкевич', { patronymic: 'Николаевич' }),
    );
    expect(patronymic.reasons).toContainEqual(expect.objectContaining({ code: 'name.equivalent', params: expect.objectContaining({ part: 'patronymic' }) }));
  });

  it('does not take relatives sharing a surname for one person', () => {
    const father = person('Іван', 'Іваноў', { patronymic: 'Пятровіч', birthDate: '1950' });
    const son = person('Іван', 'Іваноў', { patronymic: 'Іванавіч', birthDate: '1976' });
    expect(score(father, son).score).toBeLessThan(0.05);
    const husband = person('Сяргей', 'Ціханоўскі', { birthDate: '1978' });
    const wife = person('Святлана', 'Ціханоўская', { birthDate: '1982' });
    expect(score(husband, wife).score).toBeLessThan(0.01);
    const brother = person('Андрэй', 'Лосік', { patronymic: 'Ігаравіч', birthDate: '1990', gender: 'male' });
    const sister = person('Вольга', 'Лосік', { patronymic: 'Ігараўна', birthDate: '1991' });
    expect(score(brother, sister).reasons).toContainEqual({ code: 'gender.different', params: {} });
    expect(score(brother, sister).score).toBeLessThan(0.05);
    const recorded = score(person('Ян', 'Мельнік'), person('Ян', 'Мельник'), { related: true });
    expect(recorded.score).toBeLessThan(0.01);
    expect(recorded.reasons).toContainEqual({ code: 'relatives.related', params: {} });
  });

  it('trusts a common name less', () => {
    const a = person('Сяргей', 'Іваноў');
    const b = person('Сергей', 'Иванов');
    const rare = score(a, b, { familyCount: 2, population: 100_000 });
    const common = score(a, b, { familyCount: 2000, givenCount: 8000, population: 100_000 });
    expect(common.score).toBeLessThan(rare.score);
    expect(common.reasons).toContainEqual({ code: 'name.common', params: { records: 2000 } });
  });
});

describe('findDuplicates on a labelled population', () => {
  it('finds most true duplicates with few false ones, at the default threshold', () => {
    const population = generateLabelledPersons(4000, 99);
    const { candidates } = findDuplicates({ persons: population.persons, relations: population.relations });
    const result = evaluate(population, candidates);
    // Floors below the benchmark's figures (BENCHMARKS.md): they catch a regression, not a tuning.
    expect(result.recall).toBeGreaterThan(0.85);
    expect(result.precision).toBeGreaterThan(0.85);
    expect(result.hardFalsePositives.relatives / result.hardNegatives.relatives).toBeLessThan(0.03);
    for (const c of candidates) {
      expect(c.a < c.b).toBe(true);
      expect(c.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    }
  });
});
