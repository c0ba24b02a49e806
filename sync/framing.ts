/**
 * The bytes inside the age encryption (format documented in docs/adr/010-bundle-format.md):
 *
 *   caseboard-bundle\n
 *   <header JSON, one line>\n
 *   <Ed25519 signature of the two lines above, 128 hex digits>\n
 *   <body: header.body.size bytes>
 *   <files: header.blobs[i].size bytes each, in order>
 */
import { createHash } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { AppError } from '../shared/errors';
import { BUNDLE_FORMAT, BUNDLE_VERSION, headerSchema, versionProbe, type BundleHeader } from './header';

const MAGIC = Buffer.from(`${BUNDLE_FORMAT}\n`);
const MAX_HEADER_BYTES = 16 * 1024 * 1024;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface Framed {
  header: BundleHeader;
  /** The exact signed bytes: the magic line and the header line. */
  signed: Buffer;
  signature: Uint8Array;
  body: Buffer;
  blobs: Buffer[];
}

export function frame(header: BundleHeader, body: Buffer, blobs: readonly Buffer[], signingSecret: Uint8Array): Buffer {
  const signed = Buffer.concat([MAGIC, Buffer.from(JSON.stringify(header)), Buffer.from('\n')]);
  const signature = Buffer.from(ed25519.sign(signed, signingSecret)).toString('hex');
  return Buffer.concat([signed, Buffer.from(`${signature}\n`), body, ...blobs]);
}

const malformed = (what: string): never => {
  throw new AppError('BUNDLE_FORMAT', `This is not a Caseboard bundle: ${what}.`);
};

/** Splits the plaintext and checks its shape; checks no signature yet (the signer is not known until now). */
export function unframe(plain: Buffer): Framed {
  if (!plain.subarray(0, MAGIC.length).equals(MAGIC)) malformed('it does not start as one');
  const headerEnd = plain.indexOf(0x0a, MAGIC.length);
  if (headerEnd < 0 || headerEnd - MAGIC.length > MAX_HEADER_BYTES) malformed('its header never ends');
  let raw: unknown;
  try {
    raw = JSON.parse(plain.subarray(MAGIC.length, headerEnd).toString('utf8'));
  } catch {
    return malformed('its header is not JSON');
  }
  const probe = versionProbe.safeParse(raw);
  if (!probe.success || probe.data.format !== BUNDLE_FORMAT) malformed('its header names another format');
  if (probe.data!.version !== BUNDLE_VERSION) {
    throw new AppError('BUNDLE_VERSION', `This bundle has format version ${String(probe.data!.version).slice(0, 20)}; this Caseboard reads version ${BUNDLE_VERSION}. Update Caseboard to import it.`);
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return malformed(`its header is invalid (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown'})`);
  }
  const header = parsed.data;
  const signatureEnd = headerEnd + 1 + 128;
  if (plain.length < signatureEnd + 1 || plain[signatureEnd] !== 0x0a) malformed('its signature line is missing');
  const signatureHex = plain.subarray(headerEnd + 1, signatureEnd).toString('latin1');
  if (!/^[0-9a-f]{128}$/.test(signatureHex)) malformed('its signature is not hex');
  let offset = signatureEnd + 1;
  const take = (size: number, what: string) => {
    const part = plain.subarray(offset, offset + size);
    if (part.length !== size) throw new AppError('BUNDLE_DAMAGED', `The bundle is truncated: ${what} is incomplete.`);
    offset += size;
    return part;
  };
  const body = take(header.body.size, 'its body');
  const blobs = header.blobs.map((blob, i) => take(blob.size, `file ${i + 1}`));
  if (offset !== plain.length) malformed('it has bytes after its last part');
  return { header, signed: plain.subarray(0, headerEnd + 1), signature: Buffer.from(signatureHex, 'hex'), body, blobs };
}

/** The signature covers the header, and the header the hash of every other part. */
export function verifyFramed(framed: Framed, signingKeyHex: string): void {
  let valid = false;
  try {
    valid = ed25519.verify(framed.signature, framed.signed, Buffer.from(signingKeyHex, 'hex'));
  } catch {
    valid = false;
  }
  if (!valid) throw new AppError('BUNDLE_SIGNATURE', 'The bundle signature does not match the partner’s signing key: it was altered or forged.');
  if (sha256(framed.body) !== framed.header.body.sha256) throw new AppError('BUNDLE_SIGNATURE', 'The bundle body differs from what its sender signed.');
  framed.blobs.forEach((blob, i) => {
    if (sha256(blob) !== framed.header.blobs[i]!.sha256) throw new AppError('BUNDLE_SIGNATURE', `File ${i + 1} of the bundle differs from what its sender signed.`);
  });
}
