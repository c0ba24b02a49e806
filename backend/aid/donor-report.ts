/**
 * The donor report of one programme and period: every paid entry (payments and reversals) with the recipient
 * pseudonymised, and totals per currency that must equal the ledger's. Names, purposes and payment references
 * never appear: each could identify a family.
 */
import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { aidTypeLabels, paymentMethodLabels, recipientCategoryLabels } from '../../shared/domain/aid';
import { formatMinor, moneyTotal, type MoneyTotal } from '../../shared/domain/money';
import { regionLabels, type Labels } from '../../shared/domain/vocabularies';
import { AppError } from '../../shared/errors';
import { aidDisbursements } from '../../db/schema';
import type { Db } from '../../db/repositories/changes';
import type { ProgrammeRow } from '../../db/repositories/aid-programmes';
import { sameRecipientIds } from '../../db/repositories/aid-ledger';
import { buildReport } from '../../db/repositories/aid-reports';
import { neutralizeFormula, type ExportLanguage } from '../spreadsheet/export';
import { recipientCode } from './pseudonym';

export interface DonorEntry {
  entry: string;
  recipient: string;
  date: string;
  type: string;
  method: string;
  category: string;
  region: string;
  amountMinor: number;
  amount: string;
  currency: string;
  reverses: string;
}

export interface DonorReport {
  programme: ProgrammeRow;
  from: string;
  to: string;
  entries: DonorEntry[];
  totals: MoneyTotal[];
}

/** One merged group of persons is one recipient: the code follows its smallest id, as every office would. */
const canonicalRecipient = (db: Db, id: string) => [...sameRecipientIds(db, id)].sort()[0] ?? id;

export function gatherDonorReport(db: Db, programme: ProgrammeRow, from: string, to: string, key: Buffer): DonorReport {
  const d = aidDisbursements;
  const rows = db
    .select()
    .from(d)
    .where(and(eq(d.programmeId, programme.id), eq(d.status, 'paid'), isNull(d.originOffice), gte(d.date, from), lte(d.date, to)))
    .orderBy(asc(d.date), asc(d.createdAt), asc(d.id))
    .all();
  const codes = new Map<string, string>();
  const codeOf = (id: string) => {
    let code = codes.get(id);
    if (!code) {
      code = recipientCode(key, programme.donor, canonicalRecipient(db, id));
      codes.set(id, code);
    }
    return code;
  };
  const entries = rows.map((row) => ({
    entry: row.id,
    recipient: codeOf(row.recipientId),
    date: row.date,
    type: row.type,
    method: row.method,
    category: row.recipientCategory,
    region: row.recipientRegion,
    amountMinor: row.amountMinor,
    amount: formatMinor(row.amountMinor, row.currency),
    currency: row.currency,
    reverses: row.reversesId ?? '',
  }));
  const sums = new Map<string, bigint>();
  for (const e of entries) sums.set(e.currency, (sums.get(e.currency) ?? 0n) + BigInt(e.amountMinor));
  const totals = [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([c, minor]) => moneyTotal(c, minor));
  // The rows come from the ledger, the report totals from the derived table: a file only leaves when they agree.
  const ledger = buildReport(db, { groupBy: 'type', programmeId: programme.id, from, to });
  const same = ledger.totals.length === totals.length && ledger.totals.every((t, i) => t.currency === totals[i]?.currency && t.minor === totals[i]?.minor);
  if (!same) throw new AppError('VAULT_DAMAGED', 'The donor report does not reconcile with the ledger totals; nothing was written. Rebuild the aid totals and try again.');
  return { programme, from, to, entries, totals };
}

