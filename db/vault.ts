/**
 * The vault: one SQLCipher 4 database per office plus its key file. Create, unlock, lock, change passphrase.
 * A wrong passphrase never opens the database file, so it cannot change a byte on disk.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readSync, closeSync, rmSync, statSync } from 'node:fs';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../shared/errors';
import type { Role } from '../shared/domain/staff';
import * as schema from './schema';
import { APPLICATION_ID, checkIntegrity, openEncrypted, refreshPlannerStats, type Sqlite } from './connection';
import {
  calibrateKdf,
  KEY_FILE_FORMAT,
  KEY_FILE_VERSION,
  newSlotId,
  openSlot,
  readKeyFile,
  sealSlot,
  unwrapDatabaseKey,
  writeKeyFile,
  type KeyFile,
} from './keyfile';
import { defaultMigrationsDir, vaultPaths } from './paths';
import { duressModeOf, duressSlotId, type DuressMode } from './duress';
import { appendAudit } from './audit';
import { destroyKeyMaterial, wipeVault } from './wipe';
import { runDataUpgrades } from './upgrades';
import { installCapture, prepareSync } from './sync/setup';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface VaultOptions {
  migrationsDir?: string;
  nativeBinding?: string;
  /** Argon2id calibration target per unlock; 0 keeps the minimum parameters. */
  kdfTargetMs?: number;
  now?: () => Date;
}

export interface VaultUser {
  id: string;
  name: string;
  role: Role;
  mustChangePassphrase: boolean;
}

export type DataDirState = 'empty' | 'vault';

const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** What a data directory holds, refusing anything that is neither nothing nor a whole vault. */
export function inspectDataDir(dir: string): DataDirState {
  const paths = vaultPaths(dir);
  if (existsSync(paths.restoring)) {
    throw new AppError('VAULT_DAMAGED', `${dir} holds an interrupted restore: delete the directory and restore again.`);
  }
  const hasDb = existsSync(paths.db);
  const hasKeys = existsSync(paths.keys);
  if (!hasDb && !hasKeys) return 'empty';
  if (hasDb && statSync(paths.db).isFile()) {
    const header = readHeader(paths.db);
    if (header.equals(SQLITE_PLAIN_HEADER)) {
      throw new AppError('NOT_A_VAULT', `${paths.db} is an unencrypted SQLite file, not a Caseboard vault.`);
    }
    if (header.length < 16) throw new AppError('VAULT_DAMAGED', `${paths.db} is truncated: the vault is damaged.`);
  }
  if (!hasKeys) throw new AppError('VAULT_DAMAGED', `The key file ${paths.keys} is missing: restore it from a backup.`);
  if (!hasDb) throw new AppError('VAULT_DAMAGED', `The database ${paths.db} is missing: restore it from a backup.`);
  readKeyFile(paths.keys);
  return 'vault';
}

function loadSession(orm: Orm, slotId: string) {
  const officeRow = orm.select().from(schema.office).get();
  const user = orm.select().from(schema.staff).where(eq(schema.staff.slotId, slotId)).get();
  return { officeRow, user };
}

export class OpenVault {
  #sqlite: Sqlite | null;
  #key: Buffer;

  constructor(
    readonly dir: string,
    sqlite: Sqlite,
    key: Buffer,
    readonly orm: Orm,
    readonly vaultId: string,
    readonly officeName: string,
    readonly user: VaultUser,
    readonly slotId: string,
    private readonly options: VaultOptions,
  ) {
    this.#sqlite = sqlite;
    this.#key = key;
  }

