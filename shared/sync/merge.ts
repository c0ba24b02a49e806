/**
 * The merge rule, as a pure function of a set of operations: the same set gives the same record at every
 * office, whatever order the operations arrived in and however often each arrived.
 *
 * - An operation is superseded by another of the same field that names it in `pred`.
 * - A purge erases every operation it does not causally precede (on its field; on `$`, on every field):
 *   their content is gone and they no longer count. Purges themselves are never erased.
 * - The heads of a field are its operations neither superseded nor erased; the visible value is the head
 *   highest in (hlc, site, counter). Heads with different values on a sensitive field are a conflict,
 *   kept for a person to resolve.
 * - A record exists when the visible value of `$` is `true`.
 */
import { compareOps, EXISTS_FIELD, opKey, type SyncOp } from './ops';

export type OpStatus = 'head' | 'superseded' | 'erased';

export interface FieldResolution {
  /** The head that gives the field its value, if any. */
  winner: SyncOp | undefined;
  /** Every head, highest first. */
  heads: SyncOp[];
  conflict: boolean;
}

export interface RowResolution {
  exists: boolean;
  fields: Map<string, FieldResolution>;
  /** By `opKey`. */
  status: Map<string, OpStatus>;
}

/** One copy per operation id: a copy with content beats a stub; between two with content, the larger text. */
export function dedupeOps(ops: Iterable<SyncOp>): SyncOp[] {
  const byKey = new Map<string, SyncOp>();
  for (const op of ops) {
    const key = opKey(op);
    const seen = byKey.get(key);
    if (!seen || better(op, seen)) byKey.set(key, op);
  }
  return [...byKey.values()];
}

function better(candidate: SyncOp, current: SyncOp): boolean {
  if (current.value === undefined) return candidate.value !== undefined;
  return candidate.value !== undefined && candidate.value > current.value;
}

/** Every operation reachable through `pred` from `start` (not including it). */
function ancestorsOf(start: SyncOp, byKey: Map<string, SyncOp>, memo: Map<string, Set<string>>): Set<string> {
  const cached = memo.get(opKey(start));
  if (cached) return cached;
  const seen = new Set<string>();
  const stack = start.pred.map(opKey);
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const op = byKey.get(key);
    if (op) for (const p of op.pred) stack.push(opKey(p));
  }
  memo.set(opKey(start), seen);
  return seen;
}

function erasedOps(ops: SyncOp[]): Set<string> {
  const purges = ops.filter((op) => op.purge);
  if (purges.length === 0) return new Set();
  const byKey = new Map(ops.map((op) => [opKey(op), op]));
  const memo = new Map<string, Set<string>>();
  const erased = new Set<string>();
  for (const op of ops) {
    if (op.purge) continue;
    const reaches = purges.some((p) => (p.field === EXISTS_FIELD || p.field === op.field) && !ancestorsOf(op, byKey, memo).has(opKey(p)));
    if (reaches) erased.add(opKey(op));
  }
  return erased;
}

/** Resolves one record from all the operations known for it. */
export function resolveRow(input: Iterable<SyncOp>, sensitive: (field: string) => boolean): RowResolution {
  const ops = dedupeOps(input);
  const erased = erasedOps(ops);
  const superseded = new Set<string>();
  for (const op of ops) {
    for (const p of op.pred) {
      const key = opKey(p);
      if (key !== opKey(op)) superseded.add(`${op.field}\u0000${key}`);
    }
  }
  const status = new Map<string, OpStatus>();
  const headsByField = new Map<string, SyncOp[]>();
  for (const op of ops) {
    const key = opKey(op);
    if (erased.has(key)) status.set(key, 'erased');
    else if (superseded.has(`${op.field}\u0000${key}`)) status.set(key, 'superseded');
    else {
      status.set(key, 'head');
      const heads = headsByField.get(op.field) ?? [];
      heads.push(op);
      headsByField.set(op.field, heads);
    }
  }
  const fields = new Map<string, FieldResolution>();
  for (const op of ops) if (!fields.has(op.field)) fields.set(op.field, { winner: undefined, heads: [], conflict: false });
  for (const [field, heads] of headsByField) {
    heads.sort((a, b) => compareOps(b, a));
    const known = new Set(heads.map((h) => h.value).filter((v) => v !== undefined));
    fields.set(field, { winner: heads[0], heads, conflict: sensitive(field) && known.size > 1 });
  }
  const exists = fields.get(EXISTS_FIELD)?.winner?.value === 'true';
  return { exists, fields, status };
}

/** The visible value of every field of a resolved record (canonical JSON, undefined where unknown). */
export function visibleValues(resolution: RowResolution): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  for (const [field, { winner }] of resolution.fields) values.set(field, winner?.value);
  return values;
}
