import { z } from 'zod';
import { partialDateSchema } from './partial-date';
import { recordId } from './text';

export type AuditVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

export interface AuditEntryView {
  seq: number;
  at: string;
  staffId: string | null;
  method: string;
  entity: string;
  ids: string[];
  beforeHash: string;
  afterHash: string;
}

export interface AuditPage {
  rows: AuditEntryView[];
  total: number;
}

export const auditQuerySchema = z.strictObject({
  staffId: recordId.optional(),
  /** A record (case, person, …) the entries must name. */
  entityId: recordId.optional(),
  from: partialDateSchema.optional(),
  to: partialDateSchema.optional(),
  offset: z.number().int().min(0).optional().default(0),
  limit: z.number().int().min(1).max(1000).optional().default(200),
});
