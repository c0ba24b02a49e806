import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './staff';

/** Field-level history of every change a person makes: what a record's history page shows. */
export const changes = sqliteTable(
  'changes',
  {
    id: text('id').primaryKey(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    /** JSON of the value before and after; null where there was none. */
    before: text('before'),
    after: text('after'),
    at: text('at').notNull(),
    by: text('by').references(() => staff.id),
  },
  (table) => [index('changes_row').on(table.entity, table.rowId, table.at)],
);
