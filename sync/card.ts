/** Office cards: writing ours, reading a partner's (outside input: every failure is a clear code). */
import { ed25519 } from '@noble/curves/ed25519.js';
import { Encrypter } from 'age-encryption';
import { AppError } from '../shared/errors';
import { officeFingerprint } from '../shared/sync/fingerprint';
import { CARD_FORMAT, CARD_VERSION, cardSigningText, MAX_CARD_BYTES, officeCardSchema, type OfficeCard } from '../shared/sync/card';
import type { SyncIdentity } from '../db/sync/identity';

export function makeCard(identity: SyncIdentity, signingSecret: Uint8Array, now: Date): string {
  const unsigned = {
    format: CARD_FORMAT,
    version: CARD_VERSION,
    office: identity.office,
    siteId: identity.siteId,
    signingKey: identity.signingKey,
    ageRecipient: identity.ageRecipient,
    fingerprint: identity.fingerprint,
    createdAt: now.toISOString(),
  } as const;
  const signature = Buffer.from(ed25519.sign(new TextEncoder().encode(cardSigningText(unsigned)), signingSecret)).toString('hex');
  return `${JSON.stringify({ ...unsigned, signature } satisfies OfficeCard, null, 2)}\n`;
}

/** An age X25519 recipient that age itself accepts. */
export function checkAgeRecipient(recipient: string, code: 'CARD_FORMAT' | 'VALIDATION'): void {
  try {
    if (!/^age1[02-9ac-hj-np-z]{58}$/.test(recipient)) throw new Error('not an X25519 recipient');
    new Encrypter().addRecipient(recipient);
  } catch {
    throw new AppError(code, 'ageRecipient: must be an age X25519 recipient (age1… , 62 characters)');
  }
}

/**
 * A signing key as standard tools write one: 64 hex digits, base64 of the 32 bytes, or an OpenSSH
 * `ssh-ed25519 AAAA…` public key line. Returns lowercase hex of a key usable for verification.
 */
export function parseSigningKey(text: string, code: 'CARD_FORMAT' | 'VALIDATION' = 'VALIDATION'): string {
  const fail = (): never => {
    throw new AppError(code, 'signingKey: must be an Ed25519 public key (64 hex digits, base64, or an ssh-ed25519 line)');
  };
  const value = text.trim();
  let bytes: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(value)) bytes = Buffer.from(value, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  else {
    const ssh = /^ssh-ed25519\s+([A-Za-z0-9+/]+={0,2})(\s.*)?$/.exec(value);
    if (ssh) {
      const blob = Buffer.from(ssh[1]!, 'base64');
      // The OpenSSH wire format: string "ssh-ed25519", then string of the 32 key bytes.
      const typeLength = blob.length >= 4 ? blob.readUInt32BE(0) : -1;
      const type = typeLength === 11 ? blob.subarray(4, 15).toString('latin1') : '';
      if (type === 'ssh-ed25519' && blob.length === 51 && blob.readUInt32BE(15) === 32) bytes = blob.subarray(19, 51);
    }
  }
  if (!bytes || bytes.length !== 32) return fail();
  try {
    if (ed25519.Point.fromBytes(bytes).isSmallOrder()) fail();
  } catch (error) {
    if (error instanceof AppError) throw error;
    fail();
  }
  return bytes.toString('hex');
}

export function parseCard(bytes: Uint8Array): OfficeCard {
  if (bytes.length > MAX_CARD_BYTES) throw new AppError('CARD_FORMAT', 'This file is too large to be an office card.');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new AppError('CARD_FORMAT', 'This file is not an office card (not UTF-8 JSON).');
  }
  const parsed = officeCardSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('CARD_FORMAT', `This file is not a valid office card (${issue ? `${issue.path.join('.') || 'card'}: ${issue.message}` : 'invalid'}).`);
  }
  const card = parsed.data;
  parseSigningKey(card.signingKey, 'CARD_FORMAT');
  checkAgeRecipient(card.ageRecipient, 'CARD_FORMAT');
  if (officeFingerprint(card.signingKey, card.ageRecipient) !== card.fingerprint) {
    throw new AppError('CARD_SIGNATURE', 'The fingerprint written on this card does not belong to its keys: the card was altered.');
  }
  const { signature, ...unsigned } = card;
  let valid = false;
  try {
    valid = ed25519.verify(Buffer.from(signature, 'hex'), new TextEncoder().encode(cardSigningText(unsigned)), Buffer.from(card.signingKey, 'hex'));
  } catch {
    valid = false;
  }
  if (!valid) throw new AppError('CARD_SIGNATURE', 'The card is not signed by its own signing key: it was altered.');
  return card;
}
