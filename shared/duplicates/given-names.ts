/**
 * Given names that are written differently in Belarusian and Russian (and common Belarusian forms of one
 * name): Мікалай / Мікола / Николай, Вольга / Ольга, Яўген / Евгений. Spellings that only transliterate
 * differently need no entry: their folded keys already meet. Each row is one name, Belarusian forms first;
 * the gender lets a record without one be told apart from a relative of the other sex.
 */
import { nameKeys } from '../names';
import { withinOneEdit } from './edit-distance';

type Row = readonly [gender: 'male' | 'female', ...forms: string[]];

const ROWS: readonly Row[] = [
  ['male', 'Аляксандр', 'Алесь', 'Александр'],
  ['male', 'Аляксей', 'Алексей'],
  ['male', 'Анатоль', 'Анатолий'],
  ['male', 'Андрэй', 'Андрей'],
  ['male', 'Арцём', 'Артём', 'Артем'],
  ['male', 'Арсень', 'Арсений'],
  ['male', 'Барыс', 'Борис'],
  ['male', 'Вадзім', 'Вадим'],
  ['male', 'Валерый', 'Валерий'],
  ['male', 'Васіль', 'Василий'],
  ['male', 'Віктар', 'Виктор'],
  ['male', 'Віталь', 'Віталій', 'Виталий'],
  ['male', 'Уладзімір', 'Уладзімер', 'Владимир'],
  ['male', 'Уладзіслаў', 'Владислав'],
  ['male', 'Вячаслаў', 'Вячеслав'],
  ['male', 'Генадзь', 'Геннадий', 'Геннадій'],
  ['male', 'Рыгор', 'Григорий'],
  ['male', 'Данііл', 'Даніла', 'Даниил', 'Данила'],
  ['male', 'Дзмітрый', 'Зміцер', 'Дмитрий'],
  ['male', 'Яўген', 'Евгений'],
  ['male', 'Ягор', 'Егор'],
  ['male', 'Іван', 'Янка', 'Иван'],
  ['male', 'Ігар', 'Игорь'],
  ['male', 'Ілля', 'Илья'],
  ['male', 'Кірыл', 'Кирилл'],
  ['male', 'Канстанцін', 'Кастусь', 'Константин'],
  ['male', 'Леанід', 'Леонид'],
  ['male', 'Максім', 'Максим'],
  ['male', 'Міхаіл', 'Міхась', 'Михаил'],
  ['male', 'Мікалай', 'Мікола', 'Николай'],
  ['male', 'Алег', 'Олег'],
  ['male', 'Павел', 'Павал', 'Паўлюк'],
  ['male', 'Пятро', 'Пётр', 'Петр'],
  ['male', 'Раман', 'Роман'],
  ['male', 'Сяргей', 'Сергей'],
  ['male', 'Сцяпан', 'Степан'],
  ['male', 'Станіслаў', 'Станислав'],
  ['male', 'Цімафей', 'Цімох', 'Тимофей'],
  ['male', 'Фёдар', 'Хведар', 'Федор', 'Фёдор'],
  ['male', 'Юрый', 'Юрась', 'Юрий'],
  ['male', 'Якаў', 'Яков'],
  ['male', 'Яраслаў', 'Ярослав'],
  ['male', 'Францішак', 'Франак', 'Франциск'],
  ['female', 'Алена', 'Елена', 'Алёна'],
  ['female', 'Аляксандра', 'Алеся', 'Александра'],
  ['female', 'Анастасія', 'Настасся', 'Анастасия'],
  ['female', 'Ганна', 'Анна'],
  ['female', 'Вольга', 'Ольга'],
  ['female', 'Кацярына', 'Екатерина'],
  ['female', 'Марыя', 'Марыля', 'Мария'],
  ['female', 'Наталля', 'Наталья', 'Наталия'],
  ['female', 'Таццяна', 'Татьяна'],
  ['female', 'Ірына', 'Ирина'],
  ['female', 'Юлія', 'Юлия'],
  ['female', 'Людміла', 'Людмила'],
  ['female', 'Святлана', 'Светлана'],
  ['female', 'Вераніка', 'Вероника'],
  ['female', 'Дар’я', 'Дарья'],
  ['female', 'Надзея', 'Надежда'],
  ['female', 'Любоў', 'Любовь'],
  ['female', 'Ксенія', 'Ксения'],
  ['female', 'Яўгенія', 'Евгения'],
  ['female', 'Лізавета', 'Елізавета', 'Елизавета'],
  ['female', 'Вікторыя', 'Виктория'],
  ['female', 'Галіна', 'Галина'],
  ['female', 'Валянціна', 'Валентина'],
  ['female', 'Марына', 'Марина'],
  ['female', 'Аксана', 'Оксана'],
  ['female', 'Ала', 'Алла'],
  ['female', 'Зінаіда', 'Зинаида'],
  ['female', 'Раіса', 'Раиса'],
  ['female', 'Ларыса', 'Лариса'],
  ['female', 'Лілія', 'Лилия'],
  ['female', 'Паліна', 'Полина'],
  ['female', 'Соф’я', 'Софія', 'Софья', 'София'],
];

