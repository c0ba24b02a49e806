import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './staff';

/**
 * A person's saved views: a name, a filter and a sort (JSON). `scope` says which table they belong to: the case
 * triage (`cases`, a `CaseFilter`) or the aid ledger (`aid`, a `DisbursementFilter`). Built-in views live in code.
 * Local working data of this office: never synced.
 */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => staff.id),
    scope: text('scope', { enum: ['cases', 'aid'] }).notNull().default('cases'),
    name: text('name').notNull(),
    filter: text('filter').notNull(),
    sort: text('sort').notNull().default('[]'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('saved_views_owner').on(table.ownerId)],
);
