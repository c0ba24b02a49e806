/**
 * What the offices' records say besides a name, for the labelled population: where a person lives and what
 * happened to them (the cases that name them as a victim). Duplicates come from two offices documenting one
 * person, often about the same detention, so these are the clues a person reviewing a pair reads too — and
 * strangers share them by chance: thousands were held at Akrestsina on the same August nights of 2020, and
 * article 23.34 was the charge of most of them.
 *
 * Lists hold [Belarusian, Russian] forms; a record writes them in its own script or transliteration.
 */
import type { Region } from '../shared/domain/cases';

export type Forms = readonly [string, string];

/** Towns by region, the regional centre first. */
export const LOCALITIES: Record<Exclude<Region, 'abroad' | 'unknown'>, readonly Forms[]> = {
  'minsk-city': [['Мінск', 'Минск']],
  minsk: [['Барысаў', 'Борисов'], ['Маладзечна', 'Молодечно'], ['Салігорск', 'Солигорск'], ['Жодзіна', 'Жодино'], ['Слуцк', 'Слуцк'], ['Дзяржынск', 'Дзержинск']],
  brest: [['Брэст', 'Брест'], ['Баранавічы', 'Барановичи'], ['Пінск', 'Пинск'], ['Кобрын', 'Кобрин'], ['Іванава', 'Иваново']],
  gomel: [['Гомель', 'Гомель'], ['Мазыр', 'Мозырь'], ['Жлобін', 'Жлобин'], ['Рэчыца', 'Речица'], ['Светлагорск', 'Светлогорск']],
  grodno: [['Гродна', 'Гродно'], ['Ліда', 'Лида'], ['Слонім', 'Слоним'], ['Навагрудак', 'Новогрудок'], ['Смаргонь', 'Сморгонь']],
  mogilev: [['Магілёў', 'Могилёв'], ['Бабруйск', 'Бобруйск'], ['Асіповічы', 'Осиповичи'], ['Горкі', 'Горки'], ['Крычаў', 'Кричев']],
  vitebsk: [['Віцебск', 'Витебск'], ['Полацк', 'Полоцк'], ['Наваполацк', 'Новополоцк'], ['Орша', 'Орша'], ['Глыбокае', 'Глубокое']],
};

/** Where people were held: temporary detention centres, remand prisons, colonies. */
const AKRESTSINA: Forms = ['ЦІП на Акрэсціна', 'ЦИП на Окрестина'];
const ZHODZINA: Forms = ['Турма 8 Жодзіна', 'Тюрьма 8 Жодино'];
const VALADARKA: Forms = ['СІЗА-1 Валадарка', 'СИЗО-1 Володарка'];
const LOCAL_JAIL: Record<string, Forms> = {
  minsk: ['ІЧУ Барысаў', 'ИВС Борисов'],
  brest: ['ІЧУ Брэст', 'ИВС Брест'],
  gomel: ['ІЧУ Гомель', 'ИВС Гомель'],
  grodno: ['ІЧУ Гродна', 'ИВС Гродно'],
  mogilev: ['ІЧУ Магілёў', 'ИВС Могилёв'],
  vitebsk: ['ІЧУ Віцебск', 'ИВС Витебск'],
};
const REMAND: Record<string, Forms> = {
  minsk: VALADARKA,
  brest: ['СІЗА-7 Брэст', 'СИЗО-7 Брест'],
  gomel: ['СІЗА-3 Гомель', 'СИЗО-3 Гомель'],
  grodno: ['СІЗА-1 Гродна', 'СИЗО-1 Гродно'],
  mogilev: ['Турма 4 Магілёў', 'Тюрьма 4 Могилёв'],
  vitebsk: ['СІЗА-2 Віцебск', 'СИЗО-2 Витебск'],
};
const COLONIES: readonly Forms[] = [
  ['ПК-15 Магілёў', 'ИК-15 Могилёв'], ['ПК-2 Бабруйск', 'ИК-2 Бобруйск'], ['ПК-3 Віцебск', 'ИК-3 Витебск'],
  ['ПК-17 Шклоў', 'ИК-17 Шклов'], ['ПК-1 Наваполацк', 'ИК-1 Новополоцк'], ['ПК-4 Гомель', 'ИК-4 Гомель'],
  ['ПК-9 Горкі', 'ИК-9 Горки'], ['ПК-22 Івацэвічы', 'ИК-22 Ивацевичи'], ['ПК-24 Заречча', 'ИК-24 Заречье'],
];

export interface IdentityEvent {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly place: Forms | null;
  readonly article: string | null;
}

type Next = () => number;

