import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One row: the office that owns this vault. `id` equals the vault id in the key file, binding the two. */
export const office = sqliteTable('office', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull(),
});
