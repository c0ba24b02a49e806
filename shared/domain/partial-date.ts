import { z } from 'zod';

/** A date known to the year, the month or the day: `2021`, `2021-08`, `2021-08-14`. */
export type PartialDate = string;

const pattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isPartialDate(value: string): boolean {
  const match = pattern.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const year = Number(y);
  if (year < 1900 || year > 2100) return false;
  if (m === undefined) return true;
  const month = Number(m);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

export const partialDateSchema = z
  .string()
  .trim()
  .refine(isPartialDate, { message: 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD (1900–2100)' });

/** The first and last full day a partial date may mean, for range filters. */
export function partialDateBounds(value: PartialDate): { from: string; to: string } {
  const [y, m, d] = value.split('-');
  if (d !== undefined) return { from: value, to: value };
  if (m !== undefined) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { from: `${y}-${m}-01`, to: `${y}-${m}-${String(last).padStart(2, '0')}` };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}
