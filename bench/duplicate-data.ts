/**
 * A labelled population for judging the duplicate finder: persons with a known identity, some recorded two or
 * three times by different offices. Each record is written the way an office would write it — in Belarusian
 * Cyrillic, in Russian Cyrillic, or in Latin under one of the transliteration systems' published tables — then
 * noised: typos, a missing patronymic, a birth year off by one, a date known only to the year or not at all,
 * a region missing or changed. Hard non-matches are built in: fathers and sons, spouses and siblings sharing a
 * surname, and many unrelated people with the most common names.
 *
 * Frequencies: given names are drawn with their approximate shares among adults in Belarus (Аляксандр, Сяргей,
 * Дзмітрый; Алена, Вольга, Таццяна lead with 7–10 % each), so namesakes are as common as in a real register;
 * surnames from thousands of stem × syllable × ending combinations, 1.5 % of identities with the commonest
 * full names; a third of identities in Minsk. Each record also carries what the office knew besides the
 * name: a locality (40 %) and the cases naming the person (duplicate-events.ts).
 *
 * Nothing here uses the finder's keys, blocks or given-name table: names come from this file's own lists of
 * Belarusian and Russian forms, and Latin spellings from `transliterateAs`.
 */
import type { Region } from '../shared/domain/cases';
import type { MatchInput } from '../shared/duplicates/features';
import { transliterateAs, type TransliterationSystem } from '../shared/names';
import { eventsOf, localityOf, recordEvents, type Forms, type IdentityEvent } from './duplicate-events';
import { random } from './synthetic';

/** [Belarusian, Russian] forms and an approximate share (per cent) among adults, commonest first. */
const MALE: readonly (readonly [string, string, number])[] = [
  ['Аляксандр', 'Александр', 10], ['Сяргей', 'Сергей', 8], ['Дзмітрый', 'Дмитрий', 7], ['Андрэй', 'Андрей', 6],
  ['Уладзімір', 'Владимир', 5], ['Аляксей', 'Алексей', 4.5], ['Мікалай', 'Николай', 4], ['Віктар', 'Виктор', 4],
  ['Ігар', 'Игорь', 3.5], ['Яўген', 'Евгений', 3.5], ['Павел', 'Павел', 3], ['Максім', 'Максим', 3], ['Іван', 'Иван', 3],
  ['Юрый', 'Юрий', 3], ['Міхаіл', 'Михаил', 2.5], ['Васіль', 'Василий', 2], ['Раман', 'Роман', 2], ['Вадзім', 'Вадим', 2],
  ['Арцём', 'Артём', 2], ['Генадзь', 'Геннадий', 2], ['Антон', 'Антон', 2], ['Валерый', 'Валерий', 2], ['Алесь', 'Алесь', 1.5],
  ['Кірыл', 'Кирилл', 1.5], ['Леанід', 'Леонид', 1.5], ['Пётр', 'Пётр', 1.5], ['Вячаслаў', 'Вячеслав', 1.5], ['Ягор', 'Егор', 1],
  ['Рыгор', 'Григорий', 1], ['Станіслаў', 'Станислав', 1], ['Эдуард', 'Эдуард', 0.7], ['Зміцер', 'Дмитрий', 0.5],
  ['Багдан', 'Богдан', 0.5], ['Ціхан', 'Тихон', 0.3], ['Франак', 'Франак', 0.2], ['Вікенцій', 'Викентий', 0.2],
];
const FEMALE: readonly (readonly [string, string, number])[] = [
  ['Алена', 'Елена', 9], ['Вольга', 'Ольга', 8], ['Таццяна', 'Татьяна', 8], ['Наталля', 'Наталья', 7], ['Ірына', 'Ирина', 6],
  ['Святлана', 'Светлана', 6], ['Ганна', 'Анна', 4], ['Кацярына', 'Екатерина', 4], ['Юлія', 'Юлия', 4], ['Марына', 'Марина', 4],
  ['Марыя', 'Мария', 3], ['Людміла', 'Людмила', 3], ['Галіна', 'Галина', 3], ['Анастасія', 'Анастасия', 3], ['Вераніка', 'Вероника', 2],
  ['Ксенія', 'Ксения', 2], ['Дар’я', 'Дарья', 2], ['Надзея', 'Надежда', 2], ['Аксана', 'Оксана', 2], ['Валянціна', 'Валентина', 2],
  ['Яўгенія', 'Евгения', 1.5], ['Паліна', 'Полина', 1], ['Лілія', 'Лилия', 1], ['Маргарыта', 'Маргарита', 1], ['Зоя', 'Зоя', 0.5],
];

