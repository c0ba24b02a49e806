/**
 * Purging, for source protection: a field purge gives the field a new value and erases every earlier
 * value of it — in the operation log, in the history page, in the search index, here and at every partner
 * the purge reaches; a record purge deletes the record and everything that belongs to or names it, and
 * erases all their values. The purge itself travels as an operation.
 */
import { AppError } from '../../shared/errors';
import { EXISTS_FIELD } from '../../shared/sync/ops';
import { registry } from './entities';
import { writeLocalOps, type LocalOp } from './local-ops';
import { encodeColumnFallback, type SyncContext } from './registry';
import { syncStore } from './store';
import { captureChanges } from './capture';

export function purgeField(ctx: SyncContext, entityName: string, key: string, fieldName: string, replacement: string | undefined, now: Date): void {
  const entity = registry.require(entityName);
  const field = entity.fields.find((f) => f.name === fieldName);
  if (!field) throw new AppError('VALIDATION', `field: ${entityName} has no synced field ${fieldName.slice(0, 60)}`);
  if (field.kind !== 'text' && replacement !== undefined) throw new AppError('VALIDATION', 'replacement: only text fields take a replacement');
  captureChanges(ctx.sqlite, now);
  const rid = syncStore(ctx.sqlite).rid(entityName, key);
  if (rid === undefined) throw new AppError('NOT_FOUND', `No ${entityName} with id ${key}.`);
  const value = replacement !== undefined ? JSON.stringify(replacement) : encodeColumnFallback(field);
  if (field.schema.safeParse(JSON.parse(value)).success === false) throw new AppError('VALIDATION', 'replacement: is not a valid value for this field');
  writeLocalOps(ctx, [{ rid, field: fieldName, value, purge: true }], now);
}

/** The record, the records it owns, and the records that name it (a case's link to a purged person). */
function dependents(ctx: SyncContext, entityName: string, key: string, rid: number): number[] {
  const found = new Set<number>([rid]);
  for (const row of ctx.sqlite.prepare('SELECT id FROM sync_rows WHERE root = ?').all(rid) as { id: number }[]) found.add(row.id);
  for (const entity of registry.entities) {
    for (const ref of entity.requires ?? []) {
      if (ref.entity !== entityName || ref.keyPart === undefined) continue;
      const rows = ctx.sqlite.prepare(`SELECT id FROM sync_rows WHERE entity = ? AND json_extract(key, '$[${ref.keyPart}]') = ?`).all(entity.name, key) as { id: number }[];
      for (const row of rows) found.add(row.id);
    }
  }
  return [...found];
}

export function purgeRecord(ctx: SyncContext, entityName: string, key: string, now: Date): number {
  const entity = registry.require(entityName);
  if (entity.owner) throw new AppError('VALIDATION', `entity: purge the ${entity.owner.entity} ${entityName} belongs to, or one of its fields`);
  captureChanges(ctx.sqlite, now);
  const store = syncStore(ctx.sqlite);
  const rid = store.rid(entityName, key);
  if (rid === undefined) throw new AppError('NOT_FOUND', `No ${entityName} with id ${key}.`);
  const rows = dependents(ctx, entityName, key, rid);
  const ops: LocalOp[] = rows.map((row) => ({ rid: row, field: EXISTS_FIELD, value: 'false', purge: true }));
  writeLocalOps(ctx, ops, now);
  return rows.length;
}
