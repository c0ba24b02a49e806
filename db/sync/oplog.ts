/** Converting between stored operations (local site numbers) and the portable `SyncOp` (site ids). */
import type { SyncOp } from '../../shared/sync/ops';
import { registry } from './entities';
import { decodePred, type StoredOp, type SyncStore } from './store';

export function toSyncOp(store: SyncStore, row: { entity: string; key: string }, op: StoredOp): SyncOp {
  return {
    site: store.siteId(op.site),
    counter: op.counter,
    hlc: op.hlc,
    entity: row.entity,
    row: row.key,
    field: op.field,
    value: op.value ?? undefined,
    pred: decodePred(op.pred).map((p) => ({ site: store.siteId(p.site), counter: p.counter })),
    purge: op.purge === 1,
  };
}

/** Which fields of an entity flag concurrent different values: its sensitive fields, bar the write-once ones. */
export function sensitivity(entityName: string): (field: string) => boolean {
  const entity = registry.get(entityName);
  if (!entity?.sensitive) return () => false;
  const immutable = new Set(entity.fields.filter((f) => f.immutable).map((f) => f.name));
  return (field) => !immutable.has(field);
}
