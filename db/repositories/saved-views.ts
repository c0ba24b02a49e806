/**
 * Saved views: a filter and a sort under a name, kept per staff member and per list (`scope` of the
 * `saved_views` table), listed after the built-in views of that list. The case table's views and the
 * ledger's are two stores of this one kind.
 */
import { and, asc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { sameViewName } from '../../shared/domain/aid-views';
import { AppError } from '../../shared/errors';
import { savedViews } from '../schema';
import type { Db } from './changes';

export interface StoredView<F, S> {
  id: string;
  name: string;
  filter: F;
  sort: S[];
  builtIn: boolean;
}

export interface ViewStoreOptions<F, S> {
  scope: 'cases' | 'aid';
  filter: z.ZodType<F>;
  sort: z.ZodType<S>;
  builtIns: readonly StoredView<F, S>[];
  /** Whether a new view may not take a name already in use (built-in or the member's own). */
  uniqueNames: boolean;
  /** The refusal when the view to delete is none of the member's. */
  notFound: string;
}

export function viewStore<F, S>(options: ViewStoreOptions<F, S>) {
  const own = (ownerId: string) => and(eq(savedViews.ownerId, ownerId), eq(savedViews.scope, options.scope));
  return {
    list(db: Db, ownerId: string): StoredView<F, S>[] {
      const rows = db.select().from(savedViews).where(own(ownerId)).orderBy(asc(savedViews.name)).all();
      return [
        ...options.builtIns,
        ...rows.map((row) => ({
          id: row.id,
          name: row.name,
          filter: options.filter.parse(JSON.parse(row.filter)),
          sort: options.sort.array().parse(JSON.parse(row.sort)),
          builtIn: false,
        })),
      ];
    },
    save(db: Db, ownerId: string, view: { name: string; filter: F; sort: S[] }, at: string): StoredView<F, S> {
      if (options.uniqueNames) {
        const taken = [...options.builtIns.map((v) => v.name), ...db.select({ name: savedViews.name }).from(savedViews).where(own(ownerId)).all().map((r) => r.name)];
        if (taken.some((name) => sameViewName(name, view.name))) throw new AppError('CONFLICT', `name: you already have a view called “${view.name}”.`);
      }
      const id = uuidv7();
      db.insert(savedViews).values({ id, ownerId, scope: options.scope, name: view.name, filter: JSON.stringify(view.filter), sort: JSON.stringify(view.sort), createdAt: at }).run();
      return { id, ...view, builtIn: false };
    },
    remove(db: Db, ownerId: string, id: string): void {
      const removed = db.delete(savedViews).where(and(eq(savedViews.id, id), own(ownerId))).run();
      if (removed.changes === 0) throw new AppError('NOT_FOUND', options.notFound);
    },
  };
}
