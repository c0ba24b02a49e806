/**
 * SECURITY.md #14: every parser of outside input survives hostile bytes — a clear AppError, never another
 * exception, never a hang, never a write. 10,000 cases per parser.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseKeyFile } from '../../db/keyfile';
import { restoreBackup } from '../../db/backup';
import { parseSpreadsheet } from '../../backend/spreadsheet';
import { AppError } from '../../shared/errors';
import { removeTempDirs, tempDir } from '../fixtures/data-dir';

afterAll(removeTempDirs);

const RUNS = 10_000;

async function settles(run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
  }
}

const validKeyFile = JSON.stringify({
  format: 'caseboard-vault-keys',
  version: 1,
  vaultId: '0b6f5c1e-8d0e-4f63-9d3a-2f1e4c5b6a70',
  slots: [
    {
      id: '00112233445566778899aabbccddeeff',
      kdf: { algorithm: 'argon2id', version: 19, memoryKiB: 65536, iterations: 3, parallelism: 1, salt: Buffer.alloc(16, 1).toString('base64') },
      aead: 'xchacha20poly1305',
      nonce: Buffer.alloc(24, 2).toString('base64'),
      wrappedKey: Buffer.alloc(48, 3).toString('base64'),
    },
  ],
});

/** Random bytes, and a valid document with bytes flipped, cut or inserted. */
function hostile(valid: Buffer) {
  return fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
    fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([at, mask]) => {
      const copy = Buffer.from(valid);
      copy[at]! ^= mask;
      return copy;
    }),
    fc.nat({ max: valid.length }).map((at) => valid.subarray(0, at)),
    fc.tuple(fc.nat({ max: valid.length }), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([at, extra]) =>
      Buffer.concat([valid.subarray(0, at), Buffer.from(extra), valid.subarray(at)]),
    ),
  );
}

describe('parsers of outside input under hostile bytes', () => {
  it('key files', async () => {
    await fc.assert(fc.asyncProperty(hostile(Buffer.from(validKeyFile)), (bytes) => settles(() => parseKeyFile(bytes, 'fuzz'))), { numRuns: RUNS });
  });

  it('backups: nothing is ever written to the target', async () => {
    const target = join(tempDir(), 'restore-target');
    const ageHeader = Buffer.from('age-encryption.org/v1\n-> scrypt AAAAAAAAAAAAAAAAAAAAAA 10\nAAAA\n--- AAAA\n');
    await fc.assert(
      fc.asyncProperty(hostile(ageHeader), async (bytes) => {
        await settles(() => restoreBackup(bytes, { passphrase: 'fuzzing passphrase' }, target, 'x'));
        expect(existsSync(target)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('CSV spreadsheets', async () => {
    const csv = Buffer.from('\ufeffTitle;Person;Region;Priority\n"Detention";Алесь Бяляцкі;grodno;urgent\n');
    await fc.assert(fc.asyncProperty(hostile(csv), (bytes) => settles(() => parseSpreadsheet('cases.csv', bytes))), { numRuns: RUNS });
  });
});
