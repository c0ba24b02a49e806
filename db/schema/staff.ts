import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Role } from '../../shared/domain/staff';

export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role').$type<Role>().notNull(),
  /** The key-file slot this person unlocks; the key file itself names nobody. */
  slotId: text('slot_id').notNull().unique(),
  createdAt: text('created_at').notNull(),
});