/** Surname stems [Belarusian, Russian] and the endings they take. */
const STEMS: readonly (readonly [string, string])[] = [
  ['Бяляц', 'Беляц'], ['Ціханоў', 'Тихонов'], ['Калеснік', 'Колесник'], ['Кавал', 'Ковал'], ['Статкев', 'Статкев'],
  ['Лос', 'Лос'], ['Бабарык', 'Бабарык'], ['Мельнік', 'Мельник'], ['Шаўц', 'Швец'], ['Кузняц', 'Кузнец'],
  ['Навік', 'Новик'], ['Казлоў', 'Козлов'], ['Марозаў', 'Морозов'], ['Варабей', 'Воробей'], ['Пятроў', 'Петров'],
  ['Сямёнаў', 'Семёнов'], ['Ганчар', 'Гончар'], ['Лявонц', 'Леонц'], ['Жук', 'Жук'], ['Дубровін', 'Дубровин'],
  ['Карпаў', 'Карпов'], ['Радзев', 'Родев'], ['Сінкев', 'Синкев'], ['Грыгор', 'Григор'], ['Макар', 'Макар'],
  ['Садоўск', 'Садовск'], ['Латушк', 'Латушк'], ['Знак', 'Знак'], ['Прако', 'Проко'], ['Шчурк', 'Щурк'],
  ['Вашкев', 'Вашкев'], ['Палянск', 'Полянск'], ['Чарнышоў', 'Чернышов'], ['Гурын', 'Гурин'], ['Рабк', 'Рабк'],
  ['Хадасев', 'Ходасев'], ['Юркев', 'Юркев'], ['Лукашук', 'Лукашук'], ['Мацкев', 'Мацкев'], ['Зянькоў', 'Зеньков'],
  ['Дашкев', 'Дашкев'], ['Ярашэв', 'Ярошев'], ['Цыганк', 'Цыганк'], ['Белаш', 'Белаш'], ['Кудрац', 'Кудрец'],
  ['Пашкев', 'Пашкев'], ['Станкев', 'Станкев'], ['Жаўнер', 'Жолнер'], ['Смаляк', 'Смоляк'], ['Пракапов', 'Прокопов'],
];
/** Middle syllables [Belarusian, Russian]: together with the stems, thousands of surnames, as a register holds. */
const INFIXES: readonly (readonly [string, string])[] = [
  ['', ''], ['', ''], ['', ''], ['ен', 'ен'], ['ар', 'ар'], ['аш', 'ош'], ['ул', 'ул'], ['ін', 'ин'], ['ач', 'ач'], ['ык', 'ык'],
  ['ан', 'ан'], ['ец', 'ец'], ['ом', 'ом'], ['яр', 'яр'], ['ош', 'ош'], ['ял', 'ел'],
];
/** [male be, female be, male ru, female ru] */
const ENDINGS: readonly (readonly [string, string, string, string])[] = [
  ['скі', 'ская', 'ский', 'ская'],
  ['іч', 'іч', 'ич', 'ич'],
  ['ка', 'ка', 'ко', 'ко'],
  ['аў', 'ава', 'ов', 'ова'],
  ['ук', 'ук', 'ук', 'ук'],
  ['ічык', 'ічык', 'ичик', 'ичик'],
  ['ін', 'іна', 'ин', 'ина'],
  ['енка', 'енка', 'енко', 'енко'],
];
/** The commonest full names, which many different people share. */
const COMMON_SURNAMES: readonly [string, string, string, string][] = [
  ['Іваноў', 'Іванова', 'Иванов', 'Иванова'],
  ['Кавалёў', 'Кавалёва', 'Ковалёв', 'Ковалёва'],
  ['Новік', 'Новік', 'Новик', 'Новик'],
  ['Шаўчэнка', 'Шаўчэнка', 'Шевченко', 'Шевченко'],
];

