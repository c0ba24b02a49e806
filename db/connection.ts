/**
 * Opening an encrypted connection. Every connection Caseboard makes goes through here, so every one
 * gets the same cipher settings and the same protections against plaintext reaching the disk.
 */
import Database from 'better-sqlite3';
import { AppError } from '../shared/errors';

export type Sqlite = Database.Database;

/** The page cache of a vault connection, in KiB (512 MiB): see `openEncrypted`. */
export const PAGE_CACHE_KIB = 512 * 1024;

/** "CSBD": marks a database as Caseboard's own, checked at unlock. */
export const APPLICATION_ID = 0x43534244;

export interface ConnectionOptions {
  create: boolean;
  /** Path to a better-sqlite3 binary built for another runtime (Electron). */
  nativeBinding?: string;
}

function isNotADatabase(error: unknown): boolean {
  return error instanceof Error && /not a database|file is encrypted|malformed/i.test(error.message);
}

export function openEncrypted(path: string, key: Uint8Array, options: ConnectionOptions): Sqlite {
  if (key.length !== 32) throw new AppError('INTERNAL', 'A database key must be 32 bytes.');
  const db = new Database(path, {
    fileMustExist: !options.create,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    // Real SQLCipher 4 file format, with a raw 256-bit key (the KDF already ran on the key slot).
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${Buffer.from(key).toString('hex')}'"`);
    // This build does not encrypt SQLite's temporary files: sorts and temp tables must stay in memory.
    db.pragma('temp_store = MEMORY');
    db.pragma('secure_delete = ON');
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if (isNotADatabase(error)) {
        throw new AppError('VAULT_DAMAGED', 'The vault database cannot be decrypted with its key: it is damaged or was replaced.');
      }
      throw error;
    }
    // Memory-mapped reads would bypass the cipher layer; this build refuses them for an encrypted file, and
    // they stay off so that nothing ever maps the file.
    db.pragma('mmap_size = 0');
    // Decrypted pages are kept in the process's own memory, up to this much (the default is 16 MiB): the
    // triage and search indexes of a 100,000-case vault (about 350 MB) then stay decrypted instead of being
    // decrypted again for every query. The cache grows only as pages are read, so a small vault uses little.
    // Memory only: the cache never reaches the disk, and closing the database (locking) frees it.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    // Only now, with the key proven, may anything be written: WAL pages are encrypted by SQLCipher too.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Verifies the whole file reads back, page by page; a damaged vault is refused before any write. */
export function checkIntegrity(db: Sqlite): void {
  let result: unknown;
  try {
    result = db.pragma('quick_check', { simple: true });
  } catch (error) {
    if (isNotADatabase(error)) throw new AppError('VAULT_DAMAGED', 'The vault database is damaged.');
    throw error;
  }
  if (result !== 'ok') throw new AppError('VAULT_DAMAGED', `The vault database is damaged (${String(result)}).`);
}

/**
 * Planner statistics for tables that lack them or have grown much (bounded work): run at unlock and after
 * an import, so filtered and sorted pages keep choosing the right index.
 */
export function refreshPlannerStats(db: Sqlite): void {
  db.pragma('analysis_limit = 1000');
  db.pragma('optimize = 0x10002');
}
