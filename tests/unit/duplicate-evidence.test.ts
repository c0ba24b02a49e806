import { describe, expect, it } from 'vitest';
import { withinOneEdit } from '../../shared/duplicates/edit-distance';
import { EVIDENCE } from '../../shared/duplicates/evidence';
import { matchFeatures, type MatchEvent, type MatchInput } from '../../shared/duplicates/features';
import { givenNamesNear } from '../../shared/duplicates/given-names';
import { MODEL } from '../../shared/duplicates/model';
import { articleKey, localityKey, partialDay, placeKey } from '../../shared/duplicates/places';
import { reasonText } from '../../shared/duplicates/reasons';
import { blockingKeys } from '../../shared/duplicates/scan';
import { DEFAULT_THRESHOLD, POSSIBLE_THRESHOLD, scorePair } from '../../shared/duplicates/score';
import { isTypingSlip } from '../../shared/duplicates/slips';

let serial = 0;
function person(givenName: string, familyName: string, more: Partial<MatchInput> = {}): MatchInput {
  return { id: `p${serial++}`, givenName, familyName, patronymic: '', birthDate: null, gender: 'unknown', region: null, ...more };
}
const score = (a: MatchInput, b: MatchInput, context = {}) => scorePair(matchFeatures(a), matchFeatures(b), context);
/** A register of 100,000 in which the name is carried by a handful of records. */
const register = { population: 100_000, familyCount: 40, givenCount: 2000, nameCount: 6 };
const day = (iso: string) => partialDay(iso)!.day!;

describe('keys of places, localities, articles and dates', () => {
  it('finds one place of detention in Belarusian, Russian and Latin, and tells numbered ones apart', () => {
    const akrestsina = placeKey('ЦІП на Акрэсціна');
    expect(akrestsina).not.toBe('');
    for (const variant of ['ЦИП на Окрестина', 'Akrestsina', 'Okrestina']) expect(placeKey(variant)).toBe(akrestsina);
    expect(placeKey('СІЗА-1 Валадарка')).toBe(placeKey('СИЗО-1 Володарка'));
    expect(placeKey('ПК-15 Магілёў')).toBe(placeKey('ИК-15 Могилёв'));
    expect(placeKey('ПК-15 Магілёў')).not.toBe(placeKey('ПК-17 Шклоў'));
    expect(placeKey('СІЗА-3 Гомель')).not.toBe(placeKey('ІЧУ Гомель'));
    expect(placeKey('ЦИП')).toBe('');
  });

  it('reads localities across scripts, articles without their parts, partial dates', () => {
    expect(localityKey('Магілёў')).toBe(localityKey('Могилёв'));
    expect(localityKey('Mahiliou')).toBe(localityKey('Могилёв'));
    expect(localityKey('Гомель')).not.toBe(localityKey('Гродна'));
    expect(articleKey('342 ч. 1')).toBe('342');
    expect(articleKey('361-1')).toBe('361-1');
    expect(articleKey('23.34')).toBe('23.34');
    expect(partialDay('2020-08-10')).toEqual({ year: 2020, month: 2020 * 12 + 7, day: 18484 });
    expect(partialDay('2020-08')).toEqual({ year: 2020, month: 2020 * 12 + 7, day: null });
    expect(partialDay('2020')).toEqual({ year: 2020, month: null, day: null });
    expect(partialDay('not a date')).toBeNull();
  });
});

