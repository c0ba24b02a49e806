/**
 * The office card: the public half of an office's identity, exchanged as a file and trusted only after
 * the two offices compare its fingerprint out of band. It is signed by its own signing key, which proves
 * the sender holds that key; it proves nothing about who the sender is — that is what the fingerprint is for.
 */
import { z } from 'zod';
import { siteIdSchema } from './ops';

export const CARD_FORMAT = 'caseboard-office-card';
export const CARD_VERSION = 1;
export const MAX_CARD_BYTES = 16 * 1024;

export const signingKeyHexSchema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be an Ed25519 public key (64 hex digits)' });
export const ageRecipientSchema = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, { message: 'must be an age X25519 recipient (age1…)' });

export const officeCardSchema = z.strictObject({
  format: z.literal(CARD_FORMAT),
  version: z.literal(CARD_VERSION),
  office: z.string().trim().min(1).max(200),
  siteId: siteIdSchema,
  signingKey: signingKeyHexSchema,
  ageRecipient: ageRecipientSchema,
  fingerprint: z.string().regex(/^\d{5}( \d{5}){5}$/),
  createdAt: z.iso.datetime(),
  /** Ed25519 over `cardSigningText` of the other fields, hex. */
  signature: z.string().regex(/^[0-9a-f]{128}$/),
});
export type OfficeCard = z.output<typeof officeCardSchema>;

/** The exact bytes a card's signature covers: every field but the signature, in a fixed order. */
export function cardSigningText(card: Omit<OfficeCard, 'signature'>): string {
  return JSON.stringify([card.format, card.version, card.office, card.siteId, card.signingKey, card.ageRecipient, card.fingerprint, card.createdAt]);
}
