/** The partner directory and the bookkeeping of bundles exchanged with each partner. */
import { AppError } from '../../shared/errors';
import type { VersionVector } from '../../shared/sync/ops';
import { defaultPolicy, sharingPolicySchema, type SharingPolicy } from '../../shared/sync/policy';
import type { ExchangeInfo } from '../../shared/domain/sync';
import type { Sqlite } from '../connection';

export interface PartnerRow {
  id: string;
  name: string;
  signingKey: string;
  ageRecipient: string;
  fingerprint: string;
  cardSite: string | null;
  policy: SharingPolicy;
  ack: VersionVector;
  received: VersionVector;
  addedAt: string;
  policyChangedAt: string;
}

interface RawPartner extends Omit<PartnerRow, 'policy' | 'ack' | 'received'> {
  policy: string;
  ack: string;
  received: string;
}

const COLUMNS = 'id, name, signing_key AS signingKey, age_recipient AS ageRecipient, fingerprint, card_site AS cardSite, policy, ack, received, added_at AS addedAt, policy_changed_at AS policyChangedAt';

function toRow(raw: RawPartner): PartnerRow {
  const policy = sharingPolicySchema.safeParse(JSON.parse(raw.policy));
  return { ...raw, policy: policy.success ? policy.data : defaultPolicy, ack: JSON.parse(raw.ack) as VersionVector, received: JSON.parse(raw.received) as VersionVector };
}

export function listPartners(sqlite: Sqlite): PartnerRow[] {
  return (sqlite.prepare(`SELECT ${COLUMNS} FROM sync_partners ORDER BY name COLLATE NOCASE`).all() as RawPartner[]).map(toRow);
}

/** By id, or by name (case-insensitive), as the CLI's `--to NAME` names one. */
export function findPartner(sqlite: Sqlite, ref: string): PartnerRow {
  const raw = (sqlite.prepare(`SELECT ${COLUMNS} FROM sync_partners WHERE id = ?`).get(ref) ??
    sqlite.prepare(`SELECT ${COLUMNS} FROM sync_partners WHERE name = ? COLLATE NOCASE`).get(ref)) as RawPartner | undefined;
  if (!raw) throw new AppError('UNKNOWN_PARTNER', `There is no partner called ${ref.slice(0, 80)}.`);
  return toRow(raw);
}

export function partnerByKey(sqlite: Sqlite, signingKey: string): PartnerRow | null {
  const raw = sqlite.prepare(`SELECT ${COLUMNS} FROM sync_partners WHERE signing_key = ?`).get(signingKey) as RawPartner | undefined;
  return raw ? toRow(raw) : null;
}

