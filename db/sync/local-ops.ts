/**
 * Operations this office writes on purpose rather than by changing a row: resolving a conflict (which
 * may keep the value already shown) and purging. They are written like captured ones, then the records
 * are resolved and written back to the domain tables.
 */
import { nextHlc } from '../../shared/sync/hlc';
import { resolveRow } from '../../shared/sync/merge';
import { EXISTS_FIELD } from '../../shared/sync/ops';
import { captureChanges } from './capture';
import { materialiseRows, type MaterialiseReport } from './materialise';
import { sensitivity, toSyncOp } from './oplog';
import type { SyncContext } from './registry';
import { encodePred, STATE_ERASED, STATE_HEAD, STATE_SUPERSEDED, syncStore } from './store';

export interface LocalOp {
  rid: number;
  field: string;
  value: string;
  purge: boolean;
}

const stateOf = { head: STATE_HEAD, superseded: STATE_SUPERSEDED, erased: STATE_ERASED } as const;

/** Writes `ops`, each superseding every current head of its field, and rewrites the records they touch. */
export function writeLocalOps(ctx: SyncContext, ops: readonly LocalOp[], now: Date): MaterialiseReport {
  const store = syncStore(ctx.sqlite);
  // Whatever is not yet in the log goes in first, so these operations supersede the values shown.
  captureChanges(ctx.sqlite, now);
  const self = store.self()!;
  const hlc = nextHlc(self.hlc, now.getTime());
  let counter = self.counter;
  const rids = new Set<number>();
  for (const op of ops) {
    const heads = store.heads(op.rid);
    const pred = heads.filter((h) => h.field === op.field);
    if (op.field !== EXISTS_FIELD && store.hasRowPurge(op.rid)) pred.push(...heads.filter((h) => h.field === EXISTS_FIELD));
    counter += 1;
    store.insertOp({ rid: op.rid, field: op.field, site: self.siteRef, counter, hlc, value: op.value, pred: encodePred(pred), purge: op.purge ? 1 : 0, state: STATE_HEAD });
    rids.add(op.rid);
  }
  store.saveSelf(counter, hlc);
  const resolved = [...rids].map((rid) => {
    const row = store.rowOf(rid)!;
    const all = store.opsOf(rid);
    const resolution = resolveRow(
      all.map((stored) => toSyncOp(store, row, stored)),
      sensitivity(row.entity),
    );
    for (const stored of all) {
      const state = stateOf[resolution.status.get(`${store.siteId(stored.site)}:${stored.counter}`)!];
      if (state !== stored.state) store.setState(stored.id, state, state === STATE_ERASED);
    }
    for (const [field, state] of resolution.fields) store.setConflict(rid, field, state.conflict, ctx.now);
    return { rid, entity: row.entity, key: row.key, resolution };
  });
  const report = materialiseRows(ctx, resolved, new Map(), '');
  // The rows just written agree with the log: nothing more to capture.
  captureChanges(ctx.sqlite, now);
  return report;
}
