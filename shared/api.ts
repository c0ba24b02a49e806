/**
 * The one contract between every front end (Electron renderer, CLI, test harness) and the backend.
 * Each method is declared once: its zod input schema, its output type and the roles allowed to call it.
 * Inputs and outputs are JSON-safe: ISO date strings, string ids.
 */
import { z } from 'zod';
import type { ApiErrorShape } from './errors';
import type { EventName, Events } from './events';

export * from './events';
import {
  attachmentInputSchema,
  caseFilterSchema,
  caseIdsSchema,
  caseListQuerySchema,
  casePatchSchema,
  caseSortSchema,
  caseStatuses,
  newCaseSchema,
  priorities,
  sourceInputSchema,
  type AttachmentMeta,
  type CaseDetail,
  type CaseNote,
  type CasePage,
  type CaseRecord,
  type CaseSource,
  type ChangeEntry,
} from './domain/cases';
import {
  casePersonLinkSchema,
  namedPersonSchema,
  newPersonSchema,
  personListQuerySchema,
  personPatchSchema,
  relationInputSchema,
  type PersonDetail,
  type PersonPage,
  type PersonRecord,
} from './domain/persons';
import { importFileSchema, type ImportPreview } from './domain/spreadsheet';
import {
  duplicateListSchema,
  duplicateScanSchema,
  personPairSchema,
  similarPersonsSchema,
  type DuplicatePage,
  type PersonGroupInfo,
  type ScanSummary,
  type SimilarPerson,
} from './domain/duplicates';
import { staffAddSchema, staffIdSchema, staffRoleSchema, type StaffRecord } from './domain/staff-accounts';
import { recordId, requiredText } from './domain/text';
import { saveViewSchema, viewIdSchema, type SavedView } from './domain/views';
import { auditQuerySchema, type AuditPage, type AuditVerdict } from './domain/audit';
import { settingsSchema, type Settings } from './domain/settings';
import { backupScheduleInputSchema, type BackupScheduleState } from './domain/backup-schedule';
import { aidApi } from './api-aid';
import {
  bundleInputSchema,
  conflictResolveSchema,
  partnerAddSchema,
  partnerRefSchema,
  policyInputSchema,
  purgeSchema,
  type CardPreview,
  type ConflictRecord,
  type ExportSummary,
  type IdentityInfo,
  type ImportSummary,
  type PartnerRecord,
} from './domain/sync';
import {
  displayNameSchema,
  newPassphraseSchema,
  passphraseSchema,
  roles,
  writerRoles,
  type Role,
  type SessionInfo,
  type VaultState,
} from './domain/staff';

/** `public` methods run without an unlocked vault; every other method names the roles that may call it. */
export type Access = 'public' | readonly Role[];

interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Type-level only: carries the output type. */
  readonly output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(spec: { input: I; access: Access }): MethodSpec<I, O> => spec;
}

const everyone = roles;
const writers = writerRoles;
const sourceReaders = ['admin', 'coordinator'] as const satisfies readonly Role[];
/** Who may send records to partners and take theirs in. */
const syncers = ['admin', 'coordinator'] as const satisfies readonly Role[];
const noInput = z.strictObject({});

export interface VaultStatus {
  office: string;
  cases: number;
  user: SessionInfo['user'];
}

