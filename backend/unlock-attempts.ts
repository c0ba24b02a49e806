/**
 * Unlock attempts per vault, kept in a small file OUTSIDE the vault directory, so a wrong passphrase still
 * changes nothing beside the vault and the count survives restarts of the app and separate CLI runs.
 * An attempt is counted before the passphrase is tried and cleared only when it opens the vault, so killing
 * the process in the middle of a try does not make the try free.
 *
 * This slows down someone guessing at this computer's own Caseboard. It does nothing against a copy of the
 * vault attacked with other software (or with this file deleted): there Argon2id's cost per guess is what
 * holds. See docs/unlock-attempts.md.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../shared/errors';

export const ATTEMPTS_FILE = 'unlock-attempts.json';
/** Wrong passphrases allowed before the first wait: enough for honest typing mistakes. */
export const FREE_ATTEMPTS = 3;
const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 60 * 60_000;

const recordSchema = z.strictObject({ failures: z.number().int().min(0), lastFailureAt: z.string().nullable() });
const fileSchema = z.strictObject({ version: z.literal(1), vaults: z.record(z.string().regex(/^[0-9a-f]{32}$/), recordSchema) });
type AttemptsFile = z.infer<typeof fileSchema>;
export type AttemptRecord = z.infer<typeof recordSchema>;

/** How long to wait after `failures` wrong passphrases in a row: 0 for the first few, then doubling to an hour. */
export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS);
}

export function retryAt(record: AttemptRecord): Date | null {
  const delay = delayAfter(record.failures);
  if (delay === 0 || !record.lastFailureAt) return null;
  return new Date(Date.parse(record.lastFailureAt) + delay);
}

/** The file names vaults by a hash of their id only: it says how many tries failed, never where a vault is. */
const vaultKey = (vaultId: string) => createHash('sha256').update(`caseboard-unlock-attempts|${vaultId}`).digest('hex').slice(0, 32);

export class UnlockAttempts {
  constructor(private readonly stateDir: string) {}

  private get path(): string {
    return join(this.stateDir, ATTEMPTS_FILE);
  }

  private read(): AttemptsFile {
    if (!existsSync(this.path)) return { version: 1, vaults: {} };
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch (error) {
      // Unreadable: start a fresh count (deleting the file would do the same) rather than lock everyone out.
      if (error instanceof SyntaxError) return { version: 1, vaults: {} };
      throw error;
    }
    const checked = fileSchema.safeParse(parsed);
    return checked.success ? checked.data : { version: 1, vaults: {} };
  }

  private write(file: AttemptsFile): void {
    try {
      mkdirSync(this.stateDir, { recursive: true, mode: 0o700 });
      const temp = `${this.path}.tmp`;
      const fd = openSync(temp, 'w', 0o600);
      try {
        writeSync(fd, `${JSON.stringify(file)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.path);
    } catch (error) {
      // Failing closed: an attempt that cannot be counted is not made.
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new AppError('INTERNAL', `Cannot record the unlock attempt in ${this.stateDir} (${code}); nothing was tried.`);
    }
  }

  get(vaultId: string): AttemptRecord {
    return this.read().vaults[vaultKey(vaultId)] ?? { failures: 0, lastFailureAt: null };
  }

  /**
   * Refuses while the wait after earlier failures runs; otherwise counts this attempt as failed until
   * `succeeded` says otherwise. Returns the record as it was, for `restore`.
   */
  begin(vaultId: string, now: Date): AttemptRecord {
    const file = this.read();
    const key = vaultKey(vaultId);
    const before = file.vaults[key] ?? { failures: 0, lastFailureAt: null };
    const until = retryAt(before);
    if (until && now.getTime() < until.getTime()) {
      const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
      throw new AppError('RATE_LIMITED', `Too many wrong passphrases: wait ${seconds} s before the next try.`);
    }
    file.vaults[key] = { failures: before.failures + 1, lastFailureAt: now.toISOString() };
    this.write(file);
    return before;
  }

  /** The passphrase opened the vault: the count starts over. */
  succeeded(vaultId: string): void {
    const file = this.read();
    const key = vaultKey(vaultId);
    if (!file.vaults[key]) return;
    delete file.vaults[key];
    this.write(file);
  }

  /** The try ended without judging the passphrase (e.g. a damaged database after the key unwrapped). */
  restore(vaultId: string, record: AttemptRecord): void {
    const file = this.read();
    const key = vaultKey(vaultId);
    if (record.failures === 0) delete file.vaults[key];
    else file.vaults[key] = record;
    this.write(file);
  }
}
