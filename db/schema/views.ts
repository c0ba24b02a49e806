import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './staff';

/** A person's saved triage views: a name and a `CaseFilter` (JSON). Built-in views live in code. */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => staff.id),
    name: text('name').notNull(),
    filter: text('filter').notNull(),
    sort: text('sort').notNull().default('[]'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('saved_views_owner').on(table.ownerId)],
);
