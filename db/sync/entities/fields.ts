/** Small builders for field declarations, so each entity reads as a list of its synced columns. */
import { z } from 'zod';
import { partialDateSchema } from '../../../shared/domain/partial-date';
import type { SyncedField } from '../registry';

export const textField = (name: string, column: string, max: number): SyncedField => ({ name, column, kind: 'text', schema: z.string().max(max) });

export const enumField = <T extends readonly [string, ...string[]]>(name: string, column: string, values: T, fallback: T[number]): SyncedField => ({
  name,
  column,
  kind: 'text',
  schema: z.enum(values),
  fallback,
});

export const boolField = (name: string, column: string): SyncedField => ({ name, column, kind: 'bool', schema: z.boolean() });

export const partialDateField = (name: string, column: string): SyncedField => ({ name, column, kind: 'nullableText', schema: partialDateSchema.nullable() });

export const isoTimeField = (name: string, column: string): SyncedField => ({
  name,
  column,
  kind: 'text',
  schema: z.string().max(40).regex(/^$|^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/),
  immutable: true,
});

export const idPart = (column: string) => ({ column, schema: z.uuid() });

/** `SELECT value FROM json_each(?)`: a list of keys as one bound parameter. */
export const keyList = (keys: readonly string[]) => JSON.stringify(keys);
