import { isPartialDate, type PartialDate } from '../../shared/domain/partial-date';
import { localesFor } from '../i18n/locale';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${kind}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localesFor(language), options);
    formatters.set(key, format);
  }
  return format;
}

/** A compact local date and time for table cells, in the interface language. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(language, 'datetime', { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/**
 * A date known to the year, month or day, shown only as precisely as it is known: "2021", "Aug 2021",
 * "14/08/2021". Calendar dates are not moments, so they are formatted in UTC.
 */
export function formatPartialDate(value: PartialDate | null, language: string): string {
  if (!value) return '';
  if (!isPartialDate(value)) return value;
  const [y, m, d] = value.split('-').map(Number);
  if (m === undefined) return String(y);
  const date = new Date(Date.UTC(y!, m - 1, d ?? 1));
  if (d === undefined) return formatter(language, 'month', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
  return formatter(language, 'day', { dateStyle: 'short', timeZone: 'UTC' }).format(date);
}