const REGIONS: readonly Region[] = ['minsk-city', 'minsk', 'brest', 'gomel', 'grodno', 'mogilev', 'vitebsk'];
/** Where the persons of a register live: Minsk is over-represented among those detained and charged. */
const REGION_SHARES: readonly (readonly [Region, number])[] = [['minsk-city', 35], ['minsk', 15], ['brest', 10], ['gomel', 10], ['grodno', 10], ['mogilev', 10], ['vitebsk', 10]];
const BE_SYSTEMS: readonly TransliterationSystem[] = ['be-passport', 'be-passport', 'be-national', 'be-bgn-pcgn', 'be-lacinka'];
const RU_SYSTEMS: readonly TransliterationSystem[] = ['ru-icao', 'ru-press', 'ru-bgn-pcgn', 'ru-gost-52535'];

interface Identity {
  key: number;
  gender: 'male' | 'female';
  /** [be, ru] */
  given: readonly [string, string];
  family: readonly [string, string];
  patronymic: readonly [string, string];
  birth: { year: number; month: number; day: number };
  region: Region;
  locality: Forms | null;
  events: IdentityEvent[];
  /** Identities of relatives, for the relations the offices record. */
  relativeOf?: number;
}

export interface LabelledPerson extends MatchInput {
  /** Records of one identity are one person. */
  readonly identity: number;
}

export interface LabelledPopulation {
  readonly persons: LabelledPerson[];
  /** Per identity: its full name (given name and surname, Belarusian forms), to tell namesakes. */
  readonly names: readonly string[];
  readonly relations: { personId: string; relativeId: string }[];
  /** Pairs (record ids, smaller first) that are different people on purpose: relatives, common names. */
  readonly hardNegatives: { a: string; b: string; kind: 'relatives' | 'common-name' }[];
}

/** Patronymic from a father's name, [male be, female be, male ru, female ru]. */
function patronymicsOf(father: readonly [string, string]): [string, string, string, string] {
  const [be, ru] = father;
  const beStem = be.endsWith('й') ? be.slice(0, -1) : be;
  const ruStem = ru.endsWith('й') ? ru.slice(0, -1) : ru.endsWith('ь') ? ru.slice(0, -1) : ru;
  const beSoft = be.endsWith('й') || be.endsWith('ь');
  const ruSoft = ru.endsWith('й') || ru.endsWith('ь');
  return [
    `${beStem.replace(/ь$/, '')}${beSoft ? 'евіч' : 'авіч'}`,
    `${beStem.replace(/ь$/, '')}${beSoft ? 'еўна' : 'аўна'}`,
    `${ruStem}${ruSoft ? 'евич' : 'ович'}`,
    `${ruStem}${ruSoft ? 'евна' : 'овна'}`,
  ];
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  а: 'пвм', б: 'ью', в: 'ыа', г: 'нш', д: 'лж', е: 'кн', ж: 'дэ', з: 'хщ', і: 'мт', и: 'мт', к: 'уе', л: 'од', м: 'сі', н: 'ег',
  о: 'рл', п: 'ар', р: 'по', с: 'чм', т: 'іь', у: 'цк', ц: 'йу', ч: 'яс', ш: 'гў', ы: 'фв', ь: 'тб', э: 'жё', ю: 'б.', я: 'фч',
  ў: 'шз', a: 'qs', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', k: 'jl', l: 'k', m: 'n', n: 'bm',
  o: 'ip', p: 'o', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', y: 'tu', z: 'x',
};

