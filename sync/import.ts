/**
 * Importing a bundle. `openBundle` does every check that needs no write — decrypt, verify the signature
 * against the trusted partner's key, recipient, replay, chain, gap, and every operation against the
 * registry — so a bundle that fails any of them is refused before the database is touched.
 * `applyBundle` then applies it in the caller's one transaction, with the acknowledgement.
 */
import { AppError } from '../shared/errors';
import { receiveHlc, SKEW_REPORT_MS } from '../shared/sync/hlc';
import { EXISTS_FIELD, mergeVectors, vectorWithin, type SyncOp } from '../shared/sync/ops';
import type { ImportSummary, ImportWarning } from '../shared/domain/sync';
import { applyOps } from '../db/sync/apply';
import { listConflicts } from '../db/sync/conflicts';
import { registry } from '../db/sync/entities';
import { loadIdentity, loadSecrets } from '../db/sync/identity';
import { bundleKnown, partnerByKey, recordBundle, saveStream, saveVectors, stream, type PartnerRow } from '../db/sync/partners';
import { keyParts } from '../db/sync/registry';
import { syncStore } from '../db/sync/store';
import type { Sqlite } from '../db/connection';
import type { OpenVault } from '../db/vault';
import type { Db } from '../db/repositories/changes';
import { decryptWith } from './age';
import { decodeBody } from './body';
import { sha256, unframe, verifyFramed } from './framing';
import type { BundleHeader } from './header';

export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

export interface OpenedBundle {
  header: BundleHeader;
  partner: PartnerRow;
  ops: SyncOp[];
  offices: Record<string, string>;
  blobs: Map<string, Buffer>;
  hash: string;
  bytes: number;
  warnings: ImportWarning[];
}

const invalid = (index: number, op: SyncOp, why: string): never => {
  throw new AppError('BUNDLE_INVALID', `Operation ${index + 1} (${op.entity.slice(0, 40)} ${op.field.slice(0, 40)}) is invalid: ${why}.`);
};

/** Every operation names a known record and field and carries a value that field accepts. */
export function validateOps(sqlite: Sqlite, ops: readonly SyncOp[], header: BundleHeader): void {
  const store = syncStore(sqlite);
  const self = store.self()!;
  const ownSite = store.siteId(self.siteRef);
  const schemas = new Map(registry.entities.map((e) => [e.name, new Map(e.fields.map((f) => [f.name, f.schema]))]));
  ops.forEach((op, i) => {
    const entity = registry.get(op.entity);
    if (!entity) invalid(i, op, `this Caseboard keeps no "${op.entity.slice(0, 40)}" records (is the partner's Caseboard newer?)`);
    const parts = keyParts(entity!, op.row);
    if (!parts || !parts.every((part, k) => entity!.key[k]!.schema.safeParse(part).success)) invalid(i, op, 'its record key is malformed');
    if (op.counter > (header.vector[op.site] ?? 0)) invalid(i, op, 'it lies beyond the version vector of its bundle');
    if (op.site === ownSite && op.counter > self.counter) invalid(i, op, 'it claims to have been written by this office');
    if (op.field === EXISTS_FIELD) {
      if (op.value !== undefined && op.value !== 'true' && op.value !== 'false') invalid(i, op, 'existence must be true or false');
      return;
    }
    const schema = schemas.get(op.entity)!.get(op.field);
    if (!schema) invalid(i, op, 'the record has no such field');
    if (op.value !== undefined && !schema!.safeParse(JSON.parse(op.value)).success) invalid(i, op, 'the value is not one this field accepts');
  });
}

