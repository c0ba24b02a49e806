import type { z } from 'zod';
import { newCaseSchema, type CaseStatus, type ParsedNewCase } from '../../shared/domain/cases';
import type { ImportField, ImportMapping, ImportRowReport } from '../../shared/domain/spreadsheet';
import { importFields } from '../../shared/domain/spreadsheet';
import type { ViolationType } from '../../shared/domain/vocabularies';
import { AppError } from '../../shared/errors';
import { cellValue, normalizeArticle, parseEventDate, splitList } from './cell-values';
import { fold } from './normalize';
import { matchPriority, matchRegion, matchStatus, matchViolation } from './vocabulary-match';

/**
 * One importable row: the case to create — already run through `newCaseSchema` (trimmed, defaults filled), so it
 * is also a valid `NewCase` — and the status to give it afterwards (a new case starts as `new`).
 */
export interface ImportRow {
  case: ParsedNewCase;
  status?: CaseStatus;
}

export const requiredImportFields = ['title', 'personName', 'region'] as const satisfies readonly ImportField[];

const fieldNames: Record<ImportField, string> = {
  title: 'Title',
  personName: "Person's name",
  region: 'Region',
  priority: 'Priority',
  status: 'Status',
  summary: 'Summary',
  locality: 'Locality',
  placeOfDetention: 'Place of detention',
  sentence: 'Sentence',
  violations: 'Violations',
  articles: 'Articles',
  eventDate: 'Event date',
  tags: 'Tags',
};

/**
 * Turns spreadsheet rows into case inputs through a mapping (field → column header). Human values become
 * vocabulary keys (labels in English, Russian or Belarusian, or the keys themselves); lists split on `;`, `,` or
 * line breaks; dates become partial dates. An empty region is `unknown` and an empty priority `normal`.
 * Each row yields an input (null when invalid) and a report with its line, its mapped values and its errors.
 *
 * `lines` gives each row's line in the file (from `parseSpreadsheet`); without it, rows are taken to start on
 * line 2 with no blank rows skipped.
 */
export function toCaseInputs(
  columns: string[],
  rows: string[][],
  mapping: ImportMapping,
  lines?: number[],
): { inputs: (ImportRow | null)[]; reports: ImportRowReport[] } {
  const indexes = columnIndexes(columns, mapping);
  const inputs: (ImportRow | null)[] = [];
  const reports: ImportRowReport[] = [];
  rows.forEach((row, i) => {
    const values: Partial<Record<ImportField, string>> = {};
    for (const [field, index] of indexes) values[field] = cellValue(row[index]);
    const { input, status, errors, reported } = buildCase(values);
    const parsed = newCaseSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (!reported.has(field)) errors.push(describeIssue(issue, input));
      }
    }
    const ok = parsed.success && errors.length === 0;
    inputs.push(ok ? { case: parsed.data, ...(status ? { status } : {}) } : null);
    reports.push({ line: lines?.[i] ?? i + 2, values, errors });
  });
  return { inputs, reports };
}

/** The required fields a mapping leaves without a column: check before `toCaseInputs`, which refuses such a mapping. */
export function missingRequiredFields(mapping: ImportMapping): ImportField[] {
  return requiredImportFields.filter((field) => !mapping[field]);
}

function columnIndexes(columns: string[], mapping: ImportMapping): [ImportField, number][] {
  const missing = missingRequiredFields(mapping);
  if (missing.length > 0) {
    const names = missing.map((field) => fieldNames[field]);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    throw new AppError('VALIDATION', `Map a column to ${list} before importing.`);
  }
  const result: [ImportField, number][] = [];
  for (const field of importFields) {
    const column = mapping[field];
    if (!column) continue;
    const index = columns.indexOf(column);
    if (index < 0) throw new AppError('VALIDATION', `The column "${column}" chosen for ${fieldNames[field]} is not in the file. Choose another column.`);
    result.push([field, index]);
  }
  return result;
}

function buildCase(values: Partial<Record<ImportField, string>>) {
  const input: Record<string, unknown> = {};
  const errors: string[] = [];
  const reported = new Set<string>();
  const fail = (field: ImportField, message: string) => {
    errors.push(`${field}: ${message}`);
    reported.add(field);
  };
  /** A vocabulary cell with nothing but punctuation (`-`, `?`) counts as empty. */
  const given = (value: string | undefined): value is string => value !== undefined && fold(value) !== '';

  input.title = values.title ?? '';
  if (values.personName) input.personName = values.personName;

  const region = values.region;
  if (!given(region)) input.region = 'unknown';
  else {
    const key = matchRegion(region);
    if (key) input.region = key;
    else fail('region', `"${region}" is not a known region`);
  }

  const priority = values.priority;
  if (!given(priority)) input.priority = 'normal';
  else {
    const key = matchPriority(priority);
    if (key) input.priority = key;
    else fail('priority', `"${priority}" is not a known priority`);
  }

  let status: CaseStatus | undefined;
  if (given(values.status)) {
    status = matchStatus(values.status);
    if (!status) fail('status', `"${values.status}" is not a known status`);
  }

  for (const field of ['summary', 'locality', 'placeOfDetention', 'sentence'] as const) {
    if (values[field]) input[field] = values[field];
  }

  if (values.violations) {
    const keys: ViolationType[] = [];
    for (const item of splitList(values.violations)) {
      const key = matchViolation(item);
      if (key) {
        if (!keys.includes(key)) keys.push(key);
      } else fail('violations', `"${item}" is not a known violation type`);
    }
    input.violations = keys;
  }

  if (values.articles) input.articles = splitList(values.articles).map(normalizeArticle);
  if (values.tags) input.tags = splitList(values.tags);

  if (values.eventDate) {
    const date = parseEventDate(values.eventDate);
    if (date) input.eventDate = date;
    else fail('eventDate', `"${values.eventDate}" is not a date; write it as YYYY, YYYY-MM, YYYY-MM-DD, DD.MM.YYYY or MM.YYYY`);
  }

  return { input, status, errors, reported };
}

function describeIssue(issue: z.core.$ZodIssue, input: Record<string, unknown>): string {
  const [field, index] = issue.path;
  const name = String(field ?? 'row');
  if (name === 'personName' && issue.code === 'custom') return 'personName: is required';
  if (typeof index === 'number') {
    const list = input[name];
    const item = Array.isArray(list) ? list[index] : undefined;
    if (typeof item === 'string') return `${name}: "${item}" ${issue.message}`;
  }
  return `${name}: ${issue.message}`;
}
