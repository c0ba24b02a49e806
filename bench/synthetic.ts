/** Deterministic synthetic cases: Belarusian and Russian names in Cyrillic and Latin, every region. */
import { priorities, regions, type NewCase } from '../shared/domain/cases';

const givenNames = [
  'Алесь', 'Марфа', 'Ігар', 'Мікола', 'Вольга', 'Павел', 'Наста', 'Сяргей', 'Ксенія', 'Андрэй',
  'Александр', 'Мария', 'Светлана', 'Дмитрий', 'Татьяна', 'Николай',
  'Ales', 'Marfa', 'Ihar', 'Mikola', 'Volha', 'Pavel', 'Nasta', 'Siarhei', 'Ksenia', 'Andrei', 'Maryja',
];
const familyNames = [
  'Бяляцкі', 'Рабкова', 'Лосік', 'Статкевіч', 'Каралёва', 'Севярынец', 'Лойка', 'Ціханоўскі', 'Калеснікава',
  'Беляцкий', 'Колесникова', 'Тихановский', 'Бабарико', 'Знак', 'Протасевич',
  'Bialiatski', 'Rabkova', 'Losik', 'Statkevich', 'Karaliova', 'Sieviarynets', 'Loika', 'Tsikhanouski', 'Kalesnikava',
];
const events = [
  'Detention after a protest', 'Administrative arrest, 15 days', 'Search of the family flat', 'Criminal charge under Art. 342',
  'Held incommunicado', 'Fine for a flag', 'Dismissal for a signature', '"Extremist" listing', 'Passport refused at the consulate',
  'Задержание у дома', 'Обыск у родителей', 'Затрыманне пасля акцыі', 'Вобшук у кватэры',
];

/** Park–Miller: the same seed gives the same data on every machine. */
function random(seed: number) {
  let state = seed % 2147483647 || 1;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

export function syntheticCases(count: number, seed = 42): NewCase[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, (_, i) => ({
    title: `${pick(events)} #${i}`,
    personName: `${pick(givenNames)} ${pick(familyNames)}`,
    region: pick(regions),
    priority: pick(priorities),
    summary: `${pick(events)}; ${pick(events)}. Lawyer ${pick(familyNames)} informed on day ${1 + Math.floor(next() * 30)}.`,
  }));
}
