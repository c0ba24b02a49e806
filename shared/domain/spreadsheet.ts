import { z } from 'zod';

/** The case fields a spreadsheet column can feed. */
export const importFields = [
  'title',
  'personName',
  'region',
  'priority',
  'status',
  'summary',
  'locality',
  'placeOfDetention',
  'sentence',
  'violations',
  'articles',
  'eventDate',
  'tags',
] as const;
export type ImportField = (typeof importFields)[number];

/** Field → spreadsheet column header. */
export const importMappingSchema = z.partialRecord(z.enum(importFields), z.string().max(200));
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const importFileSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  dataBase64: z.base64({ message: 'must be base64' }).max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, { message: 'is larger than 20 MiB' }),
  mapping: importMappingSchema.optional(),
});

export interface ImportRowReport {
  /** The row's line in the file (the header is line 1). */
  line: number;
  values: Partial<Record<ImportField, string>>;
  errors: string[];
  /** Persons already in the vault the row's person likely is (shown rows of a preview only). */
  existing?: { id: string; displayName: string; score: number }[];
}

export interface ImportPreview {
  format: 'csv' | 'xlsx';
  columns: string[];
  /** The mapping used: the one given, else the one remembered for these columns, else guessed from the headers. */
  mapping: ImportMapping;
  totalRows: number;
  validRows: number;
  /** The first rows, and every invalid row. */
  rows: ImportRowReport[];
}

export const exportSchema = z.strictObject({ format: z.enum(['csv', 'xlsx']) });
