/**
 * This office's sync identity: a site id, an Ed25519 signing key and an age X25519 identity, created once
 * and kept inside the encrypted vault. A vault restored from a backup writes as a new site, so two copies
 * of one vault never hand out the same operation ids.
 */
import { randomBytes } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { officeFingerprint } from '../../shared/sync/fingerprint';
import { AppError } from '../../shared/errors';
import type { Sqlite } from '../connection';
import { syncStore } from './store';

export interface SyncIdentity {
  siteId: string;
  office: string;
  signingKey: string;
  ageRecipient: string;
  fingerprint: string;
}

export interface SyncSecrets {
  signingSecret: Uint8Array;
  ageIdentity: string;
}

const newSiteId = () => randomBytes(16).toString('hex');

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Creates the identity if the vault has none yet (a new vault, or one from before sync). */
export async function ensureSyncIdentity(sqlite: Sqlite, office: string, now: Date): Promise<void> {
  if (sqlite.prepare('SELECT 1 FROM sync_self WHERE id = 1').get()) return;
  const signingSecret = ed25519.utils.randomSecretKey();
  const ageIdentity = await generateX25519Identity();
  const ageRecipient = await identityToRecipient(ageIdentity);
  syncStore(sqlite).forgetSites();
  sqlite.transaction(() => {
    const siteRef = syncStore(sqlite).ensureSite(newSiteId(), office);
    sqlite
      .prepare('INSERT INTO sync_self (id, signing_secret, signing_key, age_identity, age_recipient, site_ref, counter, hlc, created_at) VALUES (1, ?, ?, ?, ?, ?, 0, 0, ?)')
      .run(hex(signingSecret), hex(ed25519.getPublicKey(signingSecret)), ageIdentity, ageRecipient, siteRef, now.toISOString());
  })();
  signingSecret.fill(0);
}

/** From now on this vault writes as a new site (after a restore); earlier operations keep their site. */
export function rotateSite(sqlite: Sqlite, office: string): string {
  const siteId = newSiteId();
  syncStore(sqlite).forgetSites();
  sqlite.transaction(() => {
    const siteRef = syncStore(sqlite).ensureSite(siteId, office);
    sqlite.prepare('UPDATE sync_self SET site_ref = ?, counter = 0 WHERE id = 1').run(siteRef);
  })();
  return siteId;
}

interface SelfRow {
  signingSecret: string;
  signingKey: string;
  ageIdentity: string;
  ageRecipient: string;
  site: string;
}

function selfRow(sqlite: Sqlite): SelfRow {
  const row = sqlite
    .prepare(
      'SELECT s.signing_secret AS signingSecret, s.signing_key AS signingKey, s.age_identity AS ageIdentity, s.age_recipient AS ageRecipient, t.site AS site FROM sync_self s JOIN sync_sites t ON t.id = s.site_ref WHERE s.id = 1',
    )
    .get() as SelfRow | undefined;
  if (!row) throw new AppError('VAULT_DAMAGED', 'This vault has no sync identity.');
  return row;
}

export function loadIdentity(sqlite: Sqlite, office: string): SyncIdentity {
  const row = selfRow(sqlite);
  return { siteId: row.site, office, signingKey: row.signingKey, ageRecipient: row.ageRecipient, fingerprint: officeFingerprint(row.signingKey, row.ageRecipient) };
}

/** The private keys, read for the one operation that needs them. */
export function loadSecrets(sqlite: Sqlite): SyncSecrets {
  const row = selfRow(sqlite);
  return { signingSecret: Uint8Array.from(Buffer.from(row.signingSecret, 'hex')), ageIdentity: row.ageIdentity };
}
