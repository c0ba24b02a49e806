import { and, asc, eq, or } from 'drizzle-orm';
import type { ChangeEntry } from '../../shared/domain/cases';
import { newId } from '../ids';
import { rowInsert } from '../prepared';
import { changes, staff } from '../schema';
import type { Orm } from '../vault';

export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];
export type Db = Orm | Tx;

export interface Author {
  id: string;
  at: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Records one history entry per field whose value differs between `before` and `after`. Every entry is
 * written here, so change ids (`newId`) rise in the order entries are written, which the audit relies on.
 */
export function recordChanges(
  db: Db,
  entity: string,
  rowId: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  author: Author,
): number {
  let written = 0;
  for (const [field, value] of Object.entries(after)) {
    const previous = before?.[field];
    if (before && same(previous, value)) continue;
    rowInsert(db, changes, 'changes.insert').run({
      id: newId(),
      entity,
      rowId,
      field,
      before: before === null || previous === undefined ? null : JSON.stringify(previous),
      after: JSON.stringify(value ?? null),
      at: author.at,
      by: author.id,
    });
    written += 1;
  }
  return written;
}

/** The history of a record and of the child records that belong to it, oldest first. */
export function historyOf(db: Db, rows: { entity: string; rowId: string }[]): ChangeEntry[] {
  if (rows.length === 0) return [];
  const where = or(...rows.map((r) => and(eq(changes.entity, r.entity), eq(changes.rowId, r.rowId))));
  return db
    .select({ change: changes, byName: staff.name })
    .from(changes)
    .leftJoin(staff, eq(staff.id, changes.by))
    .where(where)
    .orderBy(asc(changes.at), asc(changes.id))
    .all()
    .map(({ change, byName }) => ({
      id: change.id,
      entity: change.entity,
      rowId: change.rowId,
      field: change.field,
      before: change.before === null ? null : (JSON.parse(change.before) as unknown),
      after: change.after === null ? null : (JSON.parse(change.after) as unknown),
      by: change.by ? { id: change.by, name: byName ?? '' } : null,
      at: change.at,
    }));
}

export function rowsWithEntity(entity: string, ids: string[]) {
  return ids.map((rowId) => ({ entity, rowId }));
}

