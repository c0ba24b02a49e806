import ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors';
import { XLSX_LOAD_TIMEOUT_MS } from './limits';
import { toTable, type ParsedTable, type RawRow } from './table';
import { inspectXlsxZip } from './zip-guard';

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export async function parseXlsx(fileName: string, bytes: Uint8Array): Promise<ParsedTable> {
  if (bytes.length === 0) throw new AppError('VALIDATION', `"${fileName}" is empty: it has no header row and no data.`);
  if (startsWith(bytes, oleMagic)) {
    throw new AppError(
      'VALIDATION',
      `"${fileName}" is either password-protected or an old-format Excel file (.xls) renamed to .xlsx. Remove the password, or open it and save it as .xlsx, then try again.`,
    );
  }
  if (!startsWith(bytes, zipMagic)) {
    throw new AppError('VALIDATION', `"${fileName}" is not an Excel .xlsx workbook. Open it in your spreadsheet program and save it as .xlsx or CSV.`);
  }
  await inspectXlsxZip(bytes, fileName);

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its argument as an ArrayBuffer; at run time it hands it to JSZip, which reads a Node Buffer as is.
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer;
    await withTimeout(workbook.xlsx.load(data), XLSX_LOAD_TIMEOUT_MS);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'VALIDATION',
      `"${fileName}" could not be read as an Excel workbook: it is damaged or not an .xlsx file. Open it in your spreadsheet program and save it again as .xlsx or CSV.`,
    );
  }
  const sheets = workbook.worksheets;
  const sheet = sheets.find((s) => s.state === undefined || s.state === 'visible') ?? sheets[0];
  if (!sheet) throw new AppError('VALIDATION', `"${fileName}" has no worksheets.`);

  const raw: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      cells[colNumber - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    raw.push({ line: rowNumber, cells });
  });
  return toTable(raw, fileName);
}

/** A cell's value as the text a person sees: dates as YYYY-MM-DD, formulas by their result, links by their text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return Array.isArray(value.richText) ? value.richText.map((run) => (typeof run?.text === 'string' ? run.text : '')).join('') : '';
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
  if ('hyperlink' in value) {
    const text = cellText((value as { text?: ExcelJS.CellValue }).text);
    return text || (typeof value.hyperlink === 'string' ? value.hyperlink : '');
  }
  if ('error' in value) return typeof value.error === 'string' ? value.error : '';
  if ('text' in value) return cellText((value as { text?: ExcelJS.CellValue }).text);
  return '';
}

/** Numbers as Excel shows them by default: no exponent for ordinary values, no binary noise (0.1 + 0.2). */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
  return String(Number(n.toPrecision(15)));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('VALIDATION', 'Reading the workbook took too long. Save the sheet as CSV and import that instead.')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
