import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The tamper-evident log: one entry per write, each carrying the hash of the one before it, so editing,
 * deleting or reordering any entry breaks the chain from that point on (`audit verify`).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    staffId: text('staff_id'),
    method: text('method').notNull(),
    entity: text('entity').notNull(),
    /** JSON array of the ids of the records written. */
    ids: text('ids').notNull(),
    /** SHA-256 (hex) of the written fields' values before and after the write. */
    beforeHash: text('before_hash').notNull(),
    afterHash: text('after_hash').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [index('audit_log_at').on(table.at), index('audit_log_staff').on(table.staffId, table.at)],
);
