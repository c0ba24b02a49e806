/**
 * The key file: the vault's 32-byte database key, wrapped once per staff account.
 * Each slot's wrapping key comes from that person's passphrase through Argon2id; the wrap is
 * XChaCha20-Poly1305 with the vault id, slot id and KDF parameters as associated data, so a slot
 * cannot be moved to another vault or have its parameters weakened without failing to open.
 * The file names nobody: which person owns a slot is recorded inside the encrypted database.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashRaw } from '@node-rs/argon2';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { z } from 'zod';
import { AppError } from '../shared/errors';

export const KEY_FILE_FORMAT = 'caseboard-vault-keys';
export const KEY_FILE_VERSION = 1;
export const DB_KEY_BYTES = 32;

/** SECURITY.md #3: never below these, whatever a key file says. */
export const MIN_KDF = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;
const MAX_KDF = { memoryKiB: 4 * 1024 * 1024, iterations: 64, parallelism: 4 } as const;
const ARGON2ID = 2; // Algorithm.Argon2id; the package ships it as a const enum

const base64Of = (bytes: number) =>
  z.base64().refine((value) => Buffer.from(value, 'base64').length === bytes, { message: `must encode ${bytes} bytes` });

const kdfSchema = z.strictObject({
  algorithm: z.literal('argon2id'),
  version: z.literal(19),
  memoryKiB: z.number().int().min(MIN_KDF.memoryKiB).max(MAX_KDF.memoryKiB),
  iterations: z.number().int().min(MIN_KDF.iterations).max(MAX_KDF.iterations),
  parallelism: z.number().int().min(MIN_KDF.parallelism).max(MAX_KDF.parallelism),
  salt: base64Of(16),
});
export type KdfParams = z.infer<typeof kdfSchema>;

const slotSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  kdf: kdfSchema,
  aead: z.literal('xchacha20poly1305'),
  nonce: base64Of(24),
  wrappedKey: base64Of(DB_KEY_BYTES + 16),
});
export type KeySlot = z.infer<typeof slotSchema>;

const keyFileSchema = z.strictObject({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(KEY_FILE_VERSION),
  vaultId: z.uuid(),
  slots: z.array(slotSchema).min(1).max(1000),
});
export type KeyFile = z.infer<typeof keyFileSchema>;

export function newSlotId(): string {
  return randomBytes(16).toString('hex');
}

function associatedData(vaultId: string, slotId: string, kdf: KdfParams): Uint8Array {
  const { algorithm, version, memoryKiB, iterations, parallelism, salt } = kdf;
  const bound = [KEY_FILE_FORMAT, KEY_FILE_VERSION, vaultId, slotId, algorithm, version, memoryKiB, iterations, parallelism, salt];
  return new TextEncoder().encode(bound.join('|'));
}

async function deriveWrappingKey(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  // NFC: the same passphrase typed on two keyboards (Cyrillic layouts differ) must give the same key.
  return hashRaw(passphrase.normalize('NFC'), {
    algorithm: ARGON2ID,
    version: 1, // Version.V0x13
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.iterations,
    parallelism: kdf.parallelism,
    salt: Buffer.from(kdf.salt, 'base64'),
    outputLen: 32,
  });
}

export function freshKdf(iterations: number = MIN_KDF.iterations): KdfParams {
  return {
    algorithm: 'argon2id',
    version: 19,
    memoryKiB: MIN_KDF.memoryKiB,
    iterations: Math.min(Math.max(iterations, MIN_KDF.iterations), MAX_KDF.iterations),
    parallelism: MIN_KDF.parallelism,
    salt: randomBytes(16).toString('base64'),
  };
}

/**
 * Picks the iteration count that makes one derivation take about `targetMs` on this machine,
 * never fewer than the minimum. A target of 0 keeps the minimum parameters.
 */
export async function calibrateKdf(targetMs: number): Promise<KdfParams> {
  const probe = freshKdf();
  if (targetMs <= 0) return probe;
  // The first derivation pays for allocating its memory; the faster of two is the steady cost.
  let elapsed = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 2; run++) {
    const started = performance.now();
    await deriveWrappingKey('calibration', probe);
    elapsed = Math.min(elapsed, Math.max(performance.now() - started, 1));
  }
  return freshKdf(Math.round((MIN_KDF.iterations * targetMs) / elapsed));
}

export async function sealSlot(
  vaultId: string,
  slotId: string,
  passphrase: string,
  dbKey: Uint8Array,
  kdf: KdfParams,
): Promise<KeySlot> {
  const wrappingKey = await deriveWrappingKey(passphrase, kdf);
  try {
    const nonce = randomBytes(24);
    const wrapped = xchacha20poly1305(wrappingKey, nonce, associatedData(vaultId, slotId, kdf)).encrypt(dbKey);
    return {
      id: slotId,
      kdf,
      aead: 'xchacha20poly1305',
      nonce: nonce.toString('base64'),
      wrappedKey: Buffer.from(wrapped).toString('base64'),
    };
  } finally {
    wrappingKey.fill(0);
  }
}

/** The database key, or null when this passphrase does not open this slot (or the slot was tampered with). */
export async function openSlot(vaultId: string, slot: KeySlot, passphrase: string): Promise<Buffer | null> {
  const wrappingKey = await deriveWrappingKey(passphrase, slot.kdf);
  try {
    const aead = xchacha20poly1305(wrappingKey, Buffer.from(slot.nonce, 'base64'), associatedData(vaultId, slot.id, slot.kdf));
    return Buffer.from(aead.decrypt(Buffer.from(slot.wrappedKey, 'base64')));
  } catch {
    // An authentication failure is the expected answer to a wrong passphrase: it means "not this slot".
    return null;
  } finally {
    wrappingKey.fill(0);
  }
}

/** Tries every slot, as LUKS does: the file does not say whose slot is whose. */
export async function unwrapDatabaseKey(keyFile: KeyFile, passphrase: string): Promise<{ key: Buffer; slotId: string } | null> {
  for (const slot of keyFile.slots) {
    const key = await openSlot(keyFile.vaultId, slot, passphrase);
    if (key) return { key, slotId: slot.id };
  }
  return null;
}

export function parseKeyFile(bytes: Buffer, path: string): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AppError('NOT_A_VAULT', `${path} is not a Caseboard key file (not readable as one).`);
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || 'file' : 'file';
    throw new AppError('NOT_A_VAULT', `${path} is not a valid Caseboard key file (${where}: ${issue?.message ?? 'invalid'}).`);
  }
  return parsed.data;
}

export function readKeyFile(path: string): KeyFile {
  return parseKeyFile(readFileSync(path), path);
}

/** Write-then-rename with fsync, so a crash leaves either the old key file or the new one, never half of one. */
export function writeKeyFile(path: string, keyFile: KeyFile): void {
  const checked = keyFileSchema.parse(keyFile);
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(checked, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  const dirFd = openSync(dirname(path), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
