/** Listing the fields partners disagree on, and resolving one by keeping one of its values. */
import { AppError } from '../../shared/errors';
import { hlcToMs } from '../../shared/sync/hlc';
import { compareOps, decodeValue } from '../../shared/sync/ops';
import type { ConflictRecord } from '../../shared/domain/sync';
import { registry } from './entities';
import { writeLocalOps } from './local-ops';
import { toSyncOp } from './oplog';
import { keyParts, refKey, type SyncContext } from './registry';
import { syncStore } from './store';

const conflictId = (entity: string, key: string, field: string) => JSON.stringify([entity, key, field]);

function rootOf(ctx: SyncContext, entityName: string, key: string) {
  const entity = registry.require(entityName);
  if (!entity.owner) return { entity: entityName, key };
  const store = syncStore(ctx.sqlite);
  const rid = store.rid(entityName, key)!;
  const values = new Map(store.heads(rid).map((h) => [h.field, h.value ?? undefined]));
  return { entity: entity.owner.entity, key: refKey(entity.owner, keyParts(entity, key)!, values) ?? '' };
}

export function listConflicts(ctx: SyncContext): ConflictRecord[] {
  const store = syncStore(ctx.sqlite);
  const rows = ctx.sqlite
    .prepare('SELECT c.rid, c.field, c.detected_at AS detectedAt, r.entity, r.key FROM sync_conflicts c JOIN sync_rows r ON r.id = c.rid ORDER BY c.detected_at, c.rid, c.field')
    .all() as { rid: number; field: string; detectedAt: string; entity: string; key: string }[];
  const offices = new Map((ctx.sqlite.prepare('SELECT site, office FROM sync_sites').all() as { site: string; office: string | null }[]).map((r) => [r.site, r.office]));
  return rows.map((row) => {
    const heads = store
      .heads(row.rid)
      .filter((h) => h.field === row.field)
      .map((h) => toSyncOp(store, row, h))
      .sort((a, b) => compareOps(b, a));
    const root = rootOf(ctx, row.entity, row.key);
    const label = registry.get(root.entity)?.label?.(ctx, root.key) ?? null;
    return {
      id: conflictId(row.entity, row.key, row.field),
      entity: row.entity,
      key: row.key,
      field: row.field,
      root: { ...root, label },
      values: heads.map((op) => ({
        value: op.value === undefined ? null : decodeValue(op.value),
        office: offices.get(op.site) ?? null,
        site: op.site,
        at: new Date(hlcToMs(op.hlc)).toISOString(),
      })),
      detectedAt: row.detectedAt,
    };
  });
}

/** Keeps one of the conflicting values: an operation superseding all of them, which syncs like any other. */
export function resolveConflict(ctx: SyncContext, id: string, choice: number, now: Date): ConflictRecord {
  const conflict = listConflicts(ctx).find((c) => c.id === id);
  if (!conflict) throw new AppError('NOT_FOUND', 'There is no such conflict (it may have been resolved already).');
  const chosen = conflict.values[choice];
  if (!chosen) throw new AppError('VALIDATION', `choice: there are only ${conflict.values.length} values to choose from`);
  if (chosen.value === null && conflict.values.some((v) => v.value !== null)) throw new AppError('VALIDATION', 'choice: that value is not known here');
  const entity = registry.require(conflict.entity);
  if (entity.appendOnly || entity.fields.find((f) => f.name === conflict.field)?.immutable) {
    throw new AppError('VALIDATION', `${conflict.entity}.${conflict.field}: is written once; its values cannot be replaced`);
  }
  const rid = syncStore(ctx.sqlite).rid(conflict.entity, conflict.key)!;
  writeLocalOps(ctx, [{ rid, field: conflict.field, value: JSON.stringify(chosen.value), purge: false }], now);
  return conflict;
}
