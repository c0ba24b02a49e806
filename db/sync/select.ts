/**
 * What goes to a partner: every record touched by operations it has not acknowledged, that its policy
 * shares, sent whole — all of the record's operations, with values only on the current ones — so the
 * partner resolves it exactly as we do, including a record that became shareable only now. Records a
 * shared record names (a case's persons) travel with it; records that no longer exist go as bare
 * tombstones, without any value.
 */
import type { SyncOp, VersionVector } from '../../shared/sync/ops';
import { EXISTS_FIELD } from '../../shared/sync/ops';
import { sharesGroup, type SharingPolicy } from '../../shared/sync/policy';
import { registry } from './entities';
import { toSyncOp } from './oplog';
import { keyParts, refKey, type SyncContext, type SyncedEntity } from './registry';
import { STATE_HEAD, syncStore, type StoredOp } from './store';

export interface Selection {
  ops: SyncOp[];
  blobs: Map<string, Buffer>;
  /** Office names of the sites the operations come from. */
  offices: Record<string, string>;
  /** Records sent, per entity. */
  records: Record<string, number>;
  /** Everything this vault holds, per site: the partner has all it may have of it once this arrives. */
  vector: VersionVector;
  /** The roots sent whole (`sync_rows.id`), to be remembered as held by the partner once the file is saved. */
  sentRoots: number[];
}

const json = (values: readonly unknown[]) => JSON.stringify(values);

interface RowRef {
  id: number;
  entity: string;
  key: string;
  root: number;
}

function touchedRoots(ctx: SyncContext, since: VersionVector, skipSites: ReadonlySet<string>): Set<number> {
  const roots = new Set<number>();
  const sites = ctx.sqlite.prepare('SELECT id, site FROM sync_sites').all() as { id: number; site: string }[];
  const query = ctx.sqlite.prepare('SELECT DISTINCT r.root AS root FROM sync_ops o JOIN sync_rows r ON r.id = o.rid WHERE o.site = ? AND o.counter > ?');
  for (const { id, site } of sites) {
    if (skipSites.has(site)) continue;
    for (const row of query.iterate(id, since[site] ?? 0) as Iterable<{ root: number }>) roots.add(row.root);
  }
  return roots;
}

function rowsByIds(ctx: SyncContext, ids: Iterable<number>): RowRef[] {
  return ctx.sqlite.prepare('SELECT id, entity, key, root FROM sync_rows WHERE id IN (SELECT value FROM json_each(?))').all(json([...ids])) as RowRef[];
}

function rowsOfRoots(ctx: SyncContext, roots: Iterable<number>): RowRef[] {
  return ctx.sqlite.prepare('SELECT id, entity, key, root FROM sync_rows WHERE root IN (SELECT value FROM json_each(?))').all(json([...roots])) as RowRef[];
}

function existing(ctx: SyncContext, entity: SyncedEntity, keys: string[]): Set<string> {
  if (entity.key.length !== 1) throw new Error('Roots have one key column.');
  const rows = ctx.sqlite.prepare(`SELECT "${entity.key[0]!.column}" AS k FROM "${entity.table}" WHERE "${entity.key[0]!.column}" IN (SELECT value FROM json_each(?))`).all(json(keys)) as { k: string }[];
  return new Set(rows.map((r) => r.k));
}

/**
 * `held`: roots the partner was sent whole before. One of them that its policy no longer shares because its
 * consent was withdrawn still sends that field, and only that field, so the partner learns of the withdrawal.
 */
