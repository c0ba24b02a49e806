import { and, asc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { disbursementFilterSchema, disbursementSortSchema } from '../../shared/domain/aid';
import { builtInAidViews, sameViewName, type AidSavedView, type SaveAidView } from '../../shared/domain/aid-views';
import { AppError } from '../../shared/errors';
import { savedViews } from '../schema';
import type { Db } from './changes';

const own = (ownerId: string) => and(eq(savedViews.ownerId, ownerId), eq(savedViews.scope, 'aid'));

export function listAidViews(db: Db, ownerId: string): AidSavedView[] {
  const rows = db.select().from(savedViews).where(own(ownerId)).orderBy(asc(savedViews.name)).all();
  return [
    ...builtInAidViews,
    ...rows.map((row) => ({
      id: row.id,
      name: row.name,
      filter: disbursementFilterSchema.parse(JSON.parse(row.filter)),
      sort: disbursementSortSchema.array().parse(JSON.parse(row.sort)),
      builtIn: false,
    })),
  ];
}

export function saveAidView(db: Db, ownerId: string, view: SaveAidView, at: string): AidSavedView {
  const taken = [...builtInAidViews.map((v) => v.name), ...db.select({ name: savedViews.name }).from(savedViews).where(own(ownerId)).all().map((r) => r.name)];
  if (taken.some((name) => sameViewName(name, view.name))) throw new AppError('CONFLICT', `name: you already have a view called “${view.name}”.`);
  const id = uuidv7();
  db.insert(savedViews).values({ id, ownerId, scope: 'aid', name: view.name, filter: JSON.stringify(view.filter), sort: JSON.stringify(view.sort), createdAt: at }).run();
  return { id, ...view, builtIn: false };
}

export function deleteAidView(db: Db, ownerId: string, id: string): void {
  const removed = db.delete(savedViews).where(and(eq(savedViews.id, id), own(ownerId))).run();
  if (removed.changes === 0) throw new AppError('NOT_FOUND', 'No such saved ledger view of yours.');
}
