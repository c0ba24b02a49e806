/**
 * Applying operations received from a partner, inside the import's transaction: each is added to the log
 * (a copy already held is skipped; a different copy under the same id is refused), every record they
 * touch is resolved again from all its operations with the shared merge rule, and the domain tables are
 * rewritten from the result.
 */
import { AppError } from '../../shared/errors';
import { resolveRow, type RowResolution } from '../../shared/sync/merge';
import { EXISTS_FIELD, opKey, type SyncOp } from '../../shared/sync/ops';
import { registry } from './entities';
import { materialiseRows, retryPending, type MaterialiseReport } from './materialise';
import { sensitivity, toSyncOp } from './oplog';
import { keyParts, refKey, type SyncContext } from './registry';
import { encodePred, STATE_ERASED, STATE_HEAD, STATE_SUPERSEDED, syncStore, type SyncStore } from './store';

const stateOf = { head: STATE_HEAD, superseded: STATE_SUPERSEDED, erased: STATE_ERASED } as const;

export interface ApplyReport extends MaterialiseReport {
  received: number;
  applied: number;
  /** Fields newly flagged as conflicts. */
  conflicts: { entity: string; key: string; field: string }[];
}

function sameOp(a: SyncOp, b: SyncOp): boolean {
  return a.entity === b.entity && a.row === b.row && a.field === b.field && a.hlc === b.hlc && a.purge === b.purge && (a.value === undefined || b.value === undefined || a.value === b.value);
}

function ownerRootOf(store: SyncStore, entityName: string, key: string, incoming: SyncOp[]): number | null {
  const entity = registry.require(entityName);
  if (!entity.owner) return null;
  const parts = keyParts(entity, key)!;
  const values = new Map(incoming.map((op) => [op.field, op.value]));
  const ownerKey = refKey(entity.owner, parts, values);
  if (ownerKey === null) throw new AppError('BUNDLE_INVALID', `A new ${entityName} record does not name its ${entity.owner.entity}.`);
  return store.rowOf(store.ensureRid(entity.owner.entity, ownerKey, null))!.root;
}

/** Applies `ops` (already validated against the registry); `blobs` holds file contents by SHA-256. */
export function applyOps(ctx: SyncContext, ops: readonly SyncOp[], blobs: ReadonlyMap<string, Buffer>, offices: Readonly<Record<string, string>> = {}): ApplyReport {
  const store = syncStore(ctx.sqlite);
  store.forgetSites();
  for (const site of new Set(ops.map((op) => op.site))) store.ensureSite(site, offices[site] ?? null);
  const fresh = new Map<string, SyncOp[]>();
  // Beyond the highest counter held for its site an operation is new: no need to look for a copy.
  const top = store.vector();
  let applied = 0;
  for (const op of ops) {
    const held = op.counter > (top[op.site] ?? 0) ? undefined : store.opById(store.siteRef(op.site)!, op.counter);
    if (held) {
      const row = store.rowOf(held.rid)!;
      if (!sameOp(toSyncOp(store, row, held), op)) throw new AppError('BUNDLE_INVALID', `Operation ${opKey(op)} differs from the copy already held.`);
      continue;
    }
    const rowKey = `${op.entity}\u0000${op.row}`;
    const list = fresh.get(rowKey) ?? [];
    if (list.some((other) => other.counter === op.counter && other.site === op.site)) continue;
    list.push(op);
    fresh.set(rowKey, list);
    applied += 1;
  }
  const conflicts: ApplyReport['conflicts'] = [];
  const resolved: { rid: number; entity: string; key: string; resolution: RowResolution }[] = [];
  for (const [rowKey, incoming] of fresh) {
    const [entityName, key] = rowKey.split('\u0000') as [string, string];
    const entity = registry.require(entityName);
    const known = store.rid(entityName, key);
    const rid = known ?? store.ensureRid(entityName, key, ownerRootOf(store, entityName, key, incoming));
    const existing = known === undefined ? [] : store.opsOf(rid);
    const existingOps = existing.map((stored) => ({ stored, op: toSyncOp(store, { entity: entityName, key }, stored) }));
    checkWriteOnce(entity.name, incoming, existingOps.map((e) => e.op));
    const sensitive = sensitivity(entityName);
    const resolution = resolveRow([...existingOps.map((e) => e.op), ...incoming], sensitive);
    for (const { stored, op } of existingOps) {
      const state = stateOf[resolution.status.get(opKey(op))!];
      if (state !== stored.state) store.setState(stored.id, state, state === STATE_ERASED);
    }
    for (const op of incoming) {
      const state = stateOf[resolution.status.get(opKey(op))!];
      const pred = op.pred.map((p) => ({ site: store.ensureSite(p.site), counter: p.counter }));
      store.insertOp({
        rid,
        field: op.field,
        site: store.siteRef(op.site)!,
        counter: op.counter,
        hlc: op.hlc,
        value: state === STATE_ERASED ? null : (op.value ?? null),
        pred: encodePred(pred),
        purge: op.purge ? 1 : 0,
        state,
      });
    }
    const before = known === undefined ? new Set<string>() : new Set((store.stmt('SELECT field FROM sync_conflicts WHERE rid = ?').all(rid) as { field: string }[]).map((r) => r.field));
    for (const [field, state] of resolution.fields) {
      if (state.conflict === before.has(field)) continue;
      store.setConflict(rid, field, state.conflict, ctx.now);
      if (state.conflict) conflicts.push({ entity: entityName, key, field });
    }
    resolved.push({ rid, entity: entityName, key, resolution });
  }
  const from = [...new Set(Object.values(offices))].join(', ');
  const report = materialiseRows(ctx, resolved, blobs, from);
  const retried = retryPending(ctx, blobs, from);
  return { ...report, ...mergeReports(report, retried), received: ops.length, applied, conflicts };
}

/** Nobody may overwrite a write-once field or a record of an append-only entity. */
function checkWriteOnce(entityName: string, incoming: SyncOp[], existing: SyncOp[]): void {
  const entity = registry.require(entityName);
  const once = new Set(entity.fields.filter((f) => f.immutable || entity.appendOnly).map((f) => f.name));
  // Only an operation that supersedes something can overwrite.
  if (!incoming.some((op) => op.pred.length > 0 && once.has(op.field) && !op.purge)) return;
  const fieldOf = new Map([...existing, ...incoming].map((op) => [opKey(op), op.field]));
  for (const op of incoming) {
    if (op.field === EXISTS_FIELD || !once.has(op.field)) continue;
    if (op.purge) continue;
    if (op.pred.some((p) => fieldOf.get(opKey(p)) === op.field)) {
      throw new AppError('BUNDLE_INVALID', `Operation ${opKey(op)} changes ${entityName}.${op.field}, which is written once.`);
    }
  }
}

function mergeReports(a: MaterialiseReport, b: MaterialiseReport): MaterialiseReport {
  const rows: MaterialiseReport['rows'] = structuredClone(a.rows);
  for (const [entity, counts] of Object.entries(b.rows)) {
    const target = (rows[entity] ??= { created: 0, updated: 0, deleted: 0 });
    target.created += counts.created;
    target.updated += counts.updated;
    target.deleted += counts.deleted;
  }
  return { rows, pending: b.pending, roots: [...a.roots, ...b.roots] };
}