/** Other assumptions than the defaults, to see how the finder fares when the real register differs. */
export interface GeneratorAssumptions {
  /** Multiplies how often surnames (12 %) and given names (6 %) of a further record are mistyped. */
  readonly typos?: number;
  /** Multiplies how often an office records each of a person's cases (65 % for the first record, 50 % after). */
  readonly cases?: number;
}

export function generateLabelledPersons(count: number, seed = 7, assume: GeneratorAssumptions = {}): LabelledPopulation {
  const typos = assume.typos ?? 1;
  const caseShare = assume.cases ?? 1;
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  const weighted = <T extends readonly unknown[]>(items: readonly T[], weightAt: number): T => {
    const total = items.reduce((sum, item) => sum + (item[weightAt] as number), 0);
    let roll = next() * total;
    for (const item of items) {
      roll -= item[weightAt] as number;
      if (roll < 0) return item;
    }
    return items[items.length - 1]!;
  };
  const forms = (entry: readonly [string, string, number]): readonly [string, string] => [entry[0], entry[1]];
  const male = () => forms(weighted(MALE, 2));
  const female = () => forms(weighted(FEMALE, 2));
  const identities: Identity[] = [];

  const newIdentity = (gender: 'male' | 'female', over: Partial<Identity> = {}): Identity => {
    const common = chance(0.015);
    const stem = pick(STEMS);
    const infix = pick(INFIXES);
    const ending = pick(ENDINGS);
    const [be, ru] = [`${stem[0]}${infix[0]}`, `${stem[1]}${infix[1]}`];
    const surnames: [string, string, string, string] = common
      ? pick(COMMON_SURNAMES)
      : [`${be}${ending[0]}`, `${be}${ending[1]}`, `${ru}${ending[2]}`, `${ru}${ending[3]}`];
    const pat = patronymicsOf(male());
    const region = over.region ?? weighted(REGION_SHARES, 1)[0];
    const identity: Identity = {
      key: identities.length,
      gender,
      given: gender === 'male' ? (common ? forms(pick(MALE.slice(0, 6))) : male()) : common ? forms(pick(FEMALE.slice(0, 5))) : female(),
      family: gender === 'male' ? [surnames[0], surnames[2]] : [surnames[1], surnames[3]],
      patronymic: gender === 'male' ? [pat[0], pat[2]] : [pat[1], pat[3]],
      birth: { year: 1945 + Math.floor(next() * 60), month: 1 + Math.floor(next() * 12), day: 1 + Math.floor(next() * 28) },
      locality: localityOf(next, region),
      events: eventsOf(next, region),
      ...over,
      region,
    };
    identities.push(identity);
    return identity;
  };

  const hard: { x: number; y: number; kind: 'relatives' | 'common-name' }[] = [];
  while (identities.length < count * 0.8) {
    const person = newIdentity(chance(0.5) ? 'male' : 'female');
    const roll = next();
    if (roll < 0.06 && person.gender === 'male') {
      // A son: the father's surname, a patronymic from the father's name, sometimes the father's name too.
      const pat = patronymicsOf(person.given);
      const son = newIdentity('male', {
        family: person.family,
        given: chance(0.3) ? person.given : male(),
        patronymic: [pat[0], pat[2]],
        birth: { ...person.birth, year: person.birth.year + 20 + Math.floor(next() * 15) },
        region: chance(0.7) ? person.region : weighted(REGION_SHARES, 1)[0],
        relativeOf: person.key,
      });
      hard.push({ x: person.key, y: son.key, kind: 'relatives' });
    } else if (roll < 0.12 && person.gender === 'male') {
      const wife = newIdentity('female', {
        family: femaleForm(person.family),
        birth: { ...person.birth, year: person.birth.year - 5 + Math.floor(next() * 10) },
        region: person.region,
        relativeOf: person.key,
      });
      hard.push({ x: person.key, y: wife.key, kind: 'relatives' });
    } else if (roll < 0.16) {
      const sibling = newIdentity(chance(0.5) ? 'male' : 'female', {
        birth: { year: person.birth.year + 1 + Math.floor(next() * 8), month: 1 + Math.floor(next() * 12), day: 1 + Math.floor(next() * 28) },
        region: person.region,
        relativeOf: person.key,
      });
      const surnames = sibling.gender === person.gender ? person.family : sibling.gender === 'female' ? femaleForm(person.family) : maleForm(person.family);
      const patronymic = sibling.gender === person.gender ? person.patronymic : siblingPatronymic(person.patronymic, sibling.gender);
      Object.assign(sibling, { family: surnames, patronymic });
      if (sibling.given[0] === person.given[0]) sibling.given = sibling.gender === 'male' ? male() : female();
      hard.push({ x: person.key, y: sibling.key, kind: 'relatives' });
    }
  }

  const persons: LabelledPerson[] = [];
  const recordsOf = new Map<number, string[]>();
  let serial = 0;
  const render = (identity: Identity, original: boolean) => {
    const id = `p${String(serial++).padStart(7, '0')}`;
    const style = next();
    const cyrillicBe = style < 0.45;
    const cyrillicRu = !cyrillicBe && style < 0.75;
    const latinSystem = cyrillicBe || cyrillicRu ? null : chance(0.6) ? pick(BE_SYSTEMS) : pick(RU_SYSTEMS);
    const lang = cyrillicBe || (latinSystem?.startsWith('be-') ?? false) ? 0 : 1;
    const write = (forms: readonly [string, string]) => {
      const cyr = forms[lang];
      return latinSystem === null ? cyr : transliterateAs(cyr, latinSystem);
    };
    let family = write(identity.family);
    let given = write(identity.given);
    const keepPatronymic = latinSystem === null ? chance(0.6) : chance(0.2);
    const patronymic = keepPatronymic ? write(identity.patronymic) : '';
    if (!original || chance(0.05)) {
      if (chance(0.12 * typos)) family = typo(family, next);
      if (chance(0.06 * typos)) given = typo(given, next);
    }
    const precision = next();
    let year = identity.birth.year;
    if (!original && chance(0.1)) year += chance(0.5) ? 1 : -1;
    const mm = String(identity.birth.month).padStart(2, '0');
    const dd = String(identity.birth.day).padStart(2, '0');
    const birthDate = precision < 0.45 ? `${year}-${mm}-${dd}` : precision < 0.75 ? `${year}` : precision < 0.8 ? `${year}-${mm}` : null;
    const region = chance(0.35) ? null : chance(0.1) ? pick(REGIONS) : identity.region;
    const gender = chance(0.5) ? identity.gender : 'unknown';
    const locality = identity.locality !== null && chance(0.4) ? write(identity.locality) : '';
    const events = recordEvents(next, identity.events, (original ? 0.65 : 0.5) * caseShare, write);
    persons.push({ id, identity: identity.key, givenName: given, familyName: family, patronymic, birthDate, gender, region, locality, events });
    recordsOf.set(identity.key, [...(recordsOf.get(identity.key) ?? []), id]);
  };
  for (const identity of identities) {
    render(identity, true);
    if (persons.length >= count) break;
  }
  // The duplicates: a second (sometimes a third) record of an identity, written by another office.
  while (persons.length < count) {
    const identity = identities[Math.floor(next() * identities.length)]!;
    if ((recordsOf.get(identity.key)?.length ?? 0) >= 3) continue;
    render(identity, false);
  }

  const relations: LabelledPopulation['relations'] = [];
  for (const identity of identities) {
    if (identity.relativeOf === undefined || !chance(0.3)) continue;
    const a = recordsOf.get(identity.key)?.[0];
    const b = recordsOf.get(identity.relativeOf)?.[0];
    if (a && b) relations.push({ personId: a, relativeId: b });
  }

  const hardNegatives: LabelledPopulation['hardNegatives'] = [];
  for (const { x, y, kind } of hard) {
    for (const a of recordsOf.get(x) ?? []) for (const b of recordsOf.get(y) ?? []) hardNegatives.push({ a: a < b ? a : b, b: a < b ? b : a, kind });
  }
  const byCommonName = new Map<string, string[]>();
  for (const p of persons) {
    const identity = identities[p.identity]!;
    if (!COMMON_SURNAMES.some((s) => s.includes(identity.family[0]))) continue;
    const name = `${identity.given[0]} ${identity.family[0]}`;
    byCommonName.set(name, [...(byCommonName.get(name) ?? []), p.id]);
  }
  for (const ids of byCommonName.values()) {
    for (let i = 0; i < ids.length && i < 40; i++) {
      for (let j = i + 1; j < ids.length && j < 40; j++) {
        const a = persons[Number(ids[i]!.slice(1))]!;
        const b = persons[Number(ids[j]!.slice(1))]!;
        if (a.identity !== b.identity) hardNegatives.push({ a: a.id, b: b.id, kind: 'common-name' });
      }
    }
  }
  return { persons, names: identities.map((i) => `${i.given[0]} ${i.family[0]}`), relations, hardNegatives };
}

