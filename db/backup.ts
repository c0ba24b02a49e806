/**
 * Encrypted backups: one file holding the key file and a consistent copy of the database, inside an age
 * file encrypted to a backup passphrase (scrypt) and/or age recipients (an offline key held elsewhere).
 * The database inside is still SQLCipher-encrypted: a backup adds a layer, it never removes one.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { Decrypter, Encrypter } from 'age-encryption';
import { z } from 'zod';
import { AppError } from '../shared/errors';
import { parseKeyFile, writeKeyFile } from './keyfile';
import { DB_FILE, KEY_FILE, vaultPaths } from './paths';
import { unlockVault, type OpenVault, type VaultOptions } from './vault';
import { rotateSite } from './sync/identity';

const MAGIC = 'caseboard-backup v1\n';

const manifestSchema = z.strictObject({
  format: z.literal('caseboard-backup'),
  version: z.literal(1),
  vaultId: z.uuid(),
  createdAt: z.string(),
  files: z
    .array(z.strictObject({ name: z.enum([KEY_FILE, DB_FILE]), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
    .length(2),
});
type Manifest = z.infer<typeof manifestSchema>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface BackupTarget {
  passphrase?: string | undefined;
  recipients?: string[] | undefined;
}

/** A consistent copy: the WAL is folded into the database first, and no write can run meanwhile. */
export async function createBackup(vault: OpenVault, target: BackupTarget, now: Date): Promise<Uint8Array> {
  if (!target.passphrase && !target.recipients?.length) throw new AppError('VALIDATION', 'A backup needs a passphrase or an age recipient.');
  vault.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const paths = vaultPaths(vault.dir);
  const files = [
    { name: KEY_FILE, bytes: readFileSync(paths.keys) },
    { name: DB_FILE, bytes: readFileSync(paths.db) },
  ];
  const manifest: Manifest = {
    format: 'caseboard-backup',
    version: 1,
    vaultId: vault.vaultId,
    createdAt: now.toISOString(),
    files: files.map((f) => ({ name: f.name as Manifest['files'][number]['name'], size: f.bytes.length, sha256: sha256(f.bytes) })),
  };
  const plain = Buffer.concat([Buffer.from(MAGIC), Buffer.from(`${JSON.stringify(manifest)}\n`), ...files.map((f) => f.bytes)]);
  const encrypter = new Encrypter();
  try {
    if (target.passphrase) encrypter.setPassphrase(target.passphrase);
    for (const recipient of target.recipients ?? []) encrypter.addRecipient(recipient);
  } catch (error) {
    throw new AppError('VALIDATION', `recipients: ${(error as Error).message}`);
  }
  return encrypter.encrypt(plain);
}

function writeDurably(path: string, data: Uint8Array): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset, data.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface BackupSource {
  passphrase?: string | undefined;
  /** age identities (`AGE-SECRET-KEY-1…`). */
  identities?: string[] | undefined;
}

function unpack(plain: Uint8Array): { manifest: Manifest; files: Map<string, Buffer> } {
  const bytes = Buffer.from(plain);
  if (!bytes.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC))) throw new AppError('NOT_A_VAULT', 'This file is not a Caseboard backup.');
  const end = bytes.indexOf(0x0a, MAGIC.length);
  if (end < 0) throw new AppError('NOT_A_VAULT', 'The backup has no manifest.');
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(bytes.subarray(MAGIC.length, end).toString('utf8')));
  } catch {
    throw new AppError('NOT_A_VAULT', 'The backup manifest is not valid.');
  }
  const files = new Map<string, Buffer>();
  let offset = end + 1;
  for (const file of manifest.files) {
    const content = bytes.subarray(offset, offset + file.size);
    if (content.length !== file.size || sha256(content) !== file.sha256) {
      throw new AppError('VAULT_DAMAGED', `The backup's copy of ${file.name} does not match its recorded hash.`);
    }
    files.set(file.name, content);
    offset += file.size;
  }
  if (offset !== bytes.length) throw new AppError('VAULT_DAMAGED', 'The backup has bytes beyond its manifest.');
  parseKeyFile(files.get(KEY_FILE)!, 'the backup key file');
  return { manifest, files };
}

/**
 * Restores into an empty directory and proves the copy opens (integrity check, migrations) with a staff
 * passphrase before reporting success; on any failure the directory is left as it was.
 */
export async function restoreBackup(
  encrypted: Uint8Array,
  source: BackupSource,
  dir: string,
  staffPassphrase: string,
  options: VaultOptions = {},
): Promise<{ vaultId: string; office: string; createdAt: string }> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new AppError('VAULT_EXISTS', `${dir} is not empty: restore into a new directory.`);
  const decrypter = new Decrypter();
  if (source.passphrase) decrypter.addPassphrase(source.passphrase);
  for (const identity of source.identities ?? []) decrypter.addIdentity(identity);
  let plain: Uint8Array;
  try {
    plain = await decrypter.decrypt(encrypted, 'uint8array');
  } catch (error) {
    const message = (error as Error).message;
    if (/passphrase|identity|no identity|incorrect|scrypt|matching/i.test(message)) throw new AppError('WRONG_PASSPHRASE', 'The backup passphrase or key does not open this backup.');
    throw new AppError('NOT_A_VAULT', `This file is not a readable Caseboard backup (${message}).`);
  }
  const { manifest, files } = unpack(plain);
  const created = !existsSync(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const paths = vaultPaths(dir);
  try {
    // A crash from here on leaves a directory that says it is an interrupted restore, never a vault.
    writeDurably(paths.restoring, Buffer.from('A restore was started here and did not finish. Delete this directory and restore again.\n'));
    writeDurably(paths.db, files.get(DB_FILE)!);
    writeKeyFile(paths.keys, parseKeyFile(files.get(KEY_FILE)!, 'the backup key file'));
    rmSync(paths.restoring);
    const vault = await unlockVault(dir, staffPassphrase, options);
    const office = vault.officeName;
    try {
      // The original may still be in use: the copy writes as a new site, so no operation id is ever reused.
      rotateSite(vault.sqlite, office);
    } finally {
      vault.close();
    }
    return { vaultId: manifest.vaultId, office, createdAt: manifest.createdAt };
  } catch (error) {
    for (const path of [paths.keys, paths.db, paths.wal, paths.shm, paths.restoring, `${paths.keys}.tmp`]) rmSync(path, { force: true });
    if (created) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
