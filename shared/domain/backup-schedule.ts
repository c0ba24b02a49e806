import { z } from 'zod';

export const ageRecipientSchema = z.string().trim().regex(/^age1[0-9a-z]+$/, { message: 'must be an age recipient (age1…)' });

/** Backups to a folder (say an encrypted USB drive) while the vault is unlocked; encrypted to age recipients only. */
export const backupScheduleInputSchema = z
  .strictObject({
    enabled: z.boolean(),
    intervalHours: z.number().int().min(1).max(24 * 30),
    keep: z.number().int().min(1).max(100),
    recipients: z.array(ageRecipientSchema).max(20),
  })
  .refine((s) => !s.enabled || s.recipients.length > 0, { path: ['recipients'], message: 'at least one age recipient is required' });
export type BackupScheduleInput = z.infer<typeof backupScheduleInputSchema>;

export interface BackupSchedule extends BackupScheduleInput {
  /** Chosen through the platform's folder dialog (the CLI: --folder); null until chosen. */
  folder: string | null;
}

/** Why the last scheduled backup failed, for the UI to say in the person's language. */
export type BackupFailureReason = 'folder-missing' | 'not-writable' | 'disk-full' | 'failed';

export interface BackupStatus {
  lastSuccessAt: string | null;
  lastSuccessFile: string | null;
  lastFailureAt: string | null;
  lastFailureReason: BackupFailureReason | null;
  lastFailureMessage: string | null;
}

export interface BackupScheduleState {
  schedule: BackupSchedule | null;
  status: BackupStatus;
  /** When the next backup runs, if the vault is unlocked then; null when not scheduled. */
  nextDueAt: string | null;
}

export const noBackupStatus: BackupStatus = { lastSuccessAt: null, lastSuccessFile: null, lastFailureAt: null, lastFailureReason: null, lastFailureMessage: null };
