/**
 * SECURITY.md #14 for sync: bundles and office cards are outside input. Under hostile bytes every parser
 * answers with an AppError and a clear code — never another exception, never a hang — and the vault is
 * byte-for-byte unchanged. 10,000 cases per parser.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSecrets } from '../../db/sync/identity';
import { unlockVault, type OpenVault } from '../../db/vault';
import { AppError, isErrorCode } from '../../shared/errors';
import { parseCard } from '../../sync/card';
import { decryptWith } from '../../sync/age';
import { decodeBody } from '../../sync/body';
import { unframe, verifyFramed } from '../../sync/framing';
import { openBundle, validateOps } from '../../sync/import';
import { prepareExport } from '../../sync/export';
import { call } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs } from '../fixtures/data-dir';
import { makePartners, syncOffice, vaultState } from '../fixtures/sync';

const RUNS = 10_000;
let a: OpenVault;
let b: OpenVault;
let bundle: Uint8Array;
let plain: Buffer;
let card: Buffer;

/** Random bytes, and a valid input with bytes flipped, cut, inserted or spliced in. */
function hostile(valid: Uint8Array) {
  const buffer = Buffer.from(valid);
  return fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
    fc.tuple(fc.nat({ max: buffer.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([at, mask]) => {
      const copy = Buffer.from(buffer);
      copy[at]! ^= mask;
      return copy;
    }),
    fc.nat({ max: buffer.length }).map((at) => buffer.subarray(0, at)),
    fc.tuple(fc.nat({ max: buffer.length }), fc.uint8Array({ minLength: 1, maxLength: 32 })).map(([at, extra]) => Buffer.concat([buffer.subarray(0, at), Buffer.from(extra), buffer.subarray(at)])),
    fc.tuple(fc.nat({ max: buffer.length }), fc.nat({ max: buffer.length })).map(([from, to]) => Buffer.concat([buffer.subarray(0, Math.min(from, to)), buffer.subarray(Math.max(from, to))])),
  );
}

async function settles(run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(isErrorCode(error.code)).toBe(true);
    expect(error.message.length).toBeGreaterThan(0);
  }
}

beforeAll(async () => {
  const oa = await syncOffice('Viasna');
  const ob = await syncOffice('Zhodzina');
  await makePartners(oa, ob);
  await call(oa.backend, 'cases.createMany', {
    cases: [
      { title: 'Detention', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent', consentShare: true, violations: ['detention'], tags: ['vigil'] },
      { title: 'Search', personName: 'Ігар Лосік', region: 'brest', priority: 'low', consentShare: true, articles: ['342'] },
    ],
  });
  await call(ob.backend, 'sync.saveCard', {});
  card = Buffer.from(ob.last());
  oa.backend.lockNow('user');
  ob.backend.lockNow('user');
  a = await unlockVault(oa.dir, PASSPHRASE, { kdfTargetMs: 0 });
  b = await unlockVault(ob.dir, PASSPHRASE, { kdfTargetMs: 0 });
  bundle = (await prepareExport(a, 'Zhodzina', new Date())).bytes;
  plain = await decryptWith(loadSecrets(b.sqlite).ageIdentity, bundle);
}, 120_000);

afterAll(() => {
  a?.close();
  b?.close();
  removeTempDirs();
});

describe('sync parsers under hostile bytes', () => {
  it('whole bundles: decrypt, unframe, verify, decode, validate — nothing written', async () => {
    const before = vaultState(b);
    await fc.assert(fc.asyncProperty(hostile(bundle), (bytes) => settles(() => openBundle(b, bytes))), { numRuns: RUNS, timeout: 5000 });
    expect(vaultState(b)).toEqual(before);
  }, 600_000);

  it('the signed plaintext inside the encryption', async () => {
    const key = (a.sqlite.prepare('SELECT signing_key AS k FROM sync_self').get() as { k: string }).k;
    await fc.assert(fc.asyncProperty(hostile(plain), (bytes) => settles(() => verifyFramed(unframe(bytes), key))), { numRuns: RUNS, timeout: 5000 });
  });

  it('bundle bodies, compressed and as JSON', async () => {
    const framed = unframe(plain);
    const json = brotliDecompressSync(framed.body);
    const count = framed.header.counts.ops;
    const compress = (text: Buffer | string) => brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 2 } });
    const parsed = JSON.parse(json.toString('utf8')) as Record<string, unknown[]>;
    // Well-formed JSON with one part, or one entry of a part, replaced by anything.
    const structural = fc.tuple(fc.constantFrom(...Object.keys(parsed)), fc.nat(), fc.jsonValue(), fc.boolean()).map(([part, index, value, whole]) => {
      const copy = structuredClone(parsed) as Record<string, unknown>;
      const list = copy[part] as unknown[];
      if (whole || list.length === 0) copy[part] = value;
      else list[index % list.length] = value;
      return compress(JSON.stringify(copy));
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostile(framed.body), hostile(json).map(compress), structural), fc.oneof(fc.constant(count), fc.nat({ max: 2 * count })), (body, ops) =>
        settles(() => decodeBody(body, ops)),
      ),
      { numRuns: RUNS, timeout: 5000 },
    );
  });

  it('decoded operations against what this vault keeps', async () => {
    const framed = unframe(plain);
    const { ops } = decodeBody(framed.body, framed.header.counts.ops);
    const text = fc.oneof(fc.string(), fc.constantFrom('case', 'person', 'casePerson', '$', 'title', 'region', 'consentShare', '[]', '["a","b"]'));
    const mutation = fc.tuple(fc.nat({ max: ops.length - 1 }), fc.constantFrom('entity', 'row', 'field', 'value', 'site', 'counter'), text, fc.jsonValue(), fc.integer());
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), (changes) => {
        const copy = ops.map((op) => ({ ...op }));
        for (const [index, what, str, json, n] of changes) {
          const op = copy[index]!;
          if (what === 'value') op.value = JSON.stringify(json) ?? 'null';
          else if (what === 'counter') op.counter = n;
          else if (what === 'site') op.site = str;
          else op[what] = str;
        }
        return settles(() => validateOps(b.sqlite, copy, framed.header));
      }),
      { numRuns: RUNS },
    );
  });

  it('office cards', async () => {
    await fc.assert(fc.asyncProperty(hostile(card), (bytes) => settles(() => parseCard(bytes))), { numRuns: RUNS, timeout: 5000 });
    // JSON that parses but says the wrong things.
    const valid = JSON.parse(card.toString('utf8')) as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(valid)), fc.jsonValue(), (field, value) => settles(() => parseCard(Buffer.from(JSON.stringify({ ...valid, [field]: value }))))),
      { numRuns: RUNS },
    );
  });
});
