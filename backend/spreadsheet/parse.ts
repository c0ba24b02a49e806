import { AppError } from '../../shared/errors';
import { MAX_IMPORT_BYTES } from './limits';
import { parseCsv } from './parse-csv';
import { parseXlsx } from './parse-xlsx';

export interface ParsedSpreadsheet {
  format: 'csv' | 'xlsx';
  /** Trimmed, unique headers; an empty one is named `Column N`. */
  columns: string[];
  /** Data rows without blank ones, each exactly as wide as `columns`. */
  rows: string[][];
  /** Each row's line as the file shows it (the header normally line 1); blank rows skipped still count. */
  lines: number[];
}

const csvExtensions = new Set(['csv', 'tsv', 'txt']);

export function spreadsheetFormat(fileName: string): 'csv' | 'xlsx' | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  if (csvExtensions.has(extension)) return 'csv';
  if (extension === 'xlsx') return 'xlsx';
  return undefined;
}

/**
 * Reads a CSV (.csv, .tsv, .txt) or Excel (.xlsx) file into columns and rows of text. Every failure — a file too
 * large, damaged, of the wrong kind, or empty — is an AppError('VALIDATION') whose message says what to do.
 */
export async function parseSpreadsheet(fileName: string, bytes: Uint8Array): Promise<ParsedSpreadsheet> {
  const name = fileName.trim() || 'The file';
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError('VALIDATION', `"${name}" is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB. Split it into smaller files, or delete the columns you do not need, and try again.`);
  }
  const format = spreadsheetFormat(name);
  if (!format) {
    const hint = /\.(xls|xlsm|xlsb|ods|numbers)$/i.test(name) ? ' Open it in your spreadsheet program and save it as .xlsx or CSV.' : '';
    throw new AppError('VALIDATION', `"${name}" is not a file Caseboard can import: use a CSV (.csv) or Excel (.xlsx) file.${hint}`);
  }
  try {
    const table = format === 'csv' ? parseCsv(name, bytes) : await parseXlsx(name, bytes);
    return { format, ...table };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof RangeError) {
      throw new AppError('VALIDATION', `"${name}" is too large to import at once. Split it into smaller files and try again.`);
    }
    throw new AppError('VALIDATION', `"${name}" could not be read as a ${format === 'csv' ? 'CSV' : 'Excel'} file. Open it in your spreadsheet program, save it again as .xlsx or CSV, and retry.`);
  }
}
