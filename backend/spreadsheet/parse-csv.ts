import Papa from 'papaparse';
import { AppError } from '../../shared/errors';
import { MAX_IMPORT_ROWS } from './limits';
import { toTable, tooManyRows, type ParsedTable, type RawRow } from './table';
import { assertLooksLikeText, decodeText } from './text-decode';

export type Delimiter = ',' | ';' | '\t';

/** Tab first, then semicolon (Excel in Belarusian/Russian locales), then comma: the order ties are broken in. */
const candidates: Delimiter[] = ['\t', ';', ','];

export function parseCsv(fileName: string, bytes: Uint8Array): ParsedTable {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new AppError('VALIDATION', `"${fileName}" is an Excel workbook, not a CSV text file. Rename it to end in .xlsx, or save it as CSV, and try again.`);
  }
  const { text } = decodeText(bytes);
  assertLooksLikeText(text, fileName);
  if (text.trim() === '') throw new AppError('VALIDATION', `"${fileName}" is empty: it has no header row and no data.`);
  const delimiter = detectDelimiter(text);
  const cap = MAX_IMPORT_ROWS * 4 + 2;
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, dynamicTyping: false, preview: cap });
  const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) {
    const line = (unclosed.row ?? 0) + 1;
    throw new AppError(
      'VALIDATION',
      `Row ${line} of "${fileName}" opens a quoted value (") that is never closed, so the rest of the file cannot be read. Fix the quotes, or save the file again from your spreadsheet program.`,
    );
  }
  // Parsing stops at `cap` records: far more than the limit even if most of them were blank.
  if (result.data.length >= cap) throw tooManyRows();
  return toTable(records(result.data), fileName);
}

function* records(data: string[][]): Generator<RawRow> {
  for (let i = 0; i < data.length; i++) yield { line: i + 1, cells: data[i] ?? [] };
}

/**
 * Picks the delimiter that splits the header into the most columns, among those whose following rows mostly have
 * the same number of fields. A delimiter that leaves the header whole is never chosen; a one-column file is
 * read with commas.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  let best: { delimiter: Delimiter; consistency: number; width: number } | undefined;
  for (const delimiter of candidates) {
    const rows = Papa.parse<string[]>(sample, { delimiter, preview: 50, skipEmptyLines: 'greedy' }).data;
    const header = rows[0];
    if (!header || header.length < 2) continue;
    const body = rows.slice(1, sample.length < text.length ? -1 : undefined); // the last sampled row may be cut short
    const fits = (r: string[]) => r.length === header.length || (r.length > header.length && r.slice(header.length).every((c) => c.trim() === ''));
    const consistency = body.length === 0 ? 1 : body.filter(fits).length / body.length;
    if (!best || consistency > best.consistency + 1e-9 || (Math.abs(consistency - best.consistency) < 1e-9 && header.length > best.width)) {
      best = { delimiter, consistency, width: header.length };
    }
  }
  return best?.delimiter ?? ',';
}
