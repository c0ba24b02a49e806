/**
 * Comparable keys of what a record says besides a name: a locality, a place of detention, an article, an
 * event date. Places are free text in any script ("ЦІП на Акрэсціна", "ЦИП на Окрестина", "Akrestsina"), so
 * they are compared by the consonant skeletons of their distinctive words and their numbers, without the
 * words every such place has (ЦІП / ИВС / СІЗА / ПК / ИК / prison …).
 */
import { nameKeys } from '../names';

const GENERIC_WORDS = [
  'ЦІП', 'ЦИП', 'ІЧУ', 'ИВС', 'ИЗС', 'СІЗА', 'СИЗО', 'ПК', 'ИК', 'ЛТП', 'Турма', 'Тюрьма', 'калонія', 'колония', 'на', 'па', 'по', 'вул', 'ул',
  'prison', 'jail', 'detention', 'centre', 'center', 'colony', 'remand', 'no', 'nr', 'street',
];
let generic: Set<string> | null = null;

function isGeneric(folded: string): boolean {
  generic ??= new Set(GENERIC_WORDS.flatMap((w) => nameKeys(w).folded));
  return generic.has(folded);
}

const TOKEN_RE = /[\p{L}\p{M}ʼ'’]+|\d+/gu;

/** Skeletons of the distinctive words and the numbers of a place, sorted: '' when nothing distinctive remains. */
export function placeKey(text: string): string {
  const out = new Set<string>();
  for (const token of text.match(TOKEN_RE) ?? []) {
    if (/^\d+$/.test(token)) {
      out.add(String(Number(token)));
      continue;
    }
    const { folded, skeletons } = nameKeys(token);
    const first = folded[0];
    if (first === undefined || isGeneric(first)) continue;
    if (skeletons[0] !== undefined && skeletons[0].length >= 2) out.add(skeletons[0]);
  }
  return [...out].sort().join(' ');
}

/** A locality (town, district) as the skeletons of its words: Магілёў, Могилёв and Mahiliou meet. */
export function localityKey(text: string): string {
  const { skeletons } = nameKeys(text);
  return skeletons.length === 0 ? '' : [...new Set(skeletons)].sort().join(' ');
}

/** The article without its part: "342 ч. 1" and "342" are the same article for telling people apart. */
export function articleKey(article: string): string {
  const match = /^\s*(\d{1,4}(?:[-.]\d{1,3})?)/.exec(article);
  return match ? match[1]! : '';
}

export interface PartialDay {
  /** Days since 1970-01-01 when the day is known, else null. */
  readonly day: number | null;
  /** year × 12 + month − 1 when the month is known, else null. */
  readonly month: number | null;
  readonly year: number;
}

/** A partial date (`2020`, `2020-08`, `2020-08-10`) as numbers; null when it does not parse. */
export function partialDay(date: string | null): PartialDay | null {
  if (date === null) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  return {
    year,
    month: month === null ? null : year * 12 + month - 1,
    day: month === null || day === null ? null : Math.round(Date.UTC(year, month - 1, day) / 86_400_000),
  };
}
