import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DB_FILE = 'caseboard.db';
export const KEY_FILE = 'caseboard.keys';
/** Present while a restore is being written: such a directory is never taken for a vault. */
export const RESTORE_MARKER = 'RESTORE-INCOMPLETE';

export function vaultPaths(dir: string) {
  const db = join(dir, DB_FILE);
  return { db, wal: `${db}-wal`, shm: `${db}-shm`, keys: join(dir, KEY_FILE), restoring: join(dir, RESTORE_MARKER) };
}

/** The migrations shipped beside this module; a packaged app passes its own path instead. */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations', import.meta.url));
}
