import { and, asc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { caseFilterSchema, caseSortSchema, type CaseFilter, type CaseSort } from '../../shared/domain/cases';
import { builtInViews, type SavedView } from '../../shared/domain/views';
import { AppError } from '../../shared/errors';
import { savedViews } from '../schema';
import type { Db } from './changes';

export function listViews(db: Db, ownerId: string): SavedView[] {
  const own = db.select().from(savedViews).where(and(eq(savedViews.ownerId, ownerId), eq(savedViews.scope, 'cases'))).orderBy(asc(savedViews.name)).all();
  return [
    ...builtInViews,
    ...own.map((row) => ({
      id: row.id,
      name: row.name,
      filter: caseFilterSchema.parse(JSON.parse(row.filter)),
      sort: caseSortSchema.array().parse(JSON.parse(row.sort)),
      builtIn: false,
    })),
  ];
}

export function saveView(db: Db, ownerId: string, view: { name: string; filter: CaseFilter; sort: CaseSort[] }, at: string): SavedView {
  const id = uuidv7();
  db.insert(savedViews).values({ id, ownerId, name: view.name, filter: JSON.stringify(view.filter), sort: JSON.stringify(view.sort), createdAt: at }).run();
  return { id, ...view, builtIn: false };
}

export function deleteView(db: Db, ownerId: string, id: string): void {
  const removed = db.delete(savedViews).where(and(eq(savedViews.id, id), eq(savedViews.ownerId, ownerId), eq(savedViews.scope, 'cases'))).run();
  if (removed.changes === 0) throw new AppError('NOT_FOUND', 'No such saved view of yours.');
}
