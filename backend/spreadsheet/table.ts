import { AppError } from '../../shared/errors';
import { formatCount, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from './limits';

/** A row as read from the file, with its line: the record number in a CSV, the row number in a sheet. */
export interface RawRow {
  line: number;
  cells: string[];
}

export interface ParsedTable {
  columns: string[];
  rows: string[][];
  /** The line of each row in `rows`, as the file shows it (the header is normally line 1). */
  lines: number[];
}

const isBlank = (cell: string | undefined): boolean => cell === undefined || cell.trim() === '';

/** The index after the last cell with something in it. */
function usedWidth(cells: string[]): number {
  let width = cells.length;
  while (width > 0 && isBlank(cells[width - 1])) width--;
  return width;
}

/**
 * Turns raw rows into a table: the first non-blank row is the header, blank rows are skipped, every row is padded
 * to the widest row that has data, and headers are trimmed, named when empty and made unique.
 */
export function toTable(raw: Iterable<RawRow>, fileName: string): ParsedTable {
  let header: RawRow | undefined;
  const rows: string[][] = [];
  const lines: number[] = [];
  let width = 0;
  for (const row of raw) {
    const used = usedWidth(row.cells);
    if (used === 0) continue;
    if (used > MAX_IMPORT_COLUMNS) throw tooManyColumns(used);
    width = Math.max(width, used);
    if (!header) {
      header = row;
      continue;
    }
    if (rows.length >= MAX_IMPORT_ROWS) throw tooManyRows();
    rows.push(row.cells);
    lines.push(row.line);
  }
  if (!header) throw new AppError('VALIDATION', `"${fileName}" is empty: it has no header row and no data.`);
  if (rows.length === 0) throw new AppError('VALIDATION', `"${fileName}" has a header row but no data rows below it.`);
  const pad = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  return { columns: uniqueHeaders(pad(header.cells)), rows: rows.map(pad), lines };
}

/** Trimmed headers; an empty one becomes `Column N`, a repeated one gets ` (2)`, ` (3)`… */
export function uniqueHeaders(raw: string[]): string[] {
  const named = raw.map((h, i) => h.replace(/\s+/g, ' ').trim() || `Column ${i + 1}`);
  const taken = new Set<string>();
  const original = new Set(named);
  return named.map((name) => {
    let unique = name;
    for (let n = 2; taken.has(unique); n++) {
      unique = `${name} (${n})`;
      if (original.has(unique)) unique = name; // keep looking: that name belongs to another column
    }
    taken.add(unique);
    return unique;
  });
}

export const tooManyRows = () =>
  new AppError('VALIDATION', `The file has more than ${formatCount(MAX_IMPORT_ROWS)} rows. Split it into smaller files and import them one by one.`);

export const tooManyColumns = (count?: number) =>
  new AppError(
    'VALIDATION',
    `The file has ${count ? formatCount(count) : 'more than ' + MAX_IMPORT_COLUMNS} columns; at most ${MAX_IMPORT_COLUMNS} can be imported. Delete the columns you do not need and try again.`,
  );
