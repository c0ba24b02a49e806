import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { CaseRecord } from '../../shared/domain/cases';
import { priorityLabels, regionLabels, statusLabels, violationLabels, type Labels } from '../../shared/domain/vocabularies';

export type ExportLanguage = 'en' | 'ru' | 'be';

const exportColumns = ['reference', 'title', 'personName', 'region', 'priority', 'status', 'assignee', 'violations', 'eventDate', 'createdAt', 'updatedAt'] as const;
type ExportColumn = (typeof exportColumns)[number];

/** Header labels; each is one `guessMapping` reads back to the same field. */
const headerLabels: Record<ExportColumn, Labels> = {
  reference: { en: 'Reference', ru: 'Номер', be: 'Нумар' },
  title: { en: 'Title', ru: 'Название', be: 'Назва' },
  personName: { en: 'Person', ru: 'ФИО', be: 'Імя і прозвішча' },
  region: { en: 'Region', ru: 'Регион', be: 'Рэгіён' },
  priority: { en: 'Priority', ru: 'Приоритет', be: 'Прыярытэт' },
  status: { en: 'Status', ru: 'Статус', be: 'Статус' },
  assignee: { en: 'Assignee', ru: 'Ответственный', be: 'Адказны' },
  violations: { en: 'Violations', ru: 'Нарушения', be: 'Парушэнні' },
  eventDate: { en: 'Event date', ru: 'Дата события', be: 'Дата падзеі' },
  createdAt: { en: 'Created', ru: 'Создано', be: 'Створана' },
  updatedAt: { en: 'Updated', ru: 'Изменено', be: 'Зменена' },
};

const sheetNames: Labels = { en: 'Cases', ru: 'Дела', be: 'Справы' };

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or carriage return) gets a
 * leading `'`, so it shows as text (OWASP "CSV injection"). The importer takes the `'` off again.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function exportRows(rows: CaseRecord[], language: ExportLanguage): { header: string[]; body: string[][] } {
  const header = exportColumns.map((column) => headerLabels[column][language]);
  const body = rows.map((row) => {
    const values: Record<ExportColumn, string> = {
      reference: row.reference,
      title: row.title,
      personName: row.personName,
      region: regionLabels[row.region]?.[language] ?? row.region,
      priority: priorityLabels[row.priority]?.[language] ?? row.priority,
      status: statusLabels[row.status]?.[language] ?? row.status,
      assignee: row.assignee?.name ?? '',
      violations: row.violations.map((v) => violationLabels[v]?.[language] ?? v).join('; '),
      eventDate: row.eventDate ?? '',
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
    return exportColumns.map((column) => neutralizeFormula(values[column] ?? ''));
  });
  return { header, body };
}

/**
 * Cases as CSV, UTF-8 with a BOM so Excel shows Cyrillic correctly, with CRLF line ends. Headers and vocabulary
 * values are labels in `language`. The delimiter defaults to `;` for Russian and Belarusian (what Excel expects in
 * those locales, where `,` is the decimal separator) and `,` for English.
 */
export function casesToCsv(rows: CaseRecord[], language: ExportLanguage, options: { delimiter?: ',' | ';' } = {}): Uint8Array {
  const { header, body } = exportRows(rows, language);
  const delimiter = options.delimiter ?? (language === 'en' ? ',' : ';');
  const text = Papa.unparse([header, ...body], { delimiter, newline: '\r\n', quotes: false, escapeFormulae: false });
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

/** Cases as an Excel workbook: one sheet, bold frozen header with a filter, every value as text. */
export async function casesToXlsx(rows: CaseRecord[], language: ExportLanguage): Promise<Uint8Array> {
  const { header, body } = exportRows(rows, language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Caseboard';
  const sheet = workbook.addWorksheet(sheetNames[language], { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = header.map((label, i) => {
    const longest = body.reduce((max, cells) => Math.max(max, longestLine(cells[i] ?? '')), longestLine(label));
    return { header: label, key: exportColumns[i], width: Math.min(60, Math.max(10, longest + 2)) };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  for (const cells of body) sheet.addRow(cells);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

const longestLine = (value: string): number => value.split('\n').reduce((max, line) => Math.max(max, line.length), 0);