export async function openBundle(vault: OpenVault, file: Uint8Array): Promise<OpenedBundle> {
  const { sqlite } = vault;
  if (file.length > MAX_BUNDLE_BYTES) throw new AppError('BUNDLE_TOO_LARGE', 'This file is larger than a bundle may be (256 MiB).');
  const secrets = loadSecrets(sqlite);
  secrets.signingSecret.fill(0);
  const plain = await decryptWith(secrets.ageIdentity, file);
  const framed = unframe(plain);
  const { header } = framed;
  const partner = partnerByKey(sqlite, header.from.signingKey);
  if (!partner) throw new AppError('UNKNOWN_PARTNER', `This bundle is signed by an office that is not a trusted partner (${header.from.office.slice(0, 80)}): add its card first.`);
  verifyFramed(framed, partner.signingKey);
  const identity = loadIdentity(sqlite, vault.officeName);
  if (header.to.signingKey !== identity.signingKey) throw new AppError('BUNDLE_RECIPIENT', `This bundle was made for another office (${header.to.office.slice(0, 80)}), not this one.`);
  if (bundleKnown(sqlite, header.id, 'in')) throw new AppError('BUNDLE_REPLAY', 'This bundle was imported already; importing it again changes nothing.');
  const previous = stream(sqlite, partner.id, 'in', header.from.site);
  const lastSeq = previous?.lastSeq ?? 0;
  if (header.seq <= lastSeq) throw new AppError('BUNDLE_REPLAY', `This is bundle ${header.seq} from ${partner.name}, and bundle ${lastSeq} was imported already: it is an old one.`);
  const warnings: ImportWarning[] = [];
  if (header.seq === lastSeq + 1) {
    if (header.prev !== (previous?.lastHash ?? null)) throw new AppError('BUNDLE_CHAIN', `This bundle does not follow the last one imported from ${partner.name}: it belongs to another history.`);
  } else {
    warnings.push({ code: 'missedBundles', count: header.seq - lastSeq - 1 });
  }
  if (!vectorWithin(header.since, partner.received)) {
    throw new AppError('BUNDLE_GAP', `This bundle builds on records from ${partner.name} that were never imported here: ask them for a new bundle.`);
  }
  const { ops, offices } = decodeBody(framed.body, header.counts.ops);
  validateOps(sqlite, ops, header);
  if (header.lastReceived && bundleKnown(sqlite, header.lastReceived.id, 'out')?.hash !== header.lastReceived.hash) {
    warnings.push({ code: 'unknownBundleReported' });
  }
  const blobs = new Map(framed.blobs.map((blob, i) => [header.blobs[i]!.sha256, blob]));
  return { header, partner, ops, offices: { ...offices, [header.from.site]: header.from.office }, blobs, hash: sha256(plain), bytes: file.length, warnings };
}

/** Applies an opened bundle; runs inside the caller's transaction. */
export function applyBundle(vault: OpenVault, db: Db, opened: OpenedBundle, now: Date): ImportSummary {
  const { sqlite } = vault;
  const { header, partner } = opened;
  const ctx = { db, sqlite, now: now.toISOString() };
  const report = applyOps(ctx, opened.ops, opened.blobs, opened.offices);
  const store = syncStore(sqlite);
  const self = store.self()!;
  const newest = Math.max(0, ...opened.ops.map((op) => op.hlc));
  const clock = receiveHlc(self.hlc, newest, now.getTime());
  store.saveSelf(self.counter, clock.hlc);
  const warnings = [...opened.warnings];
  const ahead = Math.max(clock.skewMs, Date.parse(header.createdAt) - now.getTime());
  if (ahead > SKEW_REPORT_MS) warnings.push({ code: 'clockAhead', days: Math.round(ahead / 86_400_000) });
  if (report.pending > 0) warnings.push({ code: 'waiting', records: report.pending });
  saveVectors(sqlite, partner.id, { received: mergeVectors(partner.received, header.vector), ack: header.ack });
  saveStream(sqlite, partner.id, 'in', header.from.site, header.seq, opened.hash);
  const flagged = new Set(report.conflicts.map((c) => JSON.stringify([c.entity, c.key, c.field])));
  const conflicts = flagged.size === 0 ? [] : listConflicts(ctx).filter((c) => flagged.has(c.id));
  const summary: ImportSummary = {
    bundleId: header.id,
    partner: { id: partner.id, name: partner.name },
    ops: report.received,
    applied: report.applied,
    records: report.rows,
    conflicts,
    warnings,
  };
  recordBundle(sqlite, {
    id: header.id,
    partnerId: partner.id,
    direction: 'in',
    site: header.from.site,
    seq: header.seq,
    hash: opened.hash,
    ops: report.received,
    bytes: opened.bytes,
    at: now.toISOString(),
    summary: { records: Object.fromEntries(Object.entries(report.rows).map(([e, c]) => [e, c.created + c.updated + c.deleted])), applied: report.applied },
  });
  return summary;
}
