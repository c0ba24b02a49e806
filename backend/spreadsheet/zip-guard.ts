import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../shared/errors';
import { formatCount, MAX_XLSX_CELLS, MAX_XLSX_ENTRIES, MAX_XLSX_INFLATED_BYTES, MAX_XLSX_ROWS, MAX_XLSX_SHARED_STRINGS } from './limits';

/**
 * Measures an .xlsx (a zip) before exceljs loads it whole into memory: the entry count, the real inflated size of
 * every entry (declared sizes can lie), and the cells and rows in the worksheets and the shared strings. Refuses zip bombs and
 * workbooks too large to load; throws AppError('VALIDATION') for anything that is not a readable zip.
 */
export async function inspectXlsxZip(bytes: Uint8Array, fileName: string): Promise<{ cells: number; rows: number; strings: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw damaged(fileName);
  const entries = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || directoryOffset === 0xffffffff) throw tooLarge(fileName); // ZIP64: beyond anything importable
  if (entries > MAX_XLSX_ENTRIES) throw tooLarge(fileName);
  if (directoryOffset + directorySize > eocd) throw damaged(fileName);

  let inflatedTotal = 0;
  let cells = 0;
  let rows = 0;
  let strings = 0;
  let at = directoryOffset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== 0x02014b50) throw damaged(fileName);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const declaredSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;

    if (flags & 0x1) throw new AppError('VALIDATION', `"${fileName}" is encrypted. Remove the password in Excel (or save a copy without it) and try again.`);
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localOffset === 0xffffffff) throw tooLarge(fileName);
    if (inflatedTotal + declaredSize > MAX_XLSX_INFLATED_BYTES) throw tooLarge(fileName);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== 0x04034b50) throw damaged(fileName);
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.length) throw damaged(fileName);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);

    const counter = /^\/?xl\/(?:worksheets\/[^/]+|sharedStrings)\.xml$/i.test(name) ? new TagCounter() : undefined;
    const budget = MAX_XLSX_INFLATED_BYTES - inflatedTotal;
    let size: number;
    if (method === 0) {
      if (compressedSize > budget) throw tooLarge(fileName);
      counter?.feed(data);
      size = compressedSize;
    } else if (method === 8) {
      size = await inflateMeasured(data, budget, counter, fileName);
    } else {
      throw new AppError('VALIDATION', `"${fileName}" uses a compression Excel does not write. Open it in your spreadsheet program and save it again as .xlsx.`);
    }
    inflatedTotal += size;
    if (counter) {
      counter.finish();
      cells += counter.cells;
      rows += counter.rows;
      strings += counter.strings;
      const over =
        cells > MAX_XLSX_CELLS ? `${formatCount(MAX_XLSX_CELLS)} cells`
        : rows > MAX_XLSX_ROWS ? `${formatCount(MAX_XLSX_ROWS)} rows`
        : strings > MAX_XLSX_SHARED_STRINGS ? `${formatCount(MAX_XLSX_SHARED_STRINGS)} pieces of text`
        : undefined;
      if (over) {
        throw new AppError(
          'VALIDATION',
          `"${fileName}" has more than ${over} across its sheets, too many to import from a workbook at once. Delete the sheets and columns you do not need, split the file, or save the sheet as CSV.`,
        );
      }
    }
  }
  return { cells, rows, strings };
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}

/** Inflates without keeping the output, counting its size (and tags), and stops at the budget. */
function inflateMeasured(data: Uint8Array, budget: number, counter: TagCounter | undefined, fileName: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    let settled = false;
    const fail = (error: AppError) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      reject(error);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) return fail(tooLarge(fileName));
      counter?.feed(chunk);
    });
    inflate.on('error', () => fail(damaged(fileName)));
    inflate.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(size);
    });
    inflate.end(data);
  });
}

/** Counts `<row`, `<c` and `<si` start tags (with or without a namespace prefix) in XML arriving in chunks. */
class TagCounter {
  rows = 0;
  cells = 0;
  strings = 0;
  private carry = '';

  feed(chunk: Uint8Array): void {
    // latin1 keeps one character per byte; tag names are ASCII, and UTF-8 continuation bytes never look like them.
    let text = this.carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    const lastOpen = text.lastIndexOf('<');
    if (lastOpen >= 0 && lastOpen > text.length - 16) {
      this.carry = text.slice(lastOpen);
      text = text.slice(0, lastOpen);
    } else {
      this.carry = '';
    }
    this.count(text);
  }

  finish(): void {
    this.count(this.carry);
    this.carry = '';
  }

  private count(text: string): void {
    for (const match of text.matchAll(/<(?:[A-Za-z_][\w.-]*:)?(row|c|si)[\s/>]/g)) {
      if (match[1] === 'row') this.rows++;
      else if (match[1] === 'c') this.cells++;
      else this.strings++;
    }
  }
}

const damaged = (fileName: string) =>
  new AppError('VALIDATION', `"${fileName}" could not be read as an Excel workbook: it is damaged or not an .xlsx file. Open it in your spreadsheet program and save it again as .xlsx or CSV.`);

const tooLarge = (fileName: string) =>
  new AppError('VALIDATION', `"${fileName}" is too large to import once unpacked. Delete the sheets, images and columns you do not need, split the file, or save the sheet as CSV.`);
