import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Which record each row of the full-text index (`search_index`, an FTS5 table created in migration 0002)
 * belongs to: the FTS row's rowid is `docid`, so updating a record's entry is a lookup, not a scan.
 */
export const searchDocs = sqliteTable(
  'search_docs',
  {
    docid: integer('docid').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
  },
  (table) => [uniqueIndex('search_docs_row').on(table.entity, table.rowId)],
);
