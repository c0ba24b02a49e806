/**
 * Crypto-erase of a vault (SECURITY.md #15): destroy every key slot, then the database header, then the
 * rest of the database, then delete the files. The first two steps alone make the vault unreadable and
 * take milliseconds; the rest is best effort. On SSDs and journaling file systems old blocks can survive
 * any overwrite: that is why the key slots, small and overwritten first, are what the wipe relies on.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { AppError } from '../shared/errors';
import { inspectDataDir } from './vault';
import { readKeyFile, writeKeyFile } from './keyfile';
import { vaultPaths } from './paths';

const CHUNK = 1024 * 1024;

/** Overwrites the first `limit` bytes of a file (all of it by default) with random bytes, synced to disk. */
function overwrite(path: string, limit = Number.POSITIVE_INFINITY): void {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r+');
  try {
    const size = Math.min(fstatSync(fd).size, limit);
    for (let offset = 0; offset < size; offset += CHUNK) writeSync(fd, randomBytes(Math.min(CHUNK, size - offset)), 0, Math.min(CHUNK, size - offset), offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface WipeReport {
  slotsDestroyed: number;
  filesRemoved: string[];
}

/** Every slot replaced by random bytes of the same shape (new ids too), written and synced in place. */
function scrambleSlots(keysPath: string): number {
  const keyFile = readKeyFile(keysPath);
  const scrambled = keyFile.slots.map((slot) => ({
    ...slot,
    id: randomBytes(16).toString('hex'),
    nonce: randomBytes(24).toString('base64'),
    wrappedKey: randomBytes(48).toString('base64'),
    kdf: { ...slot.kdf, salt: randomBytes(16).toString('base64') },
  }));
  writeKeyFile(keysPath, { ...keyFile, slots: scrambled });
  return scrambled.length;
}

/**
 * The duress wipe: the same crypto-erase, but every file stays where it was, at its size, looking like a
 * vault whose passphrase is simply not known — slots of the usual shape, a database of random-looking pages.
 */
export function destroyKeyMaterial(dir: string): void {
  const paths = vaultPaths(dir);
  scrambleSlots(paths.keys);
  overwrite(paths.db, 4096);
  overwrite(paths.wal);
  overwrite(paths.shm);
}

export function wipeVault(dir: string): WipeReport {
  if (inspectDataDirSafely(dir) !== 'vault') throw new AppError('NO_VAULT', `There is no Caseboard vault in ${dir}.`);
  const paths = vaultPaths(dir);
  let slotsDestroyed = 0;
  try {
    // 1. Every slot replaced by random bytes of the same shape, written and synced in place.
    slotsDestroyed = scrambleSlots(paths.keys);
  } catch (error) {
    // A damaged or missing key file is overwritten (or skipped) below all the same.
    if (!(error instanceof AppError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  overwrite(paths.keys);
  // 2. The database header (salt and first page), then 3. the rest, WAL and SHM included.
  overwrite(paths.db, 4096);
  overwrite(paths.wal);
  overwrite(paths.db);
  overwrite(paths.shm);
  const filesRemoved: string[] = [];
  for (const path of [paths.keys, paths.db, paths.wal, paths.shm, `${paths.keys}.tmp`, paths.restoring]) {
    if (!existsSync(path)) continue;
    rmSync(path, { force: true });
    filesRemoved.push(path);
  }
  return { slotsDestroyed, filesRemoved };
}

function inspectDataDirSafely(dir: string): 'empty' | 'vault' {
  try {
    return existsSync(dir) ? inspectDataDir(dir) : 'empty';
  } catch (error) {
    // A damaged vault is still a vault to wipe.
    if (error instanceof AppError && (error.code === 'VAULT_DAMAGED' || error.code === 'NOT_A_VAULT')) return 'vault';
    throw error;
  }
}