export function selectForPartner(ctx: SyncContext, policy: SharingPolicy, since: VersionVector, skipSites: ReadonlySet<string>, held: ReadonlySet<number> = new Set()): Selection {
  const store = syncStore(ctx.sqlite);
  const candidateRoots = rowsByIds(ctx, touchedRoots(ctx, since, skipSites));
  const visible = new Map<string, Set<string>>();
  const gone = new Set<number>();
  const withdrawn: { row: RowRef; field: string }[] = [];
  const rootRid = new Map<string, number>();
  const add = (entity: string, key: string) => {
    const set = visible.get(entity) ?? new Set();
    set.add(key);
    visible.set(entity, set);
  };
  for (const entity of registry.roots()) {
    const rows = candidateRoots.filter((r) => r.entity === entity.name);
    if (rows.length === 0) continue;
    const keys = rows.map((r) => r.key);
    const present = existing(ctx, entity, keys);
    for (const row of rows) if (!present.has(row.key)) gone.add(row.id);
    const shared = new Set(entity.shared?.(ctx, policy, keys.filter((k) => present.has(k))) ?? []);
    for (const key of shared) add(entity.name, key);
    if (entity.consentField && sharesGroup(policy, entity.group)) {
      for (const row of rows) if (present.has(row.key) && !shared.has(row.key) && held.has(row.id)) withdrawn.push({ row, field: entity.consentField });
    }
  }
  for (const entity of registry.roots()) {
    const keys = [...(visible.get(entity.name) ?? [])];
    if (keys.length === 0) continue;
    for (const companion of entity.companions?.(ctx, policy, keys) ?? []) add(companion.entity, companion.key);
  }
  for (const [entity, keys] of visible) {
    const rows = ctx.sqlite.prepare('SELECT id, key FROM sync_rows WHERE entity = ? AND key IN (SELECT value FROM json_each(?))').all(entity, json([...keys])) as { id: number; key: string }[];
    for (const row of rows) rootRid.set(`${entity}\u0000${row.key}`, row.id);
  }
  const isVisible = (entity: string, key: string | null) => key !== null && (visible.get(entity)?.has(key) ?? false);

  const included: { row: RowRef; bare: boolean }[] = [];
  const sendRoots = new Set([...rootRid.values(), ...gone]);
  const byEntity = new Map<string, RowRef[]>();
  for (const row of rowsOfRoots(ctx, sendRoots)) {
    const list = byEntity.get(row.entity);
    if (list) list.push(row);
    else byEntity.set(row.entity, [row]);
  }
  for (const entity of registry.entities) {
    const rows = byEntity.get(entity.name) ?? [];
    if (rows.length === 0 || !sharesGroup(policy, entity.group)) continue;
    const live: RowRef[] = [];
    for (const row of rows) {
      if (gone.has(row.root)) {
        included.push({ row, bare: true });
        continue;
      }
      live.push(row);
    }
    const fieldValues = (rid: number) => new Map(store.heads(rid).map((h) => [h.field, h.value ?? undefined]));
    const allowed = entity.owner && entity.shared ? entity.shared(ctx, policy, live.map((r) => r.key)) : null;
    for (const row of live) {
      // A deleted record goes as a bare tombstone whatever it named: that tells nothing, and lets the
      // partner delete its copy before the record it pointed to.
      if (store.heads(row.id).some((h) => h.field === EXISTS_FIELD && h.value === 'false')) {
        included.push({ row, bare: true });
        continue;
      }
      if (entity.owner) {
        const parts = keyParts(entity, row.key)!;
        const values = (entity.requires ?? []).some((r) => r.field) ? fieldValues(row.id) : new Map<string, string | undefined>();
        if (!(entity.requires ?? []).every((ref) => isVisible(ref.entity, refKey(ref, parts, values)))) continue;
        if (allowed && !allowed.has(row.key)) continue;
      }
      included.push({ row, bare: false });
    }
  }

  const only = new Map<number, string>();
  for (const { row, field } of withdrawn) {
    included.push({ row, bare: false });
    only.set(row.id, field);
  }

  const ops: SyncOp[] = [];
  const records: Record<string, number> = {};
  const blobs = new Map<string, Buffer>();
  const opsQuery = store.stmt('SELECT * FROM sync_ops WHERE rid = ? ORDER BY site, counter');
  for (const { row, bare } of included) {
    records[row.entity] = (records[row.entity] ?? 0) + 1;
    for (const stored of opsQuery.all(row.id) as StoredOp[]) {
      const op = toSyncOp(store, row, stored);
      if (only.has(row.id) && op.field !== only.get(row.id)) continue;
      // Only current values travel; earlier ones go as bare ids, so an overwritten value never leaves.
      const keepValue = stored.state === STATE_HEAD && (!bare || op.field === EXISTS_FIELD);
      ops.push(keepValue ? op : { ...op, value: undefined });
    }
    const entity = registry.require(row.entity);
    if (entity.blob && !bare) {
      const hash = store.heads(row.id).find((h) => h.field === entity.blob!.hashField)?.value;
      if (hash) {
        const sha = JSON.parse(hash) as string;
        const data = store.stmt(`SELECT "${entity.blob.column}" AS data FROM "${entity.table}" WHERE "${entity.key[0]!.column}" = ?`).get(row.key) as { data: Buffer } | undefined;
        if (data) blobs.set(sha, data.data);
      }
    }
  }
  const sites = new Set(ops.map((op) => op.site));
  const offices: Record<string, string> = {};
  for (const { site, office } of ctx.sqlite.prepare('SELECT site, office FROM sync_sites WHERE office IS NOT NULL').all() as { site: string; office: string }[]) {
    if (sites.has(site)) offices[site] = office;
  }
  return { ops, blobs, offices, records, vector: store.vector(), sentRoots: [...rootRid.values()] };
}

