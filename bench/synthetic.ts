/**
 * Deterministic synthetic cases: Belarusian and Russian names in Cyrillic and Latin, every region, every
 * priority and status, violations, articles, tags, partial (and some missing) event dates.
 */
import Papa from 'papaparse';
import { caseStatuses, priorities, regions, type NewCase } from '../shared/domain/cases';
import { violationTypes } from '../shared/domain/vocabularies';

export const givenNames = [
  'Алесь', 'Марфа', 'Ігар', 'Мікола', 'Вольга', 'Павел', 'Наста', 'Сяргей', 'Ксенія', 'Андрэй', 'Аляксандр', 'Мар\u02bcя',
  'Александр', 'Мария', 'Светлана', 'Дмитрий', 'Татьяна', 'Николай', 'Ольга', 'Виктор',
  'Ales', 'Marfa', 'Ihar', 'Mikola', 'Volha', 'Pavel', 'Nasta', 'Siarhei', 'Ksenia', 'Andrei', 'Maryja', 'Aliaksandr',
];
export const familyNames = [
  'Бяляцкі', 'Рабкова', 'Лосік', 'Статкевіч', 'Каралёва', 'Севярынец', 'Лойка', 'Ціханоўскі', 'Калеснікава', 'Бабарыка',
  'Беляцкий', 'Колесникова', 'Тихановский', 'Бабарико', 'Знак', 'Протасевич', 'Лосик', 'Статкевич', 'Кузнецова', 'Новиков',
  'Bialiatski', 'Rabkova', 'Losik', 'Statkevich', 'Karaliova', 'Sieviarynets', 'Loika', 'Tsikhanouski', 'Kalesnikava', 'Babaryka',
];
const events = [
  'Detention after a protest', 'Administrative arrest, 15 days', 'Search of the family flat', 'Criminal charge under Art. 342',
  'Held incommunicado', 'Fine for a flag', 'Dismissal for a signature', '"Extremist" listing', 'Passport refused at the consulate',
  'Задержание у дома', 'Обыск у родителей', 'Затрыманне пасля акцыі', 'Вобшук у кватэры', 'Штраф за сцяг',
];
const places = ['Akrestsina, Minsk', 'SIZO-1, Minsk', 'IK-4, Gomel', 'Жодино', 'ИК-15, Могилёв', 'IK-2, Babruisk', ''];
const localities = ['Мінск', 'Гомель', 'Гродна', 'Brest', 'Mahiliou', 'Віцебск', 'Бабруйск', 'Baranavichy', 'Пінск', 'Lida', 'Маладзечна', 'Солигорск', ''];
/** Tags an office gives its cases: a handful of common ones, many rare ones. */
export const tagPool = [
  'students', 'journalists', 'lawyers', 'pensioners', 'workers', 'strike', 'medics', 'athletes', 'artists', 'volunteers',
  'telegram-channel', 'flag', 'repeat-arrest', 'exile', 'family-pressure', 'vigil-2020', 'march-2021', 'solidarity-fund',
];
const articlePool = ['342', '361-1', '130', '369', '368', '361-4', '423', '293', '367', '356'];

/** Park–Miller: the same seed gives the same data on every machine. */
export function random(seed: number) {
  let state = seed % 2147483647 || 1;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

const stems = [
  'Бяляц', 'Рабк', 'Лос', 'Статкев', 'Каралё', 'Севярын', 'Лойк', 'Ціханоў', 'Калеснік', 'Бабарык', 'Знак', 'Пратасев',
  'Кузняц', 'Навік', 'Шаўчэн', 'Ковал', 'Бандар', 'Ткачэн', 'Марозав', 'Паўлав', 'Сямёнав', 'Васілеў', 'Зайц', 'Салаўё',
  'Вараб', 'Мельнік', 'Шыман', 'Гурын', 'Дубровін', 'Жук', 'Карпов', 'Лысенк', 'Мазур', 'Назар', 'Осіп', 'Пятроў',
  'Радзев', 'Сінкев', 'Тарас', 'Уласав', 'Фёдар', 'Харытон', 'Цвірк', 'Чарнышоў', 'Шульг', 'Юркев', 'Яцкев', 'Грыгор',
];
const endings = ['ічы', 'ская', 'скі', 'ава', 'аў', 'энка', 'ук', 'чык', 'ёнак', 'ец', 'овіч', 'евіч', 'ін', 'іна', 'ка'];

/** Thousands of distinct surnames, as an office's register holds, written in Cyrillic or Latin. */
function surname(next: () => number): string {
  const stem = stems[Math.floor(next() * stems.length)]!;
  const ending = endings[Math.floor(next() * endings.length)]!;
  const extra = next() < 0.5 ? '' : stems[Math.floor(next() * stems.length)]!.slice(0, 2).toLowerCase();
  return `${stem}${extra}${ending}`;
}

export interface SyntheticCase extends NewCase {
  status: (typeof caseStatuses)[number];
}

export function syntheticCases(count: number, seed = 42): SyntheticCase[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const year = 2020 + Math.floor(next() * 7);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    const precision = next();
    // Skewed toward the first tags of the pool, as real tags are: a few common, most rare.
    const tag = () => tagPool[Math.floor(next() ** 2 * tagPool.length)]!;
    const tagCount = next() < 0.3 ? 1 + Math.floor(next() * 2) : 0;
    return {
      title: `${pick(events)} #${i}`,
      personName: `${pick(givenNames)} ${next() < 0.1 ? pick(familyNames) : surname(next)}`,
      region: pick(regions),
      priority: pick(priorities),
      status: pick(caseStatuses),
      violations: [...new Set([pick(violationTypes), pick(violationTypes)])],
      eventDate: precision < 0.08 ? null : precision < 0.25 ? `${year}` : precision < 0.4 ? `${year}-${month}` : `${year}-${month}-${day}`,
      placeOfDetention: pick(places),
      locality: pick(localities),
      articles: next() < 0.4 ? [...new Set([pick(articlePool), pick(articlePool)])] : [],
      tags: [...new Set(Array.from({ length: tagCount }, tag))],
      summary: `${pick(events)}; ${pick(events)}. Lawyer ${pick(familyNames)} informed on day ${1 + Math.floor(next() * 30)}.`,
    };
  });
}

/** The same cases as a spreadsheet export from another tool would hold them. */
export function casesAsCsv(rows: readonly SyntheticCase[]): Uint8Array {
  const csv = Papa.unparse({
    fields: ['Title', 'Person', 'Region', 'Locality', 'Priority', 'Status', 'Violations', 'Articles', 'Event date', 'Place of detention', 'Tags', 'Summary'],
    data: rows.map((c) => [
      c.title,
      c.personName,
      c.region,
      c.locality ?? '',
      c.priority,
      c.status,
      (c.violations ?? []).join('; '),
      (c.articles ?? []).join('; '),
      c.eventDate ?? '',
      c.placeOfDetention ?? '',
      (c.tags ?? []).join('; '),
      c.summary ?? '',
    ]),
  });
  return new TextEncoder().encode(csv);
}
