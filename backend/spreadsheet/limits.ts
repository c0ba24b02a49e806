import { MAX_IMPORT_BYTES } from '../../shared/domain/spreadsheet';

export { MAX_IMPORT_BYTES };

/** Data rows (the header not counted) one import may hold. */
export const MAX_IMPORT_ROWS = 50_000;

/** Columns one import may hold. */
export const MAX_IMPORT_COLUMNS = 200;

/**
 * exceljs builds the whole workbook in memory, at roughly 300–400 bytes a cell, so a small compressed file can
 * still exhaust memory. Workbooks are measured before they are loaded: cells, rows and shared strings across all
 * sheets, inflated size and entry count.
 */
export const MAX_XLSX_CELLS = 1_500_000;
export const MAX_XLSX_ROWS = 500_000;
export const MAX_XLSX_SHARED_STRINGS = 2_000_000;
export const MAX_XLSX_INFLATED_BYTES = 300 * 1024 * 1024;
export const MAX_XLSX_ENTRIES = 10_000;

/** A workbook that takes longer than this to read is refused rather than left to hang the import. */
export const XLSX_LOAD_TIMEOUT_MS = 60_000;

export const formatCount = (n: number): string => n.toLocaleString('en-US');