function weighted<T>(next: Next, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let roll = next() * total;
  for (const [item, w] of items) {
    roll -= w;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

const DAY = 86_400_000;
const dateOf = (ms: number) => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/**
 * One event of a person's history. A third fall in the mass detentions of 9–14 August 2020, a third in the
 * protests up to March 2021 (Sundays four times as likely as other days), the rest spread over 2021–2026.
 */
function eventOf(next: Next, region: Region): IdentityEvent {
  const roll = next();
  const local = region === 'minsk-city' ? 'minsk' : region;
  if (roll < 0.35) {
    const day = weighted(next, [[9, 25], [10, 25], [11, 20], [12, 12], [13, 10], [14, 8]] as const);
    const place =
      local === 'minsk' ? weighted(next, [[AKRESTSINA, 70], [ZHODZINA, 20], [VALADARKA, 10]] as const) : weighted(next, [[LOCAL_JAIL[local]!, 70], [AKRESTSINA, 20], [REMAND[local]!, 10]] as const);
    const article = weighted(next, [['23.34', 75], ['342', 10], ['293', 5], [null, 10]] as const);
    return { year: 2020, month: 8, day, place, article };
  }
  if (roll < 0.65) {
    const start = Date.UTC(2020, 7, 15);
    const days = (Date.UTC(2021, 2, 31) - start) / DAY;
    let ms: number;
    do ms = start + Math.floor(next() * days) * DAY;
    while (new Date(ms).getUTCDay() !== 0 && next() < 0.75);
    const place = local === 'minsk' ? weighted(next, [[AKRESTSINA, 65], [ZHODZINA, 20], [VALADARKA, 15]] as const) : weighted(next, [[LOCAL_JAIL[local]!, 65], [AKRESTSINA, 15], [REMAND[local]!, 20]] as const);
    const article = weighted(next, [['23.34', 60], ['342', 25], ['130', 3], ['364', 3], [null, 9]] as const);
    return { ...dateOf(ms), place, article };
  }
  const start = Date.UTC(2021, 3, 1);
  const ms = start + Math.floor(next() * ((Date.UTC(2026, 9, 31) - start) / DAY)) * DAY;
  const place = weighted(next, [[REMAND[local]!, 35], [COLONIES[Math.floor(next() * COLONIES.length)]!, 35], [LOCAL_JAIL[local]!, 15], [AKRESTSINA, 15]] as const);
  const article = weighted(next, [['342', 30], ['361-1', 12], ['130', 8], ['369', 8], ['23.34', 20], ['367', 5], ['361-4', 5], [null, 12]] as const);
  return { ...dateOf(ms), place, article };
}

/** A person's history: none for three in ten (relatives, aid recipients), up to three events. */
export function eventsOf(next: Next, region: Region): IdentityEvent[] {
  const count = weighted(next, [[0, 30], [1, 45], [2, 18], [3, 7]] as const);
  return Array.from({ length: count }, () => eventOf(next, region)).sort((a, b) => a.year - b.year || a.month - b.month || a.day - b.day);
}

/** Where a person lives: the regional centre for nearly half, the other towns for the rest. */
export function localityOf(next: Next, region: Region): Forms | null {
  const towns = LOCALITIES[region as keyof typeof LOCALITIES];
  if (towns === undefined) return null;
  return next() < 0.45 ? towns[0]! : towns[Math.floor(next() * towns.length)]!;
}

export interface RecordedEvent {
  readonly date: string | null;
  readonly place: string;
  readonly articles: readonly string[];
}

/**
 * The events one office recorded of a person: each with probability `share`; the date to the day (80 %), the
 * month (15 %) or the year, a day off (8 %) as when the court date is taken for the detention date; the place
 * for 55 % and the article for 65 %.
 */
export function recordEvents(next: Next, events: readonly IdentityEvent[], share: number, write: (forms: Forms) => string): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  for (const e of events) {
    if (next() >= share) continue;
    const precision = next();
    let { year, month, day } = e;
    if (precision < 0.8 && next() < 0.08) ({ year, month, day } = dateOf(Date.UTC(year, month - 1, day) + (next() < 0.5 ? -DAY : DAY)));
    const mm = String(month).padStart(2, '0');
    const dd = String(day).padStart(2, '0');
    const date = precision < 0.8 ? `${year}-${mm}-${dd}` : precision < 0.95 ? `${year}-${mm}` : `${year}`;
    const place = e.place !== null && next() < 0.55 ? write(e.place) : '';
    const articles = e.article !== null && next() < 0.65 ? [e.article] : [];
    out.push({ date, place, articles });
  }
  return out;
}
