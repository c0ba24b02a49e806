/**
 * SECURITY.md #14: every parser of outside input survives hostile bytes — a clear AppError, never another
 * exception, never a hang, never a write. 10,000 cases per parser.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
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

  /**
   * XLSX: mutations of two small workbooks (a dozen rows), at three levels — bytes of the zip flipped, cut or
   * inserted; the XML inside an entry damaged and the zip rebuilt; entries dropped, duplicated or swapped.
   */
  it('XLSX workbooks', async () => {
    const workbooks = await Promise.all([smallWorkbook(false), smallWorkbook(true)]);
    const unpacked = workbooks.map((bytes) => Object.entries(unzipSync(bytes)));
    const snippets = ['<', '>', '"', '&amp;', '</row>', '<c r="XFD1048577" t="s"><v>99999</v></c>', '<v>', '<si><t>', '\u0000', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', ' t="e"', '<f>SUM(A1:A2)</f>'];
    const zipBytes = fc.tuple(fc.nat({ max: 1 }), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }), fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }))
      .map(([which, flips, cut]) => {
        const bytes = Buffer.from(workbooks[which]!);
        for (const [where, mask] of flips) bytes[Math.floor(where * (bytes.length - 1))]! ^= mask;
        return cut === undefined ? bytes : bytes.subarray(0, Math.floor(cut * bytes.length));
      });
    const damagedXml = fc.tuple(fc.nat({ max: 1 }), fc.nat(), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 40 }), fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 8 }))), { minLength: 1, maxLength: 4 }))
      .map(([which, entry, edits]) => {
        const files = unpacked[which]!;
        const target = entry % files.length;
        return Buffer.from(zipSync(Object.fromEntries(files.map(([name, data], i) => {
          if (i !== target) return [name, data];
          let text = new TextDecoder().decode(data);
          for (const [where, cut, insert] of edits) {
            const at = Math.floor(where * text.length);
            text = text.slice(0, at) + insert + text.slice(at + cut);
          }
          return [name, new TextEncoder().encode(text)];
        }))));
      });
    const reshaped = fc.tuple(fc.nat({ max: 1 }), fc.nat(), fc.nat(), fc.constantFrom('drop', 'duplicate', 'swap'))
      .map(([which, a, b, how]) => {
        const files = [...unpacked[which]!];
        const i = a % files.length;
        const j = b % files.length;
        if (how === 'drop') files.splice(i, 1);
        else if (how === 'duplicate') files.push([`${files[i]![0]}`.replace(/\.xml$/, '2.xml'), files[j]![1]]);
        else files[i] = [files[i]![0], files[j]![1]];
        return Buffer.from(zipSync(Object.fromEntries(files)));
      });
    const started = performance.now();
    await fc.assert(fc.asyncProperty(fc.oneof(zipBytes, damagedXml, reshaped), (bytes) => settles(() => parseSpreadsheet('cases.xlsx', bytes))), { numRuns: RUNS });
    // The figure BENCHMARKS.md quotes: what 10,000 hostile workbooks cost in CI.
    console.info(`XLSX fuzzing: ${RUNS} workbooks in ${Math.round(performance.now() - started)} ms`);
  }, 600_000);
});

async function smallWorkbook(rich: boolean): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cases');
  sheet.addRow(['Title', 'Person', 'Region', 'Priority', 'Event date']);
  for (let i = 0; i < 12; i++) {
    sheet.addRow([
      `Detention ${i}`,
      rich ? { richText: [{ text: 'Алесь ' }, { text: 'Бяляцкі', font: { bold: true } }] } : `Ігар Лосік ${i}`,
      ['grodno', 'brest', 'minsk-city'][i % 3],
      'normal',
      rich ? new Date(Date.UTC(2021, 6, i + 1)) : `2021-07-${String(i + 1).padStart(2, '0')}`,
    ]);
  }
  if (rich) sheet.getCell('E2').numFmt = 'dd.mm.yyyy';
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
