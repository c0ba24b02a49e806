/**
 * The aid block of the contract (spread into `api` in api.ts). Caseworkers request; coordinators and admins
 * approve, pay, reject and reverse (the four-eyes rule narrows approval further); viewers read.
 */
import { z } from 'zod';
import {
  aidRequestStatuses,
  aidSettingsSchema,
  approveSchema,
  daySchema,
  disbursementListQuerySchema,
  donorExportSchema,
  newAidRequestSchema,
  newDisbursementSchema,
  newProgrammeSchema,
  newReceiptSchema,
  paySchema,
  programmePatchSchema,
  reasonedIdSchema,
  reportQuerySchema,
  type AidReport,
  type AidRequestRecord,
  type AidSettings,
  type DisbursementDetail,
  type DisbursementPage,
  type DisbursementRecord,
  type DisbursementWriteResult,
  type GuardReport,
  type ProgrammeDetail,
  type ProgrammeRecord,
  type ReceiptMeta,
} from './domain/aid';
import { aidViewIdSchema, saveAidViewSchema, type AidSavedView } from './domain/aid-views';
import { roles, writerRoles, type Role } from './domain/staff';
import { recordId, requiredText } from './domain/text';

type Access = readonly Role[];

function method<O>() {
  return <I extends z.ZodType>(spec: { input: I; access: Access }): { input: I; access: Access; readonly output?: O } => spec;
}

const ledger = ['admin', 'coordinator'] as const satisfies readonly Role[];
const page = z.strictObject({ offset: z.number().int().min(0).optional().default(0), limit: z.number().int().min(1).max(1000).optional().default(100) });

export const aidApi = {
  'aid.programmes.list': method<ProgrammeRecord[]>()({ input: z.strictObject({}), access: roles }),
  'aid.programmes.get': method<ProgrammeDetail>()({ input: z.strictObject({ id: recordId }), access: roles }),
  'aid.programmes.create': method<ProgrammeRecord>()({ input: newProgrammeSchema, access: ledger }),
  'aid.programmes.update': method<ProgrammeRecord>()({ input: z.strictObject({ id: recordId, patch: programmePatchSchema }), access: ledger }),

  'aid.requests.list': method<AidRequestRecord[]>()({
    input: z.strictObject({ personId: recordId.optional(), status: z.array(z.enum(aidRequestStatuses)).optional() }),
    access: roles,
  }),
  'aid.requests.create': method<{ id: string }>()({ input: newAidRequestSchema, access: writerRoles }),
  'aid.requests.setStatus': method<{ updated: true }>()({ input: z.strictObject({ id: recordId, status: z.enum(aidRequestStatuses) }), access: writerRoles }),

  /** A person by id, or by a name that matches exactly one person (AMBIGUOUS_RECIPIENT names the candidates). */
  'aid.recipients.resolve': method<{ id: string; displayName: string }>()({ input: z.strictObject({ recipient: requiredText(300) }), access: roles }),

  'aid.disbursements.list': method<DisbursementPage>()({ input: disbursementListQuerySchema, access: roles }),
  'aid.disbursements.get': method<DisbursementDetail>()({ input: z.strictObject({ id: recordId }), access: roles }),
  /** What the guards would say, without writing: similar payments, the budget level, four-eyes. */
  'aid.disbursements.check': method<GuardReport>()({ input: newDisbursementSchema, access: writerRoles }),
  'aid.disbursements.create': method<DisbursementWriteResult>()({ input: newDisbursementSchema, access: writerRoles }),
  'aid.disbursements.approve': method<DisbursementWriteResult>()({ input: approveSchema, access: ledger }),
  'aid.disbursements.reject': method<DisbursementRecord>()({ input: reasonedIdSchema, access: ledger }),
  /** Requesters withdraw their own; coordinators and admins cancel any unpaid one. */
  'aid.disbursements.cancel': method<DisbursementRecord>()({ input: reasonedIdSchema, access: writerRoles }),
  'aid.disbursements.pay': method<DisbursementRecord>()({ input: paySchema, access: ledger }),
  /** Corrects a paid disbursement with a linked reversing entry; the paid entry itself never changes. */
  'aid.disbursements.reverse': method<DisbursementRecord>()({
    input: z.strictObject({ id: recordId, reason: requiredText(2000), date: daySchema.optional() }),
    access: ledger,
  }),
  'aid.queue': method<DisbursementPage>()({ input: page, access: roles }),

  'aid.receipts.add': method<ReceiptMeta>()({ input: newReceiptSchema, access: writerRoles }),
  'aid.receipts.get': method<{ meta: ReceiptMeta; dataBase64: string }>()({ input: z.strictObject({ id: recordId }), access: roles }),

  'aid.report': method<AidReport>()({ input: reportQuerySchema, access: roles }),
  /** Writes the donor report (CSV, XLSX or IATI XML) where the person chooses; NOT encrypted, recipients by code only. */
  'aid.export': method<{ path: string | null; entries: number }>()({ input: donorExportSchema, access: ledger }),

  'aid.settings.get': method<AidSettings>()({ input: z.strictObject({}), access: roles }),
  'aid.settings.update': method<AidSettings>()({ input: aidSettingsSchema.partial().strict(), access: ['admin'] }),

  /** Each staff member's own saved ledger views (built-in ones first); local to this office, never synced. */
  'aid.views.list': method<AidSavedView[]>()({ input: z.strictObject({}), access: roles }),
  'aid.views.save': method<AidSavedView>()({ input: saveAidViewSchema, access: roles }),
  'aid.views.delete': method<{ deleted: true }>()({ input: aidViewIdSchema, access: roles }),
} as const;
