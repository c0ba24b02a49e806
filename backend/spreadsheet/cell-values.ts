import { isPartialDate, type PartialDate } from '../../shared/domain/partial-date';

/** Undoes the `'` our exports put before cells that a spreadsheet would run as a formula, then trims. */
export function cellValue(raw: string | undefined): string {
  if (raw === undefined) return '';
  return (/^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw).trim();
}

/** Splits a list cell on `;`, `,` or line breaks; drops empty items and repeats. */
export function splitList(value: string): string[] {
  return [...new Set(value.split(/[;,\n\r]+/).map((item) => item.trim()).filter(Boolean))];
}

/**
 * An event date as a partial date: accepts `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (a time after it is dropped),
 * `DD.MM.YYYY` and `MM.YYYY`, with one-digit days and months and a trailing `г.`. Undefined when not a real date.
 */
export function parseEventDate(value: string): PartialDate | undefined {
  const text = value.trim().replace(/\s*(?:г|гг|год|года)\.?$/iu, '');
  const pad = (n: string) => n.padStart(2, '0');
  let date: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(text))) date = m[1];
  else if ((m = /^(\d{4})-(\d{1,2})$/.exec(text))) date = `${m[1]}-${pad(m[2]!)}`;
  else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text))) date = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text))) date = `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
  else if ((m = /^(\d{1,2})\.(\d{4})$/.exec(text))) date = `${m[2]}-${pad(m[1]!)}`;
  return date !== undefined && isPartialDate(date) ? date : undefined;
}

/**
 * A criminal-code article as Caseboard stores it: `ст. 342` → `342`, `ч. 2 ст. 342 УК` → `342 ч. 2`,
 * `арт. 361-1` → `361-1`. Anything else is returned trimmed, for validation to judge.
 */
export function normalizeArticle(value: string): string {
  let text = value
    .trim()
    .replace(/\s+(?:ук|кк|уk)(?:\s*(?:рб|рэспублікі беларусь|республики беларусь))?\.?$/iu, '')
    .trim();
  const partFirst = /^(?:ч|part|p)\.?\s*(\d{1,2})\s*,?\s*(?:of article|article|артыкула|артыкул|статьи|статья|арт|art|ст)\.?\s*(\d{1,4}(?:[-.]\d{1,3})?)$/iu.exec(text);
  if (partFirst) return `${partFirst[2]} ч. ${partFirst[1]}`;
  text = text.replace(/^(?:articles|article|артыкулы|артыкул|статьи|статья|арт|art|ст)\.?\s*/iu, '');
  return text;
}