describe('typing slips', () => {
  it('knows one edit, and which edits look like a slip of the hand', () => {
    expect(withinOneEdit('kavalou', 'kavalov')).toBe(true);
    expect(withinOneEdit('kavalou', 'kavlaou')).toBe(true);
    expect(withinOneEdit('kavalou', 'kvalou')).toBe(true);
    expect(withinOneEdit('kavalou', 'kavaluo')).toBe(true);
    expect(withinOneEdit('kavalou', 'kovalev')).toBe(false);
    // Swapped neighbours, a doubled letter, a neighbouring key (ЙЦУКЕН and QWERTY).
    expect(isTypingSlip('лосік', 'лсоік')).toBe(true);
    expect(isTypingSlip('марына', 'маарына')).toBe(true);
    expect(isTypingSlip('лосік', 'лрсік')).toBe(true);
    expect(isTypingSlip('losik', 'lpsik')).toBe(true);
    // Different surnames one letter apart are no slip: ш and ч are far apart on the keyboard.
    expect(isTypingSlip('белашук', 'белачук')).toBe(false);
    expect(isTypingSlip('лосік', 'лосік')).toBe(false);
  });

  it('maps a mistyped given name to the name it is one slip from', () => {
    const andrei = matchFeatures(person('Андрэй', 'Лосік')).givenNames[0]!;
    const typo = matchFeatures(person('Адрэй', 'Лосік'));
    expect(andrei.russian).toBe('Андрей');
    expect(typo.givenNames).toEqual([]);
    expect(typo.givenNear).toContain(andrei);
    expect(givenNamesNear('andrei')).toEqual([]);
    expect(score(person('Андрэй', 'Лосік'), person('Адрэй', 'Лосік')).reasons[1]).toMatchObject({ code: 'name.similar', params: { part: 'given' } });
  });

  it('puts a surname mistyped in its first letters in a block with the right one', () => {
    const shared = (a: MatchInput, b: MatchInput) => blockingKeys(matchFeatures(a)).filter((k) => blockingKeys(matchFeatures(b)).includes(k));
    expect(shared(person('Ігар', 'Лосік'), person('Ігар', 'Лрсік'))).not.toEqual([]);
    expect(shared(person('Марына', 'Калеснікава'), person('Marina', 'Kolsenikova'))).not.toEqual([]);
    expect(shared(person('Адрэй', 'Казлоў'), person('Андрэй', 'Кащлоў'))).not.toEqual([]);
  });

  it('scores a slip of the hand above a surname one letter off the other way', () => {
    const slip = score(person('Ганна', 'Белашук'), person('Ганна', 'Белаашук'), register);
    const other = score(person('Ганна', 'Белашук'), person('Ганна', 'Белачук'), register);
    expect(slip.score).toBeGreaterThan(other.score);
    expect(other.reasons[0]).toMatchObject({ code: 'name.similar', params: { part: 'family' } });
  });
});

describe('how common a spelling is', () => {
  it('takes a surname spelt as no other record spells it for a slip, and two spellings each in use for two surnames', () => {
    const a = person('Ігар', 'Лосік');
    const b = person('Ігар', 'Лоськ');
    const lone = score(a, b, { ...register, familySpellingFewest: 1, familySpellingMost: 30 });
    const both = score(a, b, { ...register, familySpellingFewest: 12, familySpellingMost: 30 });
    expect(lone.score).toBeGreaterThan(both.score);
    expect(lone.reasons).toContainEqual({ code: 'name.lone-spelling', params: { part: 'family' } });
    expect(lone.reasons.map(reasonText)).toContain("one record's spelling of the surname occurs in no other record (a typing slip?)");
    expect(both.reasons.map((r) => r.code)).not.toContain('name.lone-spelling');
    // Names that agree say nothing about slips; a pair scored on its own (no counts) leaves the spelling out.
    expect(score(a, person('Igar', 'Losik'), { ...register, familySpellingFewest: 1 }).reasons.map((r) => r.code)).not.toContain('name.lone-spelling');
    expect(score(a, b, register).reasons.map((r) => r.code)).not.toContain('name.lone-spelling');
  });
});