const headers: Record<keyof DonorEntry, Labels> = {
  entry: { en: 'Entry', ru: 'Запись', be: 'Запіс' },
  recipient: { en: 'Recipient code', ru: 'Код получателя', be: 'Код атрымальніка' },
  date: { en: 'Value date', ru: 'Дата выплаты', be: 'Дата выплаты' },
  type: { en: 'Aid type', ru: 'Вид помощи', be: 'Від дапамогі' },
  method: { en: 'Method', ru: 'Способ', be: 'Спосаб' },
  category: { en: 'Recipient category', ru: 'Категория получателя', be: 'Катэгорыя атрымальніка' },
  region: { en: 'Region', ru: 'Регион', be: 'Рэгіён' },
  amountMinor: { en: 'Amount (minor units)', ru: 'Сумма (мин. единицы)', be: 'Сума (мін. адзінкі)' },
  amount: { en: 'Amount', ru: 'Сумма', be: 'Сума' },
  currency: { en: 'Currency', ru: 'Валюта', be: 'Валюта' },
  reverses: { en: 'Reverses entry', ru: 'Сторнирует запись', be: 'Старнуе запіс' },
};
const columns = Object.keys(headers) as (keyof DonorEntry)[];
const totalLabel: Labels = { en: 'Total', ru: 'Итого', be: 'Разам' };

function table(report: DonorReport, language: ExportLanguage): string[][] {
  const label = (vocab: Record<string, Labels>, key: string) => vocab[key]?.[language] ?? key;
  const body = report.entries.map((e) => {
    const cells: Record<keyof DonorEntry, string> = {
      ...e,
      type: label(aidTypeLabels, e.type),
      method: label(paymentMethodLabels, e.method),
      category: label(recipientCategoryLabels, e.category),
      region: label(regionLabels, e.region),
      amountMinor: String(e.amountMinor),
    };
    // Amounts are ours and plain numbers ("-150.00" is a number to a spreadsheet, not a formula); the rest is escaped.
    return columns.map((c) => (c === 'amount' || c === 'amountMinor' ? cells[c] : neutralizeFormula(cells[c])));
  });
  const totals = report.totals.map((t) => columns.map((c) => (c === 'entry' ? totalLabel[language] : c === 'amountMinor' ? t.minor : c === 'amount' ? t.amount : c === 'currency' ? t.currency : '')));
  return [columns.map((c) => headers[c][language]), ...body, ...totals];
}

/** UTF-8 with a BOM and CRLF, like the case export; the last rows are the totals per currency. */
export function donorReportCsv(report: DonorReport, language: ExportLanguage): Uint8Array {
  const text = Papa.unparse(table(report, language), { delimiter: language === 'en' ? ',' : ';', newline: '\r\n', quotes: false, escapeFormulae: false });
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

const summaryLabels = {
  programme: { en: 'Programme', ru: 'Программа', be: 'Праграма' },
  donor: { en: 'Donor', ru: 'Донор', be: 'Донар' },
  period: { en: 'Period', ru: 'Период', be: 'Перыяд' },
  entries: { en: 'Entries', ru: 'Записей', be: 'Запісаў' },
  note: {
    en: 'Recipients are shown by code only. The same recipient has the same code in every report to this donor.',
    ru: 'Получатели указаны только кодами. У одного получателя один и тот же код во всех отчётах этому донору.',
    be: 'Атрымальнікі пазначаны толькі кодамі. У аднаго атрымальніка адзін і той жа код ва ўсіх справаздачах гэтаму донару.',
  },
} satisfies Record<string, Labels>;

export async function donorReportXlsx(report: DonorReport, language: ExportLanguage): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Caseboard';
  const summary = workbook.addWorksheet({ en: 'Summary', ru: 'Сводка', be: 'Зводка' }[language]);
  summary.columns = [{ width: 24 }, { width: 60 }];
  summary.addRow([summaryLabels.programme[language], neutralizeFormula(report.programme.name)]);
  summary.addRow([summaryLabels.donor[language], neutralizeFormula(report.programme.donor)]);
  summary.addRow([summaryLabels.period[language], `${report.from} – ${report.to}`]);
  summary.addRow([summaryLabels.entries[language], String(report.entries.length)]);
  for (const t of report.totals) summary.addRow([`${totalLabel[language]} ${t.currency}`, t.amount]);
  summary.addRow([]);
  summary.addRow([summaryLabels.note[language]]);
  const rows = table(report, language);
  const sheet = workbook.addWorksheet({ en: 'Disbursements', ru: 'Выплаты', be: 'Выплаты' }[language], { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = (rows[0] ?? []).map((label) => ({ header: label, width: Math.max(12, label.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const cells of rows.slice(1)) sheet.addRow(cells);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