  get sqlite(): Sqlite {
    if (!this.#sqlite) throw new AppError('LOCKED', 'The vault is locked.');
    return this.#sqlite;
  }

  get isOpen(): boolean {
    return this.#sqlite !== null;
  }

  /** Closes the database and overwrites the key in memory. Safe to call twice. */
  close(): void {
    if (this.#sqlite) {
      this.#sqlite.close();
      this.#sqlite = null;
    }
    this.#key.fill(0);
  }

  /** Adds a key slot for a new account, wrapping this vault's key under their passphrase. */
  async addSlot(passphrase: string): Promise<string> {
    const paths = vaultPaths(this.dir);
    const keyFile = readKeyFile(paths.keys);
    const slotId = newSlotId();
    const kdf = await calibrateKdf(this.options.kdfTargetMs ?? 500);
    const slot = await sealSlot(keyFile.vaultId, slotId, passphrase, this.#key, kdf);
    writeKeyFile(paths.keys, { ...keyFile, slots: [...keyFile.slots, slot] });
    return slotId;
  }

  /** Removes an account's key slot: its passphrase no longer opens the vault. */
  removeSlot(slotId: string): void {
    if (slotId === this.slotId) throw new AppError('FORBIDDEN', 'You cannot remove your own account.');
    const paths = vaultPaths(this.dir);
    const keyFile = readKeyFile(paths.keys);
    const slots = keyFile.slots.filter((slot) => slot.id !== slotId);
    if (slots.length === keyFile.slots.length) return;
    writeKeyFile(paths.keys, { ...keyFile, slots });
  }

  /** The duress slot, if one is set: only the database key can tell it from the others. */
  duress(): { slotId: string; mode: DuressMode } | null {
    for (const slot of readKeyFile(vaultPaths(this.dir).keys).slots) {
      const mode = duressModeOf(this.#key, slot.id);
      if (mode) return { slotId: slot.id, mode };
    }
    return null;
  }

  /**
   * Sets (or replaces) the duress passphrase. It must open no other slot, or one passphrase would mean two
   * things; checking that costs one derivation per slot.
   */
  async setDuress(passphrase: string, mode: DuressMode): Promise<void> {
    const paths = vaultPaths(this.dir);
    const keyFile = readKeyFile(paths.keys);
    const others = keyFile.slots.filter((slot) => !duressModeOf(this.#key, slot.id));
    for (const slot of others) {
      const opened = await openSlot(keyFile.vaultId, slot, passphrase);
      if (opened) {
        opened.fill(0);
        throw new AppError('VALIDATION', 'passphrase: must differ from every staff member’s passphrase');
      }
    }
    const kdf = await calibrateKdf(this.options.kdfTargetMs ?? 500);
    const slot = await sealSlot(keyFile.vaultId, duressSlotId(this.#key, mode), passphrase, this.#key, kdf);
    // Placed among the others, not last: position in the file says nothing either.
    const at = randomInt(others.length + 1);
    writeKeyFile(paths.keys, { ...keyFile, slots: [...others.slice(0, at), slot, ...others.slice(at)] });
  }

  clearDuress(): boolean {
    const paths = vaultPaths(this.dir);
    const keyFile = readKeyFile(paths.keys);
    const slots = keyFile.slots.filter((slot) => !duressModeOf(this.#key, slot.id));
    if (slots.length === keyFile.slots.length) return false;
    writeKeyFile(paths.keys, { ...keyFile, slots });
    return true;
  }

  /** Re-wraps this user's slot under a new passphrase; the database key and file stay as they are. */
  async changePassphrase(current: string, next: string): Promise<void> {
    const paths = vaultPaths(this.dir);
    const keyFile = readKeyFile(paths.keys);
    const index = keyFile.slots.findIndex((slot) => slot.id === this.slotId);
    const slot = keyFile.slots[index];
    if (!slot) throw new AppError('VAULT_DAMAGED', 'Your key slot is missing from the key file.');
    const key = await openSlot(keyFile.vaultId, slot, current);
    if (!key) throw new AppError('WRONG_PASSPHRASE', 'The current passphrase is wrong.');
    try {
      const kdf = await calibrateKdf(this.options.kdfTargetMs ?? 500);
      const resealed = await sealSlot(keyFile.vaultId, slot.id, next, key, kdf);
      const slots = keyFile.slots.map((existing, i) => (i === index ? resealed : existing));
      writeKeyFile(paths.keys, { ...keyFile, slots });
    } finally {
      key.fill(0);
    }
  }
}

function openAndMigrate(dir: string, key: Buffer, create: boolean, options: VaultOptions) {
  const paths = vaultPaths(dir);
  const sqlite = openEncrypted(paths.db, key, { create, nativeBinding: options.nativeBinding });
  try {
    if (!create) {
      checkIntegrity(sqlite);
      const appId = sqlite.pragma('application_id', { simple: true });
      if (appId !== APPLICATION_ID) throw new AppError('NOT_A_VAULT', `${paths.db} is not a Caseboard database.`);
    } else {
      sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    }
    const orm = drizzle(sqlite, { schema });
    try {
      migrate(orm, { migrationsFolder: options.migrationsDir ?? defaultMigrationsDir() });
      installCapture(sqlite);
      runDataUpgrades(orm);
      refreshPlannerStats(sqlite);
    } catch (error) {
      throw new AppError('VAULT_DAMAGED', `The vault could not be upgraded: ${(error as Error).message}`);
    }
    return { sqlite, orm };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

export async function createVault(
  dir: string,
  init: { office: string; user: string; passphrase: string },
  options: VaultOptions = {},
): Promise<OpenVault> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (inspectDataDir(dir) !== 'empty') throw new AppError('VAULT_EXISTS', `${dir} already holds a Caseboard vault.`);
  const paths = vaultPaths(dir);
  const now = (options.now ?? (() => new Date()))().toISOString();
  const vaultId = randomUUID();
  const slotId = newSlotId();
  const key = randomBytes(32);
  const kdf = await calibrateKdf(options.kdfTargetMs ?? 500);
  const slot = await sealSlot(vaultId, slotId, init.passphrase, key, kdf);
  const user: VaultUser = { id: uuidv7(), name: init.user, role: 'admin', mustChangePassphrase: false };
  let opened: ReturnType<typeof openAndMigrate> | null = null;
  try {
    opened = openAndMigrate(dir, key, true, options);
    const { orm } = opened;
    await prepareSync(opened.sqlite, init.office, new Date(now));
    orm.transaction((tx) => {
      tx.insert(schema.office).values({ id: vaultId, name: init.office, createdAt: now }).run();
      tx.insert(schema.staff).values({ ...user, slotId, createdAt: now }).run();
    });
    const keyFile: KeyFile = { format: KEY_FILE_FORMAT, version: KEY_FILE_VERSION, vaultId, slots: [slot] };
    // Written last: a vault without its key file never looks complete.
    writeKeyFile(paths.keys, keyFile);
    return new OpenVault(dir, opened.sqlite, key, orm, vaultId, init.office, user, slotId, options);
  } catch (error) {
    opened?.sqlite.close();
    for (const file of [paths.db, paths.wal, paths.shm, paths.keys, `${paths.keys}.tmp`]) rmSync(file, { force: true });
    key.fill(0);
    throw error;
  }
}

/** The id of the vault in `dir`, read from its key file; NO_VAULT when there is none. */
export function vaultIdOf(dir: string): string {
  if (!existsSync(dir) || inspectDataDir(dir) === 'empty') throw new AppError('NO_VAULT', `There is no Caseboard vault in ${dir}.`);
  return readKeyFile(vaultPaths(dir).keys).vaultId;
}

/**
 * The duress passphrase was typed (ADR 005). Both modes destroy the real key material first; then either
 * the answer a wrong passphrase gets, after as many derivations as a wrong passphrase costs ('wipe'), or an
 * empty vault of the same office, opened as if nothing had happened ('decoy').
 */
async function answerDuress(dir: string, keyFile: KeyFile, slotId: string, key: Buffer, mode: DuressMode, passphrase: string, options: VaultOptions): Promise<OpenVault> {
  let decoy: { office: string; user: string; createdAt: string } | null = null;
  try {
    if (mode === 'decoy') {
      const { sqlite, orm } = openAndMigrate(dir, key, false, options);
      try {
        const officeRow = orm.select().from(schema.office).get();
        const named = orm.select().from(schema.settings).where(eq(schema.settings.key, DURESS_DECOY_NAME_KEY)).get();
        decoy = { office: officeRow?.name ?? 'Office', user: named ? (JSON.parse(named.value) as string) : 'Admin', createdAt: officeRow?.createdAt ?? new Date().toISOString() };
      } finally {
        sqlite.close();
      }
    }
  } finally {
    key.fill(0);
  }
  if (!decoy) {
    destroyKeyMaterial(dir);
    const index = keyFile.slots.findIndex((slot) => slot.id === slotId);
    for (const slot of keyFile.slots.slice(index + 1)) await openSlot(keyFile.vaultId, slot, passphrase);
    throw new AppError('WRONG_PASSPHRASE', 'The passphrase does not open this vault.');
  }
  wipeVault(dir);
  const { createdAt } = decoy;
  const vault = await createVault(dir, { office: decoy.office, user: decoy.user, passphrase }, { ...options, now: () => new Date(createdAt) });
  vault.orm.transaction((tx) => {
    appendAudit(tx, { at: createdAt, staffId: vault.user.id, method: 'vault.create', subject: { entity: 'office', ids: [vault.vaultId, vault.user.id], before: null, after: { office: decoy.office, admin: decoy.user } } });
  });
  return vault;
}

/** Settings key: the name the decoy's only account shows. */
export const DURESS_DECOY_NAME_KEY = 'duress.decoyName';

export async function unlockVault(dir: string, passphrase: string, options: VaultOptions = {}): Promise<OpenVault> {
  if (!existsSync(dir) || inspectDataDir(dir) === 'empty') throw new AppError('NO_VAULT', `There is no Caseboard vault in ${dir}.`);
  const paths = vaultPaths(dir);
  const keyFile = readKeyFile(paths.keys);
  const unwrapped = await unwrapDatabaseKey(keyFile, passphrase);
  if (!unwrapped) throw new AppError('WRONG_PASSPHRASE', 'The passphrase does not open this vault.');
  const { key, slotId } = unwrapped;
  const duress = duressModeOf(key, slotId);
  if (duress) return answerDuress(dir, keyFile, slotId, key, duress, passphrase, options);
  try {
    const { sqlite, orm } = openAndMigrate(dir, key, false, options);
    const { officeRow, user } = loadSession(orm, slotId);
    if (!officeRow || officeRow.id !== keyFile.vaultId || !user || user.removedAt) {
      sqlite.close();
      throw new AppError('VAULT_DAMAGED', 'The key file and the database belong to different vaults.');
    }
    try {
      await prepareSync(sqlite, officeRow.name, (options.now ?? (() => new Date()))());
    } catch (error) {
      sqlite.close();
      throw error;
    }
    return new OpenVault(dir, sqlite, key, orm, keyFile.vaultId, officeRow.name, { id: user.id, name: user.name, role: user.role, mustChangePassphrase: user.mustChangePassphrase }, slotId, options);
  } catch (error) {
    key.fill(0);
    throw error;
  }
}