export interface GivenNameEntry {
  /** Index of the row: the id of the name across languages. */
  readonly id: number;
  readonly gender: 'male' | 'female';
  /** The first (Belarusian) form, for explanations. */
  readonly belarusian: string;
  /** The last (Russian) form. */
  readonly russian: string;
}

let byKey: Map<string, GivenNameEntry[]> | null = null;
/** Folded stem (key without its final vowels) → names: patronymics are built on it. */
let byStem: Map<string, GivenNameEntry[]> | null = null;

export function stemOf(folded: string): string {
  return folded.replace(/[aeiuj]+$/, '');
}

function build(): void {
  byKey = new Map();
  byStem = new Map();
  ROWS.forEach(([gender, ...forms], id) => {
    const entry: GivenNameEntry = { id, gender, belarusian: forms[0]!, russian: forms[forms.length - 1]! };
    for (const form of forms) {
      for (const key of nameKeys(form).folded) {
        const list = byKey!.get(key) ?? [];
        if (!list.includes(entry)) list.push(entry);
        byKey!.set(key, list);
        if (gender === 'male') {
          const stem = stemOf(key);
          const stems = byStem!.get(stem) ?? [];
          if (!stems.includes(entry)) stems.push(entry);
          byStem!.set(stem, stems);
        }
      }
    }
  });
}

/** The names a folded given-name key may be. */
export function givenNamesOfKey(key: string): readonly GivenNameEntry[] {
  if (byKey === null) build();
  return byKey!.get(key) ?? [];
}

/** The (male) given names whose stem a folded patronymic stem is. */
export function givenNamesOfStem(stem: string): readonly GivenNameEntry[] {
  if (byStem === null) build();
  return byStem!.get(stem) ?? [];
}

const nearCache = new Map<string, readonly GivenNameEntry[]>();

/** Drops the mistyped given names looked up so far (they are names from the vault). */
export function clearNearNames(): void {
  nearCache.clear();
}

/**
 * The names of the table one keyboard slip from a folded given name that is none of them (Бгдан, Адрэй),
 * for keys of four letters or more; empty when the key is a name of the table or near none.
 */
export function givenNamesNear(key: string): readonly GivenNameEntry[] {
  if (byKey === null) build();
  if (key.length < 4 || byKey!.has(key)) return [];
  const cached = nearCache.get(key);
  if (cached !== undefined) return cached;
  const found: GivenNameEntry[] = [];
  for (const [known, entries] of byKey!) {
    if (known.length < 4 || !withinOneEdit(key, known)) continue;
    for (const entry of entries) if (!found.includes(entry)) found.push(entry);
  }
  if (nearCache.size >= 50_000) nearCache.clear();
  nearCache.set(key, found);
  return found;
}
