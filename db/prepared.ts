/**
 * Statements prepared once per database handle (the vault's ORM, or one transaction) and then reused. The
 * write paths that run per row (an import of 25,000 cases writes a dozen rows for each) would otherwise build
 * and prepare the same SQL again for every row, which costs more than executing it.
 */
import { getTableColumns, sql, type Placeholder } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './repositories/changes';

const statements = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(db: Db, name: string, prepare: () => T): T {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  if (!cache.has(name)) cache.set(name, prepare());
  return cache.get(name) as T;
}

/** A placeholder named after each column: the prepared insert then takes a row object as it is. */
export function placeholdersFor<T extends SQLiteTable>(table: T): Record<keyof T['_']['columns'], Placeholder> {
  return Object.fromEntries(Object.keys(getTableColumns(table)).map((key) => [key, sql.placeholder(key)])) as Record<keyof T['_']['columns'], Placeholder>;
}

/** A prepared insert of whole rows of `table`. */
export function rowInsert<T extends SQLiteTable>(db: Db, table: T, name: string) {
  return prepared(db, name, () => db.insert(table).values(placeholdersFor(table) as never).prepare());
}
