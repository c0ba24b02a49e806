/**
 * Scheduled backups: while the vault is unlocked, every N hours, one age file encrypted to the office's
 * age recipients (an offline key: no backup secret is stored anywhere) is written into the chosen folder,
 * under a temporary name first and renamed once complete; the newest K are kept. The schedule and the
 * outcome of the last runs live inside the vault, so the status survives restarts and says why a run failed.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createBackup } from '../../db/backup';
import { settings } from '../../db/schema';
import type { Db } from '../../db/repositories/changes';
import {
  noBackupStatus,
  type BackupFailureReason,
  type BackupSchedule,
  type BackupScheduleInput,
  type BackupScheduleState,
  type BackupStatus,
} from '../../shared/domain/backup-schedule';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../atomic-file';
import type { BackendContext } from '../context';
import { rotate, scheduledBackupName } from './rotation';

const SCHEDULE_KEY = 'backup.schedule';
const STATUS_KEY = 'backup.status';
/** After a failure (the drive is out), try again this often rather than at every timer tick. */
export const RETRY_AFTER_FAILURE_MS = 5 * 60_000;

function readJson<T>(db: Db, key: string): T | null {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as T) : null;
}

function writeJson(db: Db, key: string, value: unknown, at: string): void {
  const text = JSON.stringify(value);
  db.insert(settings).values({ key, value: text, updatedAt: at }).onConflictDoUpdate({ target: settings.key, set: { value: text, updatedAt: at } }).run();
}

function failureOf(error: unknown, folder: string): { reason: BackupFailureReason; message: string } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { reason: 'folder-missing', message: `${folder} is not there (is the drive plugged in?)` };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { reason: 'not-writable', message: `${folder} cannot be written to (${code})` };
  if (code === 'ENOSPC' || code === 'EDQUOT') return { reason: 'disk-full', message: `${folder} is full (${code})` };
  if (error instanceof AppError) return { reason: 'failed', message: error.message };
  return { reason: 'failed', message: `the backup could not be written (${code ?? 'error'})` };
}

export class ScheduledBackups {
  /** When the last run that failed was tried, in this process: failures are retried every few minutes. */
  #lastFailedTry = Number.NEGATIVE_INFINITY;
  #running = false;

  constructor(private readonly context: BackendContext) {}

  private get db() {
    return this.context.session.require().orm;
  }

  private schedule(): BackupSchedule | null {
    return readJson<BackupSchedule>(this.db, SCHEDULE_KEY);
  }

  private status(): BackupStatus {
    return { ...noBackupStatus, ...readJson<BackupStatus>(this.db, STATUS_KEY) };
  }

  private dueAt(schedule: BackupSchedule | null, status: BackupStatus): Date | null {
    if (!schedule?.enabled || !schedule.folder) return null;
    const afterSuccess = status.lastSuccessAt ? Date.parse(status.lastSuccessAt) + schedule.intervalHours * 3_600_000 : Number.NEGATIVE_INFINITY;
    const due = Math.max(afterSuccess, this.#lastFailedTry + RETRY_AFTER_FAILURE_MS);
    // Never backed up and never failed here: due now.
    return new Date(Number.isFinite(due) ? due : this.context.platform.now().getTime());
  }

  state(): BackupScheduleState {
    const schedule = this.schedule();
    const status = this.status();
    return { schedule, status, nextDueAt: this.dueAt(schedule, status)?.toISOString() ?? null };
  }

  /** The folder comes from the platform's dialog (or the CLI's --folder), never as text from the window. */
  async chooseFolder(): Promise<BackupScheduleState> {
    const { platform } = this.context;
    if (!platform.chooseFolder) throw new AppError('FORBIDDEN', 'This front end cannot choose a folder.');
    const folder = await platform.chooseFolder('Folder for scheduled backups');
    if (!folder) return this.state();
    const before = this.schedule();
    const next: BackupSchedule = before ? { ...before, folder } : { enabled: false, intervalHours: 24, keep: 7, recipients: [], folder };
    this.context.write((tx) => writeJson(tx, SCHEDULE_KEY, next, platform.now().toISOString()), { entity: 'settings', ids: [], before: { backupFolder: before?.folder ?? null }, after: { backupFolder: folder } });
    return this.state();
  }

  configure(input: BackupScheduleInput): BackupScheduleState {
    const before = this.schedule();
    if (input.enabled && !before?.folder) throw new AppError('VALIDATION', 'folder: choose the folder for scheduled backups first');
    const next: BackupSchedule = { ...input, folder: before?.folder ?? null };
    this.context.write((tx) => writeJson(tx, SCHEDULE_KEY, next, this.context.platform.now().toISOString()), { entity: 'settings', ids: [], before, after: next });
    this.#lastFailedTry = Number.NEGATIVE_INFINITY;
    return this.state();
  }

  isDue(): boolean {
    if (this.#running || !this.context.session.vault) return false;
    const due = this.dueAt(this.schedule(), this.status());
    return due !== null && this.context.platform.now().getTime() >= due.getTime();
  }

  /** One scheduled run; its outcome is recorded (and audited) whenever it differs from what the status says. */
  async run(): Promise<BackupScheduleState> {
    const schedule = this.schedule();
    if (!schedule?.folder || schedule.recipients.length === 0) throw new AppError('VALIDATION', 'Set a folder and at least one age recipient first.');
    const { folder } = schedule;
    this.#running = true;
    const vault = this.context.session.require();
    const now = this.context.platform.now();
    const at = now.toISOString();
    const before = this.status();
    try {
      if (!existsSync(folder) || !statSync(folder).isDirectory()) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      const bytes = await createBackup(vault, { recipients: schedule.recipients }, now);
      const name = scheduledBackupName(now);
      writeFileAtomic(join(folder, name), bytes);
      rotate(folder, schedule.keep);
      const status: BackupStatus = { ...before, lastSuccessAt: at, lastSuccessFile: join(folder, name) };
      this.#lastFailedTry = Number.NEGATIVE_INFINITY;
      this.context.write((tx) => writeJson(tx, STATUS_KEY, status, at), { entity: 'backup', ids: [vault.vaultId], before: null, after: { scheduled: name, recipients: schedule.recipients.length } });
    } catch (error) {
      const failure = failureOf(error, folder);
      this.#lastFailedTry = now.getTime();
      const status: BackupStatus = { ...before, lastFailureAt: at, lastFailureReason: failure.reason, lastFailureMessage: failure.message };
      // A drive left out would otherwise add an entry every few minutes: only a new kind of failure is written.
      const news = before.lastFailureReason !== failure.reason || before.lastFailureMessage !== failure.message || (before.lastSuccessAt ?? '') > (before.lastFailureAt ?? '');
      if (this.context.session.vault && news) {
        this.context.write((tx) => writeJson(tx, STATUS_KEY, status, at), { entity: 'backup', ids: [vault.vaultId], before: null, after: { scheduledFailed: failure.reason } });
      }
    } finally {
      this.#running = false;
    }
    return this.state();
  }
}