describe('what the records hold besides names', () => {
  const event = (date: string, place: string, articles: string[] = []): MatchEvent => ({ date, place, articles });

  it('takes a case on the same rare day as strong evidence, a day of mass detentions as weak, and says so', () => {
    const frequencies = { days: new Map([[day('2020-08-10'), 8000], [day('2023-03-14'), 3]]), places: new Map([[placeKey('ЦІП на Акрэсціна'), 30_000]]) };
    const plain = score(person('Андрэй', 'Лосік'), person('Andrei', 'Losik'), { ...register, frequencies });
    const august = score(person('Андрэй', 'Лосік', { events: [event('2020-08-10', 'ЦІП на Акрэсціна')] }), person('Andrei', 'Losik', { events: [event('2020-08-10', 'Akrestsina')] }), { ...register, frequencies });
    const rare = score(person('Андрэй', 'Лосік', { events: [event('2023-03-14', 'ПК-15 Магілёў', ['361-1'])] }), person('Andrei', 'Losik', { events: [event('2023-03-14', 'IK-15 Mogilev', ['361-1'])] }), { ...register, frequencies });
    expect(plain.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(august.score).toBeGreaterThan(plain.score);
    expect(rare.score).toBeGreaterThan(august.score);
    expect(rare.score).toBeGreaterThan(0.9);
    expect(rare.reasons.map(reasonText)).toEqual(
      expect.arrayContaining(['a case of each on the same day (2023-03-14)', 'held at the same place (ПК-15 Магілёў)', 'charged under the same article (361-1)']),
    );
    const near = score(person('Андрэй', 'Лосік', { events: [event('2023-03-14', '')] }), person('Andrei', 'Losik', { events: [event('2023-03-15', '')] }), register);
    expect(near.reasons).toContainEqual({ code: 'case.near-date', params: { a: '2023-03-14', b: '2023-03-15' } });
  });

  it('weighs a shared small town above a shared capital, and notes different localities', () => {
    const frequencies = { localities: new Map([[localityKey('Мінск'), 35_000], [localityKey('Горкі'), 300]]) };
    const minsk = score(person('Андрэй', 'Лосік', { locality: 'Мінск' }), person('Andrei', 'Losik', { locality: 'Minsk' }), { ...register, frequencies });
    const horki = score(person('Андрэй', 'Лосік', { locality: 'Горкі' }), person('Andrei', 'Losik', { locality: 'Горки' }), { ...register, frequencies });
    const apart = score(person('Андрэй', 'Лосік', { locality: 'Горкі' }), person('Andrei', 'Losik', { locality: 'Гомель' }), { ...register, frequencies });
    expect(horki.score).toBeGreaterThan(minsk.score);
    expect(horki.reasons.map(reasonText)).toContain('same locality (Горкі)');
    expect(apart.score).toBeLessThan(minsk.score);
    expect(apart.reasons).toContainEqual({ code: 'locality.different', params: { a: 'Горкі', b: 'Гомель' } });
  });

  it('trusts a name less in a larger register: more namesakes', () => {
    const a = person('Андрэй', 'Лосік');
    const b = person('Andrei', 'Losik');
    const small = score(a, b, { population: 2000, familyCount: 2, givenCount: 60, nameCount: 2 });
    const large = score(a, b, { population: 200_000, familyCount: 200, givenCount: 6000, nameCount: 2 });
    expect(large.score).toBeLessThan(small.score);
  });
});

describe('the fitted model', () => {
  it('weighs every piece of evidence, and in the directions the single look-up relies on', () => {
    expect(Object.keys(MODEL.weights).sort()).toEqual([...EVIDENCE].sort());
    // A look-up first scores with the target's counts alone: that must never score a pair lower than both
    // records' counts (rarer surname or given name → higher score; more namesakes → lower).
    expect(MODEL.weights['family.rarity']).toBeGreaterThan(0);
    expect(MODEL.weights['given.rarity']).toBeGreaterThan(0);
    expect(MODEL.weights['name.others']).toBeLessThanOrEqual(0);
    expect(MODEL.weights['name.others'] + MODEL.weights['name.others-undated']).toBeLessThanOrEqual(0);
    expect(POSSIBLE_THRESHOLD).toBeLessThan(DEFAULT_THRESHOLD);
  });
});
