/**
 * SECURITY.md #13: every altered, forged, misdirected, replayed or malformed bundle is refused with its
 * own code, and the vault is byte-for-byte as it was (database file and WAL, on the same connection).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureChanges } from '../../db/sync/capture';
import { loadSecrets } from '../../db/sync/identity';
import type { OpenVault } from '../../db/vault';
import { AppError } from '../../shared/errors';
import { encryptTo, decryptWith } from '../../sync/age';
import { decodeBody, encodeBody } from '../../sync/body';
import { frame, sha256, unframe } from '../../sync/framing';
import { applyBundle, openBundle, MAX_BUNDLE_BYTES } from '../../sync/import';
import { prepareExport, commitExport } from '../../sync/export';
import type { BundleHeader } from '../../sync/header';
import { call } from '../fixtures/backend';
import { removeTempDirs } from '../fixtures/data-dir';
import { makePartners, syncOffice, vaultState, type SyncOffice } from '../fixtures/sync';
import { unlockVault } from '../../db/vault';
import { PASSPHRASE } from '../fixtures/data-dir';

let a: OpenVault;
let b: OpenVault;
let c: OpenVault;
let d: OpenVault;
let offices: SyncOffice[];
const now = () => new Date('2026-11-24T12:00:00Z');

/** The import handler's path: open and check, then apply in one transaction. */
async function importBundle(vault: OpenVault, bytes: Uint8Array) {
  const opened = await openBundle(vault, bytes);
  return vault.orm.transaction((tx) => {
    const summary = applyBundle(vault, tx, opened, now());
    captureChanges(vault.sqlite, now());
    return summary;
  });
}