export const api = {
  'vault.state': method<VaultState>()({ input: noInput, access: 'public' }),
  'vault.create': method<SessionInfo>()({
    input: z.strictObject({ office: displayNameSchema, user: displayNameSchema, passphrase: newPassphraseSchema }),
    access: 'public',
  }),
  'vault.unlock': method<SessionInfo>()({ input: z.strictObject({ passphrase: passphraseSchema }), access: 'public' }),
  /** Wrong passphrases in a row on this computer, and when the next try is allowed (null, 0: now). */
  'vault.attempts': method<{ failures: number; retryAt: string | null; waitSeconds: number }>()({ input: noInput, access: 'public' }),
  /** Locking is always allowed: a forced moment must never meet an error. */
  'vault.lock': method<{ locked: true }>()({ input: noInput, access: 'public' }),
  /**
   * Crypto-erases the vault: key slots, header, database, then the files. Admins only in the app; the
   * CLI's `wipe --yes` needs no passphrase (whoever can delete the files could do as much).
   */
  'vault.wipe': method<{ slotsDestroyed: number; filesRemoved: string[] }>()({
    input: z.strictObject({ confirm: z.literal('WIPE', { message: 'must be the word WIPE' }) }),
    access: ['admin'],
  }),
  /** Writes an encrypted backup (age: a backup passphrase and/or recipients) where the person chooses. */
  'vault.backup': method<{ path: string | null }>()({
    input: z
      .strictObject({
        passphrase: newPassphraseSchema.optional(),
        recipients: z.array(z.string().trim().regex(/^age1[0-9a-z]+$/, { message: 'must be an age recipient (age1…)' })).max(20).optional(),
      })
      .refine((b) => Boolean(b.passphrase) || (b.recipients?.length ?? 0) > 0, { message: 'a backup passphrase or an age recipient is required' }),
    access: ['admin'],
  }),
  'vault.changePassphrase': method<{ changed: true }>()({
    input: z.strictObject({ current: passphraseSchema, next: newPassphraseSchema }),
    access: everyone,
  }),
  'session.activity': method<{ autoLockAt: string }>()({ input: noInput, access: everyone }),
  'status.get': method<VaultStatus>()({ input: noInput, access: everyone }),

  'cases.list': method<CasePage>()({ input: caseListQuerySchema, access: everyone }),
  'cases.get': method<CaseDetail>()({ input: z.strictObject({ id: recordId }), access: everyone }),
  'cases.create': method<CaseRecord>()({ input: newCaseSchema, access: writers }),
  /** All or nothing: one transaction, so a bad row in a batch leaves the vault unchanged. */
  'cases.createMany': method<{ ids: string[] }>()({
    input: z.strictObject({ cases: z.array(newCaseSchema).min(1).max(10_000) }),
    access: writers,
  }),
  /** `expectedUpdatedAt` guards against overwriting someone else's newer edit (CONFLICT). */
  'cases.update': method<CaseDetail>()({
    input: z.strictObject({ id: recordId, patch: casePatchSchema, expectedUpdatedAt: z.string().max(40).optional() }),
    access: writers,
  }),
  'cases.setStatus': method<{ updated: number }>()({
    input: z.strictObject({ ids: caseIdsSchema, status: z.enum(caseStatuses), reason: z.string().trim().max(2000).optional() }),
    access: writers,
  }),
  'cases.assign': method<{ updated: number }>()({
    input: z.strictObject({ ids: caseIdsSchema, assigneeId: recordId.nullable() }),
    access: writers,
  }),
  'cases.setPriority': method<{ updated: number }>()({
    input: z.strictObject({ ids: caseIdsSchema, priority: z.enum(priorities) }),
    access: writers,
  }),
  'cases.addNote': method<CaseNote>()({
    input: z.strictObject({ caseId: recordId, body: requiredText(20_000) }),
    access: writers,
  }),
  'cases.linkPerson': method<CaseDetail>()({ input: casePersonLinkSchema, access: writers }),
  'cases.unlinkPerson': method<CaseDetail>()({ input: casePersonLinkSchema, access: writers }),
  'cases.history': method<ChangeEntry[]>()({ input: z.strictObject({ id: recordId }), access: everyone }),
  /** Sources stay with coordinators and admins: never shown to others, never exported. */
  'cases.addSource': method<CaseSource>()({ input: sourceInputSchema, access: sourceReaders }),
  'cases.removeSource': method<{ removed: true }>()({ input: z.strictObject({ id: recordId }), access: sourceReaders }),
  /** Writes the current view to a file the person chooses; the file is NOT encrypted. */
  'cases.export': method<{ path: string | null; rows: number }>()({
    input: z.strictObject({ format: z.enum(['csv', 'xlsx']), filter: caseFilterSchema.optional().default({}), sort: z.array(caseSortSchema).max(10).optional().default([]) }),
    access: everyone,
  }),
  'cases.importPreview': method<ImportPreview>()({ input: importFileSchema, access: writers }),
  'cases.import': method<{ ids: string[] }>()({ input: importFileSchema, access: writers }),

  'attachments.add': method<AttachmentMeta>()({ input: attachmentInputSchema, access: writers }),
  'attachments.get': method<{ meta: AttachmentMeta; dataBase64: string }>()({ input: z.strictObject({ id: recordId }), access: everyone }),
  /** Saves a copy where the person chooses, after checking it still matches its intake hash; NOT encrypted. */
  'attachments.save': method<{ path: string | null }>()({ input: z.strictObject({ id: recordId }), access: everyone }),

  'persons.list': method<PersonPage>()({ input: personListQuerySchema, access: everyone }),
  'persons.get': method<PersonDetail>()({ input: z.strictObject({ id: recordId }), access: everyone }),
  'persons.create': method<PersonRecord>()({ input: newPersonSchema, access: writers }),
  'persons.createMany': method<{ ids: string[] }>()({
    input: z.strictObject({ persons: z.array(namedPersonSchema).min(1).max(10_000) }),
    access: writers,
  }),
  'persons.update': method<PersonRecord>()({ input: z.strictObject({ id: recordId, patch: personPatchSchema }), access: writers }),
  'persons.addRelation': method<PersonDetail>()({ input: relationInputSchema, access: writers }),
  'persons.removeRelation': method<PersonDetail>()({ input: relationInputSchema, access: writers }),

  /** Records that two person records are one person (a synced `same_as` link); returns the group of `a`. */
  'persons.merge': method<PersonGroupInfo>()({ input: personPairSchema, access: writers }),
  /** Records that two person records are different people (a synced `not_same` link). */
  'persons.notSame': method<{ decided: 'not_same' }>()({ input: personPairSchema, access: writers }),
  /** Undoes the direct merge of two records; the link is kept as `removed`, so the undo syncs too. */
  'persons.unmerge': method<{ unmerged: true }>()({ input: personPairSchema, access: writers }),
  'persons.group': method<PersonGroupInfo>()({ input: z.strictObject({ id: recordId }), access: everyone }),
  /** Who a person about to be added may already be: the warning on the person and case forms. */
  'persons.similar': method<SimilarPerson[]>()({ input: similarPersonsSchema, access: everyone }),
  /** The review queue of likely duplicates, best first. */
  'duplicates.list': method<DuplicatePage>()({ input: duplicateListSchema, access: everyone }),
  /** Brings the queue up to date (only the persons changed since the last scan, unless `full`). */
  'duplicates.scan': method<ScanSummary>()({ input: duplicateScanSchema, access: writers }),
  'duplicates.skip': method<{ skipped: true }>()({ input: personPairSchema, access: writers }),

  /** Everyone sees the active staff list (to assign cases); only admins change it. */
  'staff.list': method<StaffRecord[]>()({ input: noInput, access: everyone }),
  'staff.add': method<StaffRecord>()({ input: staffAddSchema, access: ['admin'] }),
  'staff.setRole': method<StaffRecord>()({ input: staffRoleSchema, access: ['admin'] }),
  'staff.remove': method<{ removed: true }>()({ input: staffIdSchema, access: ['admin'] }),

  'views.list': method<SavedView[]>()({ input: noInput, access: everyone }),
  'views.save': method<SavedView>()({ input: saveViewSchema, access: everyone }),
  'views.delete': method<{ deleted: true }>()({ input: viewIdSchema, access: everyone }),

  /** Recomputes the audit chain and names the first broken entry. */
  'audit.verify': method<AuditVerdict>()({ input: noInput, access: ['admin', 'coordinator'] }),
  'audit.list': method<AuditPage>()({ input: auditQuerySchema, access: ['admin', 'coordinator'] }),

  /**
   * One case as an evidence package (zip: record, attachments, hashes, its audit entries and the audit chain),
   * saved where the person chooses; NOT encrypted unless a passphrase or age recipients are given.
   */
  'cases.exportEvidence': method<{ path: string | null; encrypted: boolean; files: number }>()({
    input: z.strictObject({
      id: recordId,
      passphrase: newPassphraseSchema.optional(),
      recipients: z.array(z.string().trim().regex(/^age1[0-9a-z]+$/, { message: 'must be an age recipient (age1…)' })).max(20).optional(),
    }),
    access: sourceReaders,
  }),

  /** The duress passphrase (ADR 005): admins only; setting or removing it needs the admin's own passphrase. */
  'duress.get': method<{ mode: 'decoy' | 'wipe' | null; decoyName: string | null }>()({ input: noInput, access: ['admin'] }),
  'duress.set': method<{ mode: 'decoy' | 'wipe'; decoyName: string }>()({
    input: z.strictObject({ current: passphraseSchema, passphrase: newPassphraseSchema, mode: z.enum(['decoy', 'wipe']), decoyName: displayNameSchema.optional() }),
    access: ['admin'],
  }),
  'duress.clear': method<{ removed: boolean }>()({ input: z.strictObject({ current: passphraseSchema }), access: ['admin'] }),

  /** Scheduled backups to a chosen folder, encrypted to age recipients; admins only. */
  'backups.schedule': method<BackupScheduleState>()({ input: noInput, access: ['admin'] }),
  'backups.chooseFolder': method<BackupScheduleState>()({ input: noInput, access: ['admin'] }),
  'backups.configure': method<BackupScheduleState>()({ input: backupScheduleInputSchema, access: ['admin'] }),
  'backups.runNow': method<BackupScheduleState>()({ input: noInput, access: ['admin'] }),

  /** Copies a case's reference or person name to the clipboard, taken off again after `clearsInSeconds`. */
  'clipboard.copy': method<{ clearsInSeconds: number }>()({
    input: z.strictObject({ caseId: recordId, field: z.enum(['reference', 'personName']) }),
    access: everyone,
  }),

  'settings.get': method<Settings>()({ input: noInput, access: everyone }),
  'settings.update': method<Settings>()({ input: settingsSchema.partial().strict(), access: ['admin'] }),

  ...aidApi,
  /** This office in the sync network: site id, public keys, fingerprint. */
  'sync.identity': method<IdentityInfo>()({ input: noInput, access: everyone }),
  /** Saves this office's card (public keys only) where the person chooses. */
  'sync.saveCard': method<{ path: string | null; fileName: string }>()({ input: noInput, access: syncers }),
  'partners.list': method<PartnerRecord[]>()({ input: noInput, access: everyone }),
  /** Reads a partner's card and shows its fingerprint, without adding it. */
  'partners.previewCard': method<CardPreview>()({ input: z.strictObject({ card: z.string().min(1).max(16 * 1024) }), access: ['admin'] }),
  'partners.add': method<PartnerRecord>()({ input: partnerAddSchema, access: ['admin'] }),
  'partners.setPolicy': method<PartnerRecord>()({ input: policyInputSchema, access: ['admin'] }),
  /** Stops trusting a partner (a key lost or a partnership ended): its bundles are refused from now on. */
  'partners.remove': method<{ removed: true }>()({ input: z.strictObject({ id: recordId }), access: ['admin'] }),
  /** What the next bundle for a partner would hold. */
  'sync.exportPreview': method<ExportSummary>()({ input: partnerRefSchema, access: syncers }),
  /** Writes a bundle for a partner where the person chooses: signed, and encrypted to the partner. */
  'sync.export': method<{ path: string | null; summary: ExportSummary }>()({ input: partnerRefSchema, access: syncers }),
  /** Verifies and applies a partner's bundle: all of it in one transaction, or nothing. */
  'sync.import': method<ImportSummary>()({ input: bundleInputSchema, access: syncers }),
  /** For a case received from a partner: the office that recorded it and its reference there. */
  'sync.caseOrigin': method<{ origin: { office: string | null; reference: string } | null }>()({ input: z.strictObject({ id: recordId }), access: everyone }),
  'conflicts.list': method<ConflictRecord[]>()({ input: noInput, access: everyone }),
  'conflicts.resolve': method<{ resolved: true }>()({ input: conflictResolveSchema, access: writers }),
  /** Erases a record, or a field's earlier values, here and at every partner the purge reaches. */
  'records.purge': method<{ purged: number }>()({ input: purgeSchema, access: syncers }),
} as const;

export type Api = typeof api;
export type Method = keyof Api;
/** What a caller sends. */
export type Input<M extends Method> = z.input<Api[M]['input']>;
/** What a handler receives, after parsing and defaults. */
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = NonNullable<Api[M]['output']>;

export type InvokeResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export interface CallContext {
  user: SessionInfo['user'] | null;
}

export type Handler<M extends Method> = (input: ParsedInput<M>, ctx: CallContext) => Promise<Output<M>> | Output<M>;
export type Handlers = { [M in Method]: Handler<M> };

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(api, name);
}

/** The window API that preload exposes; the renderer sees nothing else. */
export interface CaseboardBridge {
  invoke(method: string, input: unknown): Promise<InvokeResult>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
