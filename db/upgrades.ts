/**
 * Data upgrades that SQL migrations cannot do alone, run at unlock after the migrations: they need
 * application code (name splitting, transliteration). Each is idempotent and finds its own work.
 */
import { and, eq, sql } from 'drizzle-orm';
import { splitFullName } from '../shared/domain/persons';
import { cases, persons, settings } from './schema';
import { reindexCase } from './repositories/cases';
import { reindexPerson, latinNameOf } from './repositories/persons';
import { keysFor } from './search';
import type { Orm } from './vault';

const DONE = 'upgrade.0002-persons-and-search';

export function runDataUpgrades(orm: Orm): void {
  if (orm.select({ key: settings.key }).from(settings).where(eq(settings.key, DONE)).get()) return;
  orm.transaction((tx) => {
    // Persons created by migration 0002 from a case's person name: split the name, compute its keys.
    const pending = tx
      .select()
      .from(persons)
      .where(and(eq(persons.givenName, ''), eq(persons.familyName, ''), eq(persons.patronymic, '')))
      .all();
    for (const row of pending) {
      const parts = splitFullName(row.displayName);
      const next = { ...row, ...parts, latinName: latinNameOf(row.displayName), nameKeys: keysFor([row.displayName]) };
      tx.update(persons).set(next).where(eq(persons.id, row.id)).run();
      reindexPerson(tx, next);
    }
    // Cases that have no search row yet (written before search existed).
    const unindexed = tx
      .select({ id: cases.id })
      .from(cases)
      .where(sql`${cases.id} NOT IN (SELECT row_id FROM search_docs WHERE entity = 'case')`)
      .all();
    for (const { id } of unindexed) reindexCase(tx, id);
    tx.insert(settings).values({ key: DONE, value: 'true', updatedAt: new Date().toISOString() }).run();
  });
}