async function refusal(vault: OpenVault, bytes: Uint8Array): Promise<string> {
  try {
    await importBundle(vault, bytes);
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'ACCEPTED';
}

async function exportTo(from: OpenVault, partner: string, commit = true): Promise<Uint8Array> {
  const prepared = await prepareExport(from, partner, now());
  if (commit) from.orm.transaction(() => commitExport(from, prepared));
  return prepared.bytes;
}

/** Opens a bundle meant for `to` and lets `edit` rewrite it, then signs it with `signer` and encrypts it to `to`. */
async function forge(
  to: OpenVault,
  bytes: Uint8Array,
  edit: (parts: { header: BundleHeader; body: Buffer }) => { header: BundleHeader; body: Buffer },
  signer: OpenVault = a,
): Promise<Uint8Array> {
  const plain = await decryptWith(loadSecrets(to.sqlite).ageIdentity, bytes);
  const framed = unframe(plain);
  const next = edit({ header: structuredClone(framed.header), body: framed.body });
  next.header.body = { encoding: 'br', size: next.body.length, sha256: sha256(next.body) };
  const recipient = (to.sqlite.prepare('SELECT age_recipient AS r FROM sync_self').get() as { r: string }).r;
  return encryptTo(recipient, frame(next.header, next.body, framed.blobs, loadSecrets(signer.sqlite).signingSecret));
}

beforeAll(async () => {
  const [oa, ob, oc, od] = await Promise.all(['Viasna', 'Zhodzina', 'Brest Watch', 'Stranger'].map((n) => syncOffice(n)));
  offices = [oa!, ob!, oc!, od!];
  await makePartners(oa!, ob!);
  await makePartners(oa!, oc!);
  // D knows B, but B never added D.
  await call(ob!.backend, 'sync.saveCard', {});
  await call(od!.backend, 'partners.add', { card: Buffer.from(ob!.last()).toString('utf8'), fingerprintConfirmed: true });
  await call(oa!.backend, 'cases.create', { title: 'Detention', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent', consentShare: true });
  for (const office of offices) office.backend.lockNow('user');
  const vaults = await Promise.all(offices.map((o) => unlockVault(o.dir, PASSPHRASE, { kdfTargetMs: 0 })));
  [a, b, c, d] = vaults as [OpenVault, OpenVault, OpenVault, OpenVault];
}, 120_000);

afterAll(() => {
  for (const vault of [a, b, c, d]) vault?.close();
  removeTempDirs();
});

describe('refused bundles leave the vault exactly as it was', () => {
  it('each forgery, misdirection and malformation has its own code', async () => {
    const good = await exportTo(a, 'Zhodzina', false);
    const forC = await exportTo(a, 'Brest Watch', false);
    const fromStranger = await exportTo(d, 'Zhodzina', false);
    const before = vaultState(b);
    const cases: [string, Uint8Array, string][] = [
      ['random bytes', new Uint8Array(300).fill(7), 'BUNDLE_FORMAT'],
      ['empty file', new Uint8Array(0), 'BUNDLE_FORMAT'],
      ['a bundle for another office', forC, 'BUNDLE_RECIPIENT'],
      ['another office’s bundle, opened there and re-encrypted to this one', await reencrypt(forC, c, b), 'BUNDLE_RECIPIENT'],
      ['signed by an office that is not a partner', fromStranger, 'UNKNOWN_PARTNER'],
      ['signed with another key in the partner’s name', await forge(b, good, (p) => p, d), 'BUNDLE_SIGNATURE'],
      ['header altered after signing', await alterSigned(good, (h) => ({ ...h, seq: 7 })), 'BUNDLE_SIGNATURE'],
      ['an unsupported format version', await forge(b, good, (p) => ({ ...p, header: { ...p.header, version: 2 as 1 } })), 'BUNDLE_VERSION'],
      ['an invalid operation', await forge(b, good, (p) => ({ ...p, body: rewriteOps(p.body, p.header, (op) => (op.field === 'region' ? { ...op, value: '"atlantis"' } : op)) })), 'BUNDLE_INVALID'],
      ['an operation of an unknown kind of record', await forge(b, good, (p) => ({ ...p, body: rewriteOps(p.body, p.header, (op, i) => (i === 0 ? { ...op, entity: 'invoice' } : op)) })), 'BUNDLE_INVALID'],
      ['operations beyond its own version vector', await forge(b, good, (p) => ({ ...p, header: { ...p.header, vector: {} } })), 'BUNDLE_INVALID'],
      ['a broken chain', await forge(b, good, (p) => ({ ...p, header: { ...p.header, prev: 'ab'.repeat(32) } })), 'BUNDLE_CHAIN'],
      ['built on records never received', await forge(b, good, (p) => ({ ...p, header: { ...p.header, since: { ['0'.repeat(32)]: 5 } } })), 'BUNDLE_GAP'],
      ['truncated', good.subarray(0, good.length - 10), 'BUNDLE_DAMAGED'],
      ['too large', new Uint8Array(MAX_BUNDLE_BYTES + 1), 'BUNDLE_TOO_LARGE'],
    ];
    for (const [what, bytes, code] of cases) expect(await refusal(b, bytes), what).toBe(code);
    expect(vaultState(b)).toEqual(before);
    // The genuine one still goes in, once.
    expect(await refusal(b, good)).toBe('ACCEPTED');
    const after = vaultState(b);
    expect(await refusal(b, good)).toBe('BUNDLE_REPLAY');
    expect(vaultState(b)).toEqual(after);
  });

  it('an older bundle after a newer one is a replay', async () => {
    const first = await exportTo(a, 'Brest Watch');
    const second = await exportTo(a, 'Brest Watch');
    expect(await refusal(c, second)).toBe('ACCEPTED');
    const after = vaultState(c);
    expect(await refusal(c, first)).toBe('BUNDLE_REPLAY');
    expect(vaultState(c)).toEqual(after);
  });

  it('flipping any single bit of a small bundle is refused', async () => {
    // A bundle with nothing new in it: header, signature and acknowledgements only.
    const small = await exportTo(b, 'Viasna', false);
    expect(small.length).toBeLessThan(1500);
    const before = vaultState(a);
    const codes = new Map<string, number>();
    for (let bit = 0; bit < small.length * 8; bit += 1) {
      const copy = Uint8Array.from(small);
      copy[bit >> 3]! ^= 1 << (bit & 7);
      const code = await refusal(a, copy);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    expect(codes.has('ACCEPTED')).toBe(false);
    expect(vaultState(a)).toEqual(before);
    expect(await refusal(a, small)).toBe('ACCEPTED');
    // Nearly all are caught by age's authentication; flips in a recipient stanza read as "not for us".
    expect([...codes.keys()].sort()).toEqual(['BUNDLE_DAMAGED', 'BUNDLE_FORMAT', 'BUNDLE_RECIPIENT']);
  }, 600_000);
});

async function recipientOf(vault: OpenVault): Promise<string> {
  return (vault.sqlite.prepare('SELECT age_recipient AS r FROM sync_self').get() as { r: string }).r;
}

/** What a dishonest partner could do with a bundle it received: pass it on, encrypted to someone else. */
async function reencrypt(bytes: Uint8Array, holder: OpenVault, to: OpenVault): Promise<Uint8Array> {
  return encryptTo(await recipientOf(to), await decryptWith(loadSecrets(holder.sqlite).ageIdentity, bytes));
}

/** Changes the signed header of a genuine bundle for B but keeps its original signature. */
async function alterSigned(bytes: Uint8Array, edit: (h: BundleHeader) => BundleHeader): Promise<Uint8Array> {
  const plain = await decryptWith(loadSecrets(b.sqlite).ageIdentity, bytes);
  const framed = unframe(plain);
  const header = Buffer.from(`caseboard-bundle\n${JSON.stringify(edit(framed.header))}\n`);
  const rest = plain.subarray(framed.signed.length);
  const recipient = (b.sqlite.prepare('SELECT age_recipient AS r FROM sync_self').get() as { r: string }).r;
  return encryptTo(recipient, Buffer.concat([header, rest]));
}

function rewriteOps(body: Buffer, header: BundleHeader, edit: (op: ReturnType<typeof decodeBody>['ops'][number], i: number) => ReturnType<typeof decodeBody>['ops'][number]): Buffer {
  const decoded = decodeBody(body, header.counts.ops);
  return encodeBody(decoded.ops.map(edit), decoded.offices);
}

