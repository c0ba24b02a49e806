import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Role } from '../../shared/domain/staff';

export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role').$type<Role>().notNull(),
  /** The key-file slot this person unlocks; the key file itself names nobody. */
  slotId: text('slot_id').notNull().unique(),
  /** Set for an account created with a one-time passphrase, until its owner chooses their own. */
  mustChangePassphrase: integer('must_change_passphrase', { mode: 'boolean' }).notNull().default(false),
  /** Removed accounts keep their row, so the history still names who did what; their key slot is gone. */
  removedAt: text('removed_at'),
  createdAt: text('created_at').notNull(),
});