function femaleForm(family: readonly [string, string]): [string, string] {
  const swap = (name: string, pairs: [string, string][]) => {
    for (const [m, f] of pairs) if (name.endsWith(m)) return name.slice(0, -m.length) + f;
    return name;
  };
  return [swap(family[0], [['скі', 'ская'], ['аў', 'ава'], ['оў', 'ова'], ['ёў', 'ёва'], ['ін', 'іна']]), swap(family[1], [['ский', 'ская'], ['ов', 'ова'], ['ёв', 'ёва'], ['ин', 'ина']])];
}

function maleForm(family: readonly [string, string]): [string, string] {
  const swap = (name: string, pairs: [string, string][]) => {
    for (const [f, m] of pairs) if (name.endsWith(f)) return name.slice(0, -f.length) + m;
    return name;
  };
  return [swap(family[0], [['ская', 'скі'], ['ова', 'оў'], ['ава', 'аў'], ['ёва', 'ёў'], ['іна', 'ін']]), swap(family[1], [['ская', 'ский'], ['ова', 'ов'], ['ёва', 'ёв'], ['ина', 'ин']])];
}

function siblingPatronymic(patronymic: readonly [string, string], gender: 'male' | 'female'): [string, string] {
  const swap = (name: string, pairs: [string, string][]) => {
    for (const [x, y] of pairs) if (name.endsWith(x)) return name.slice(0, -x.length) + y;
    return name;
  };
  return gender === 'female'
    ? [swap(patronymic[0], [['евіч', 'еўна'], ['авіч', 'аўна']]), swap(patronymic[1], [['евич', 'евна'], ['ович', 'овна']])]
    : [swap(patronymic[0], [['еўна', 'евіч'], ['аўна', 'авіч']]), swap(patronymic[1], [['евна', 'евич'], ['овна', 'ович']])];
}

/** One keyboard slip: a neighbouring key, a dropped, doubled or swapped letter. */
function typo(word: string, next: () => number): string {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(next() * (word.length - 2));
  const kind = next();
  const ch = word.charAt(at);
  if (kind < 0.4) {
    const near = KEYBOARD_NEIGHBOURS[ch.toLowerCase()];
    if (!near) return word;
    return word.slice(0, at) + near.charAt(Math.floor(next() * near.length)) + word.slice(at + 1);
  }
  if (kind < 0.65) return word.slice(0, at) + word.slice(at + 1);
  if (kind < 0.8) return word.slice(0, at) + ch + word.slice(at);
  return word.slice(0, at) + word.charAt(at + 1) + ch + word.slice(at + 2);
}

