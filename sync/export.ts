/**
 * Writing a bundle for one partner: the records it lacks that its policy shares, signed, compressed and
 * encrypted to its age recipient. Nothing is recorded until the file is saved (`commitExport`), so a
 * cancelled save dialog spends no sequence number.
 */
import { v7 as uuidv7 } from 'uuid';
import type { ExportSummary } from '../shared/domain/sync';
import { captureChanges } from '../db/sync/capture';
import { loadIdentity, loadSecrets } from '../db/sync/identity';
import { findPartner, lastBundle, partnerSites, recordBundle, saveStream, stream, type BundleRecord } from '../db/sync/partners';
import { selectForPartner, type Selection } from '../db/sync/select';
import type { OpenVault } from '../db/vault';
import { encryptTo } from './age';
import { encodeBody } from './body';
import { frame, sha256 } from './framing';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleHeader } from './header';

export interface PreparedExport {
  bytes: Uint8Array;
  fileName: string;
  summary: ExportSummary;
  record: BundleRecord;
  /** Roots sent whole: the partner holds them once the file is saved. */
  sentRoots: number[];
}

function select(vault: OpenVault, partnerRef: string, now: Date) {
  const { sqlite, orm } = vault;
  sqlite.transaction(() => captureChanges(sqlite, now))();
  const partner = findPartner(sqlite, partnerRef);
  const ctx = { db: orm, sqlite, now: now.toISOString() };
  const held = new Set((sqlite.prepare('SELECT rid FROM sync_sent WHERE partner_id = ?').all(partner.id) as { rid: number }[]).map((r) => r.rid));
  const selection = selectForPartner(ctx, partner.policy, partner.ack, partnerSites(sqlite, partner), held);
  return { partner, selection };
}

function summaryOf(partner: { id: string; name: string }, selection: Selection): ExportSummary {
  const attachmentBytes = [...selection.blobs.values()].reduce((sum, blob) => sum + blob.length, 0);
  return { partner: { id: partner.id, name: partner.name }, ops: selection.ops.length, records: selection.records, attachmentBytes, empty: selection.ops.length === 0 };
}

/** What the next bundle for this partner would hold, without writing it. */
export function previewExport(vault: OpenVault, partnerRef: string, now: Date): ExportSummary {
  const { partner, selection } = select(vault, partnerRef, now);
  return summaryOf(partner, selection);
}

export async function prepareExport(vault: OpenVault, partnerRef: string, now: Date): Promise<PreparedExport> {
  const { sqlite } = vault;
  const { partner, selection } = select(vault, partnerRef, now);
  const identity = loadIdentity(sqlite, vault.officeName);
  const previous = stream(sqlite, partner.id, 'out', identity.siteId);
  const lastIn = lastBundle(sqlite, partner.id, 'in');
  const body = encodeBody(selection.ops, selection.offices);
  const blobs = [...selection.blobs.values()];
  const header: BundleHeader = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    id: uuidv7(),
    createdAt: now.toISOString(),
    from: { office: identity.office, site: identity.siteId, signingKey: identity.signingKey },
    to: { office: partner.name, signingKey: partner.signingKey },
    seq: (previous?.lastSeq ?? 0) + 1,
    prev: previous?.lastHash ?? null,
    since: partner.ack,
    vector: selection.vector,
    ack: partner.received,
    lastReceived: lastIn ? { id: lastIn.id, hash: lastIn.hash } : null,
    counts: { ops: selection.ops.length, records: selection.records },
    body: { encoding: 'br', size: body.length, sha256: sha256(body) },
    blobs: [...selection.blobs.keys()].map((hash, i) => ({ sha256: hash, size: blobs[i]!.length })),
  };
  const secrets = loadSecrets(sqlite);
  let plain: Buffer;
  try {
    plain = frame(header, body, blobs, secrets.signingSecret);
  } finally {
    secrets.signingSecret.fill(0);
  }
  const bytes = await encryptTo(partner.ageRecipient, plain);
  const summary = summaryOf(partner, selection);
  return {
    bytes,
    fileName: `caseboard-bundle-${header.createdAt.slice(0, 10)}-${header.seq}.age`,
    summary,
    sentRoots: selection.sentRoots,
    record: {
      id: header.id,
      partnerId: partner.id,
      direction: 'out',
      site: identity.siteId,
      seq: header.seq,
      hash: sha256(plain),
      ops: selection.ops.length,
      bytes: bytes.length,
      at: header.createdAt,
      summary: { records: selection.records },
    },
  };
}

/** Once the file is written: the sequence is spent and the chain moves on. */
export function commitExport(vault: OpenVault, prepared: PreparedExport): void {
  const { record } = prepared;
  saveStream(vault.sqlite, record.partnerId, 'out', record.site, record.seq, record.hash);
  recordBundle(vault.sqlite, record);
  const held = vault.sqlite.prepare('INSERT OR IGNORE INTO sync_sent (partner_id, rid) VALUES (?, ?)');
  for (const rid of prepared.sentRoots) held.run(record.partnerId, rid);
}
