/**
 * Appending to and verifying the hash-chained audit log. The first entry chains to a genesis hash derived
 * from the vault id, so a log cannot be moved between vaults unnoticed.
 */
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gt, gte, like, lte } from 'drizzle-orm';
import { auditLog, changes, office, settings } from './schema';
import type { Db } from './repositories/changes';

export interface AuditSubject {
  entity: string;
  ids: string[];
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  seq: number;
  at: string;
  staffId: string | null;
  method: string;
  entity: string;
  ids: string[];
  beforeHash: string;
  afterHash: string;
}

export type AuditVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function genesisHash(vaultId: string): string {
  return sha256(`caseboard-audit-genesis|${vaultId}`);
}

/**
 * The exact text an entry's hash is taken over (UTF-8, no trailing newline): a JSON array of its fields,
 * `ids` as the JSON text stored. Evidence packages ship these lines so that anyone can recompute the chain.
 */
export function canonicalAuditLine(e: Omit<AuditEntry, 'ids'> & { ids: string; prevHash: string }): string {
  return JSON.stringify([e.seq, e.at, e.staffId, e.method, e.entity, e.ids, e.beforeHash, e.afterHash, e.prevHash]);
}

function entryHash(e: Omit<AuditEntry, 'ids'> & { ids: string; prevHash: string }): string {
  return sha256(canonicalAuditLine(e));
}

function vaultIdOf(db: Db): string {
  return db.select({ id: office.id }).from(office).get()?.id ?? '';
}

/** The id of the newest change row, to find the changes a write is about to make. */
export function changeMark(db: Db): string {
  return db.select({ id: changes.id }).from(changes).orderBy(desc(changes.id)).limit(1).get()?.id ?? '';
}

/** What the field-level history recorded since `mark`: the write's subject, for its audit entry. */
export function subjectFromChanges(db: Db, mark: string): AuditSubject | null {
  const rows = db.select().from(changes).where(gt(changes.id, mark)).orderBy(asc(changes.id)).all();
  if (rows.length === 0) return null;
  return {
    entity: [...new Set(rows.map((r) => r.entity))].join(','),
    ids: [...new Set(rows.map((r) => r.rowId))],
    before: rows.map((r) => [r.entity, r.rowId, r.field, r.before]),
    after: rows.map((r) => [r.entity, r.rowId, r.field, r.after]),
  };
}

export function appendAudit(db: Db, entry: { at: string; staffId: string | null; method: string; subject: AuditSubject }): AuditEntry {
  const last = db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get();
  const prevHash = last?.hash ?? genesisHash(vaultIdOf(db));
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: entry.at,
    staffId: entry.staffId,
    method: entry.method,
    entity: entry.subject.entity,
    ids: JSON.stringify(entry.subject.ids),
    beforeHash: sha256(JSON.stringify(entry.subject.before ?? null)),
    afterHash: sha256(JSON.stringify(entry.subject.after ?? null)),
    prevHash,
  };
  const hash = entryHash(row);
  db.insert(auditLog).values({ ...row, hash }).run();
  // The newest entry is also noted outside the log, so removing entries from its end is caught too.
  const head = JSON.stringify({ seq: row.seq, hash });
  db.insert(settings).values({ key: AUDIT_HEAD_KEY, value: head, updatedAt: entry.at }).onConflictDoUpdate({ target: settings.key, set: { value: head, updatedAt: entry.at } }).run();
  return { ...row, ids: entry.subject.ids };
}

const AUDIT_HEAD_KEY = 'audit.head';

function recordedHead(db: Db): { seq: number; hash: string } | null {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, AUDIT_HEAD_KEY)).get();
  if (!row) return null;
  try {
    const head = JSON.parse(row.value) as { seq?: unknown; hash?: unknown };
    return typeof head.seq === 'number' && typeof head.hash === 'string' ? { seq: head.seq, hash: head.hash } : { seq: -1, hash: '' };
  } catch (error) {
    if (error instanceof SyntaxError) return { seq: -1, hash: '' };
    throw error;
  }
}

/** Recomputes the chain; names the first entry that was edited, removed or moved. */
export function verifyAudit(db: Db): AuditVerdict {
  let expectedPrev = genesisHash(vaultIdOf(db));
  let expectedSeq = 1;
  let entries = 0;
  for (const row of db.select().from(auditLog).orderBy(asc(auditLog.seq)).all()) {
    entries += 1;
    if (row.seq !== expectedSeq) {
      return { ok: false, entries, brokenAt: expectedSeq, reason: `entry ${expectedSeq} is missing (the next one is ${row.seq})` };
    }
    if (row.prevHash !== expectedPrev) {
      return { ok: false, entries, brokenAt: row.seq, reason: `entry ${row.seq} does not follow entry ${row.seq - 1} (removed, reordered or replaced)` };
    }
    if (entryHash(row) !== row.hash) {
      return { ok: false, entries, brokenAt: row.seq, reason: `entry ${row.seq} was altered after it was written` };
    }
    expectedPrev = row.hash;
    expectedSeq += 1;
  }
  // Vaults written before the head was noted have none until their next write.
  const head = recordedHead(db);
  if (head && (head.seq !== expectedSeq - 1 || head.hash !== expectedPrev)) {
    if (head.seq > expectedSeq - 1) return { ok: false, entries, brokenAt: expectedSeq, reason: `entries ${expectedSeq} to ${head.seq} are missing from the end of the log` };
    return { ok: false, entries, brokenAt: Math.max(1, Math.min(head.seq, expectedSeq - 1)), reason: `the log does not end at the entry last written (entry ${head.seq})` };
  }
  return { ok: true, entries };
}

/** Every entry's canonical line, oldest first, with the vault's genesis hash and the newest entry. */
export function auditChain(db: Db): { genesis: string; lines: string[]; head: { seq: number; hash: string } | null } {
  const rows = db.select().from(auditLog).orderBy(asc(auditLog.seq)).all();
  const last = rows.at(-1);
  return { genesis: genesisHash(vaultIdOf(db)), lines: rows.map(canonicalAuditLine), head: last ? { seq: last.seq, hash: last.hash } : null };
}

export function listAudit(db: Db, query: { staffId?: string; from?: string; to?: string; entityId?: string; offset: number; limit: number }) {
  const conditions = [
    query.staffId ? eq(auditLog.staffId, query.staffId) : undefined,
    query.from ? gte(auditLog.at, query.from) : undefined,
    // `to` is a date: everything up to the end of that day counts.
    query.to ? lte(auditLog.at, `${query.to}\uffff`) : undefined,
    query.entityId ? like(auditLog.ids, `%"${query.entityId}"%`) : undefined,
  ].filter((c) => c !== undefined);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const rows = db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(query.limit).offset(query.offset).all();
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  return {
    total,
    rows: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      staffId: r.staffId,
      method: r.method,
      entity: r.entity,
      ids: JSON.parse(r.ids) as string[],
      beforeHash: r.beforeHash,
      afterHash: r.afterHash,
    })),
  };
}