export function insertPartner(sqlite: Sqlite, row: Omit<PartnerRow, 'ack' | 'received' | 'policyChangedAt'>): void {
  if (partnerByKey(sqlite, row.signingKey)) throw new AppError('PARTNER_EXISTS', 'This partner is in the directory already (same signing key).');
  if (sqlite.prepare('SELECT 1 FROM sync_partners WHERE name = ? COLLATE NOCASE').get(row.name)) {
    throw new AppError('PARTNER_EXISTS', `There is a partner called ${row.name} already: give this one another name.`);
  }
  sqlite
    .prepare('INSERT INTO sync_partners (id, name, signing_key, age_recipient, fingerprint, card_site, policy, ack, received, added_at, policy_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(row.id, row.name, row.signingKey, row.ageRecipient, row.fingerprint, row.cardSite, JSON.stringify(row.policy), '{}', '{}', row.addedAt, row.addedAt);
}

/**
 * A new policy starts the partner over from nothing: the next bundle carries everything the new policy
 * shares (what it already holds is skipped on arrival), so records a wider policy now covers arrive whole.
 */
export function setPolicy(sqlite: Sqlite, id: string, policy: SharingPolicy, at: string): void {
  sqlite.prepare("UPDATE sync_partners SET policy = ?, ack = '{}', policy_changed_at = ? WHERE id = ?").run(JSON.stringify(policy), at, id);
}

/** Forgets a partner: its bundles are refused from now on; what it sent stays, as do the records of exchanges. */
export function removePartner(sqlite: Sqlite, id: string): void {
  sqlite.prepare('DELETE FROM sync_streams WHERE partner_id = ?').run(id);
  sqlite.prepare('DELETE FROM sync_partners WHERE id = ?').run(id);
}

export function saveVectors(sqlite: Sqlite, id: string, vectors: { ack?: VersionVector; received?: VersionVector }): void {
  if (vectors.ack) sqlite.prepare('UPDATE sync_partners SET ack = ? WHERE id = ?').run(JSON.stringify(vectors.ack), id);
  if (vectors.received) sqlite.prepare('UPDATE sync_partners SET received = ? WHERE id = ?').run(JSON.stringify(vectors.received), id);
}

/** The sites a partner writes as: on its card and in every bundle it sent. */
export function partnerSites(sqlite: Sqlite, partner: PartnerRow): Set<string> {
  const rows = sqlite.prepare("SELECT site FROM sync_streams WHERE partner_id = ? AND direction = 'in'").all(partner.id) as { site: string }[];
  return new Set([...(partner.cardSite ? [partner.cardSite] : []), ...rows.map((r) => r.site)]);
}

export interface StreamRow {
  lastSeq: number;
  lastHash: string;
}

export function stream(sqlite: Sqlite, partnerId: string, direction: 'in' | 'out', site: string): StreamRow | null {
  return (sqlite.prepare('SELECT last_seq AS lastSeq, last_hash AS lastHash FROM sync_streams WHERE partner_id = ? AND direction = ? AND site = ?').get(partnerId, direction, site) as StreamRow | undefined) ?? null;
}

export function saveStream(sqlite: Sqlite, partnerId: string, direction: 'in' | 'out', site: string, seq: number, hash: string): void {
  sqlite
    .prepare('INSERT INTO sync_streams (partner_id, direction, site, last_seq, last_hash) VALUES (?, ?, ?, ?, ?) ON CONFLICT (partner_id, direction, site) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash')
    .run(partnerId, direction, site, seq, hash);
}

export interface BundleRecord {
  id: string;
  partnerId: string;
  direction: 'in' | 'out';
  site: string;
  seq: number;
  hash: string;
  ops: number;
  bytes: number;
  at: string;
  summary: unknown;
}

export function recordBundle(sqlite: Sqlite, bundle: BundleRecord): void {
  sqlite
    .prepare('INSERT INTO sync_bundles (id, partner_id, direction, site, seq, hash, ops, bytes, at, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(bundle.id, bundle.partnerId, bundle.direction, bundle.site, bundle.seq, bundle.hash, bundle.ops, bundle.bytes, bundle.at, JSON.stringify(bundle.summary));
}

export function bundleKnown(sqlite: Sqlite, id: string, direction: 'in' | 'out'): { hash: string } | null {
  return (sqlite.prepare('SELECT hash FROM sync_bundles WHERE id = ? AND direction = ?').get(id, direction) as { hash: string } | undefined) ?? null;
}

export function lastBundle(sqlite: Sqlite, partnerId: string, direction: 'in' | 'out'): (BundleRecord & { records: Record<string, number> }) | null {
  const row = sqlite
    .prepare('SELECT id, partner_id AS partnerId, direction, site, seq, hash, ops, bytes, at, summary FROM sync_bundles WHERE partner_id = ? AND direction = ? ORDER BY at DESC, rowid DESC LIMIT 1')
    .get(partnerId, direction) as (Omit<BundleRecord, 'summary'> & { summary: string }) | undefined;
  if (!row) return null;
  const summary = JSON.parse(row.summary) as { records?: Record<string, number> };
  return { ...row, summary, records: summary.records ?? {} };
}

export function exchangeInfo(sqlite: Sqlite, partnerId: string, direction: 'in' | 'out'): ExchangeInfo | null {
  const last = lastBundle(sqlite, partnerId, direction);
  return last ? { at: last.at, bundleId: last.id, ops: last.ops, records: last.records } : null;
}
