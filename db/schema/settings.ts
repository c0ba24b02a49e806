import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Office-wide settings as key → JSON value; validated by `settingsSchema` on read and write. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});
