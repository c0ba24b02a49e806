/**
 * Writing the domain tables from resolved records: a record that exists is inserted or updated (synced
 * columns from the visible values, derived columns recomputed, local columns kept or filled), one that no
 * longer exists is deleted. A record whose parent has not arrived waits in `sync_pending`.
 */
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../shared/errors';
import type { RowResolution } from '../../shared/sync/merge';
import { resolveRow } from '../../shared/sync/merge';
import { selectSql } from './capture';
import { registry } from './entities';
import { sensitivity, toSyncOp } from './oplog';
import { decodeColumn, encodeColumn, encodeColumnFallback, keyParts, refKey, type ColumnValues, type SyncContext, type SyncedEntity } from './registry';
import { syncStore } from './store';

export interface MaterialiseReport {
  rows: Record<string, { created: number; updated: number; deleted: number }>;
  /** Records waiting for a parent that has not arrived. */
  pending: number;
  /** Root records that changed and still exist. */
  roots: { entity: string; key: string }[];
}

interface Resolved {
  rid: number;
  entity: string;
  key: string;
  resolution: RowResolution;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const whereKey = (entity: SyncedEntity) => entity.key.map((k) => `${quote(k.column)} = ?`).join(' AND ');

function domainExists(ctx: SyncContext, entityName: string, key: string): boolean {
  const entity = registry.require(entityName);
  const parts = keyParts(entity, key);
  if (!parts) return false;
  return syncStore(ctx.sqlite).stmt(`SELECT 1 FROM ${quote(entity.table)} WHERE ${whereKey(entity)}`).get(...parts) !== undefined;
}

function count(report: MaterialiseReport, entity: string, what: 'created' | 'updated' | 'deleted') {
  (report.rows[entity] ??= { created: 0, updated: 0, deleted: 0 })[what] += 1;
}

export function materialiseRows(ctx: SyncContext, resolved: readonly Resolved[], blobs: ReadonlyMap<string, Buffer>, from: string): MaterialiseReport {
  const store = syncStore(ctx.sqlite);
  const report: MaterialiseReport = { rows: {}, pending: 0, roots: [] };
  const order = (name: string) => registry.entities.findIndex((e) => e.name === name);
  const sorted = [...resolved].sort((a, b) => order(a.entity) - order(b.entity));
  const touchedRoots = new Map<string, Set<string>>();
  const touchRoot = (entity: SyncedEntity, parts: string[], values: ReadonlyMap<string, string | undefined>, key: string) => {
    const root = entity.owner ? { entity: entity.owner.entity, key: refKey(entity.owner, parts, values) } : { entity: entity.name, key };
    if (root.key === null) return;
    const set = touchedRoots.get(root.entity) ?? new Set();
    set.add(root.key);
    touchedRoots.set(root.entity, set);
  };
  const pendingInsert = store.stmt('INSERT OR IGNORE INTO sync_pending (rid) VALUES (?)');
  const pendingDelete = store.stmt('DELETE FROM sync_pending WHERE rid = ?');

  // Records that own others go last when deleting, first when writing.
  for (const item of [...sorted].reverse()) {
    if (item.resolution.exists) continue;
    const entity = registry.require(item.entity);
    const parts = keyParts(entity, item.key)!;
    pendingDelete.run(item.rid);
    const values = new Map([...item.resolution.fields].map(([f, r]) => [f, r.winner?.value]));
    touchRoot(entity, parts, values, item.key);
    if (!domainExists(ctx, item.entity, item.key)) continue;
    refuseIfKept(ctx, entity, item.key, from);
    cascade(ctx, entity, item.key);
    entity.beforeDelete?.(ctx, [item.key]);
    ctx.sqlite.prepare(`DELETE FROM ${quote(entity.table)} WHERE ${whereKey(entity)}`).run(...parts);
    count(report, item.entity, 'deleted');
  }
  for (const item of sorted) {
    if (!item.resolution.exists) continue;
    const entity = registry.require(item.entity);
    const parts = keyParts(entity, item.key)!;
    const values = new Map([...item.resolution.fields].map(([f, r]) => [f, r.winner?.value]));
    const outcome = writeRecord({ ...ctx, from }, entity, parts, values, blobs);
    if (outcome === 'waiting') {
      pendingInsert.run(item.rid);
      continue;
    }
    pendingDelete.run(item.rid);
    if (outcome !== 'unchanged') count(report, item.entity, outcome);
    eraseHistory(ctx, entity, item.key, item.resolution);
    if (outcome !== 'unchanged') touchRoot(entity, parts, values, item.key);
  }
  const changedRoots = new Map([...touchedRoots].map(([entity, keys]) => [entity, new Set(keys)]));
  for (const [entityName, keys] of touchedRoots) {
    for (const affected of registry.require(entityName).affects?.(ctx, [...keys]) ?? []) {
      const set = touchedRoots.get(affected.entity) ?? new Set();
      set.add(affected.key);
      touchedRoots.set(affected.entity, set);
    }
  }
  for (const entity of registry.roots()) {
    const entityName = entity.name;
    const keys = touchedRoots.get(entityName);
    if (!keys) continue;
    const live = [...keys].filter((key) => domainExists(ctx, entityName, key));
    if (live.length === 0) continue;
    const changed = live.filter((key) => changedRoots.get(entityName)?.has(key));
    if (entity.touchedAt) {
      const touch = store.stmt(`UPDATE ${quote(entity.table)} SET ${quote(entity.touchedAt)} = ? WHERE ${whereKey(entity)}`);
      for (const key of changed) touch.run(ctx.now, ...keyParts(entity, key)!);
    }
    entity.afterApply?.(ctx, live);
    if (entity.history && from) {
      const note = store.stmt("INSERT INTO changes (id, entity, row_id, field, before, after, at, by) VALUES (?, ?, ?, 'received', NULL, ?, ?, NULL)");
      for (const key of changed) note.run(uuidv7(), entityName, key, JSON.stringify(from), ctx.now);
    }
    report.roots.push(...changed.map((key) => ({ entity: entityName, key })));
  }
  report.pending = (store.stmt('SELECT count(*) AS n FROM sync_pending').get() as { n: number }).n;
  return report;
}

/** A deletion this office's own ledger forbids fails the whole import, with what keeps the record. */
function refuseIfKept(ctx: SyncContext, entity: SyncedEntity, key: string, from: string): void {
  const keeper = entity.keptBy?.(ctx, key);
  if (!keeper) return;
  const what = `the ${entity.name} ${key}, which this office's aid ledger names (${keeper}); ledger entries are never deleted`;
  // Local operations (a purge or a conflict resolved here) carry no sender.
  if (from === '') throw new AppError('LEDGER_IMMUTABLE', `Removing ${what}, so nothing was changed.`);
  throw new AppError('LEDGER_IMMUTABLE', `The bundle from ${from.slice(0, 80)} deletes ${what}, so nothing was imported. Ask the partner about the deletion of this record.`);
}

/**
 * Before a record goes, the synced records that belong to it or name it go too (a link of this office's
 * own to a person a partner purged): their deletion is captured and syncs on like any other.
 */
function cascade(ctx: SyncContext, target: SyncedEntity, key: string): void {
  for (const entity of [...registry.entities].reverse()) {
    for (const ref of [...(entity.owner ? [entity.owner] : []), ...(entity.requires ?? [])]) {
      if (ref.entity !== target.name) continue;
      const column = ref.keyPart !== undefined ? entity.key[ref.keyPart]!.column : entity.fields.find((f) => f.name === ref.field)!.column;
      ctx.sqlite.prepare(`DELETE FROM ${quote(entity.table)} WHERE ${quote(column)} = ?`).run(key);
    }
  }
}

/** The history page must not keep what a purge erased: the purged fields' old values go. */
function eraseHistory(ctx: SyncContext, entity: SyncedEntity, key: string, resolution: RowResolution): void {
  if (!entity.history) return;
  const purged = new Set<string>();
  for (const [field, state] of resolution.fields) if (state.heads.some((h) => h.purge)) purged.add(field);
  if (purged.size === 0) return;
  const erase = ctx.sqlite.prepare('UPDATE changes SET before = NULL, after = NULL WHERE entity = ? AND row_id = ? AND field = ?');
  for (const field of purged) erase.run(entity.name, key, field);
}

type Outcome = 'created' | 'updated' | 'unchanged' | 'waiting';

function writeRecord(ctx: SyncContext, entity: SyncedEntity, parts: string[], values: ReadonlyMap<string, string | undefined>, blobs: ReadonlyMap<string, Buffer>): Outcome {
  for (const ref of [...(entity.owner ? [entity.owner] : []), ...(entity.requires ?? [])]) {
    const target = refKey(ref, parts, values);
    if (target === null || !domainExists(ctx, ref.entity, target)) return 'waiting';
  }
  const columns: ColumnValues = {};
  entity.fields.forEach((field) => {
    columns[field.column] = decodeColumn(field, values.get(field.name) ?? encodeColumnFallback(field));
  });
  let blob: Buffer | undefined;
  if (entity.blob) {
    const hash = JSON.parse(values.get(entity.blob.hashField) ?? 'null') as unknown;
    if (typeof hash !== 'string') return 'waiting';
    const hashColumn = entity.fields.find((f) => f.name === entity.blob!.hashField)!.column;
    blob =
      blobs.get(hash) ??
      (ctx.sqlite.prepare(`SELECT ${quote(entity.blob.column)} AS data FROM ${quote(entity.table)} WHERE ${quote(hashColumn)} = ? LIMIT 1`).get(hash) as { data: Buffer } | undefined)?.data;
    if (!blob) return 'waiting';
  }
  const derived = entity.derive?.(columns) ?? {};
  const current = syncStore(ctx.sqlite).stmt(selectSql(entity)).get(...parts) as Record<string, unknown> | undefined;
  if (current) {
    const same = entity.fields.every((field, i) => encodeColumn(field, current[`f${i}`]) === (values.get(field.name) ?? encodeColumnFallback(field)));
    if (same) return 'unchanged';
    const set = { ...columns, ...derived };
    const names = Object.keys(set);
    syncStore(ctx.sqlite)
      .stmt(`UPDATE ${quote(entity.table)} SET ${names.map((n) => `${quote(n)} = ?`).join(', ')} WHERE ${whereKey(entity)}`)
      .run(...names.map((n) => set[n]), ...parts);
    return 'updated';
  }
  const local = entity.newRowColumns?.(ctx, [columns])[0] ?? {};
  const row: ColumnValues = { ...local, ...columns, ...derived };
  entity.key.forEach((k, i) => {
    row[k.column] = parts[i];
  });
  if (entity.blob && blob) row[entity.blob.column] = blob;
  const names = Object.keys(row);
  syncStore(ctx.sqlite)
    .stmt(`INSERT INTO ${quote(entity.table)} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
    .run(...names.map((n) => row[n]));
  return 'created';
}

/** Records that were waiting for a parent: written now if it has arrived. */
export function retryPending(ctx: SyncContext, blobs: ReadonlyMap<string, Buffer>, from: string): MaterialiseReport {
  const store = syncStore(ctx.sqlite);
  const rids = (ctx.sqlite.prepare('SELECT rid FROM sync_pending').all() as { rid: number }[]).map((r) => r.rid);
  if (rids.length === 0) return { rows: {}, pending: 0, roots: [] };
  const resolved = rids.map((rid) => {
    const row = store.rowOf(rid)!;
    const ops = store.opsOf(rid).map((op) => toSyncOp(store, row, op));
    return { rid, entity: row.entity, key: row.key, resolution: resolveRow(ops, sensitivity(row.entity)) };
  });
  return materialiseRows(ctx, resolved, blobs, from);
}

