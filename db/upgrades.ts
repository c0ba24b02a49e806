/**
 * Data upgrades that SQL migrations cannot do alone, run at unlock after the migrations: they need
 * application code (name splitting, transliteration). Each is idempotent and finds its own work.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { splitFullName } from '../shared/domain/persons';
import { casePersons, cases, persons, settings } from './schema';
import { reindexCase } from './repositories/cases';
import { reindexPerson, latinNameOf } from './repositories/persons';
import { upgradeMatchIndex } from './match-index';
import { keysFor } from './search';
import type { Orm } from './vault';

const DONE = 'upgrade.0002-persons-and-search';

export function runDataUpgrades(orm: Orm): void {
  upgradePersonsAndSearch(orm);
  rekeyRussianSystems(orm);
  orm.transaction((tx) => upgradeMatchIndex(tx));
}

function done(orm: Orm, key: string): boolean {
  return orm.select({ key: settings.key }).from(settings).where(eq(settings.key, key)).get() !== undefined;
}

const REKEYED = 'upgrade.0006-russian-systems-iuliia';
/**
 * Words the Russian systems render differently since they moved to iuliia: Ukrainian є ї ґ, and Belarusian
 * і ў or an apostrophe in a word that also has Russian и щ ъ (other Belarusian words never meet a Russian system).
 */
function rendersDifferently(text: string): boolean {
  return text.split(/\s+/).some((word) => /[єїґЄЇҐ]/.test(word) || (/[іІўЎʼ'’]/.test(word) && /[иИщЩъЪ]/.test(word)));
}

/**
 * The Russian systems are rendered by iuliia since this upgrade. Russian text keeps exactly its keys; only names
 * mixing Russian letters with Belarusian or Ukrainian ones (ў є ї ґ) may render differently. Those rows are found
 * by their letters and re-keyed when their keys changed.
 */
function rekeyRussianSystems(orm: Orm): void {
  if (done(orm, REKEYED)) return;
  orm.transaction((tx) => {
    const rekeyed: string[] = [];
    for (const row of tx.select().from(persons).all()) {
      if (!rendersDifferently(row.displayName)) continue;
      const nameKeys = keysFor([row.displayName]);
      if (nameKeys === row.nameKeys) continue;
      const next = { ...row, nameKeys, latinName: latinNameOf(row.displayName) };
      tx.update(persons).set({ nameKeys, latinName: next.latinName }).where(eq(persons.id, row.id)).run();
      reindexPerson(tx, next);
      rekeyed.push(row.id);
    }
    const caseIds = new Set<string>();
    for (let i = 0; i < rekeyed.length; i += 500) {
      for (const { caseId } of tx.select({ caseId: casePersons.caseId }).from(casePersons).where(inArray(casePersons.personId, rekeyed.slice(i, i + 500))).all()) caseIds.add(caseId);
    }
    for (const row of tx.select({ id: cases.id, title: cases.title, personName: cases.personName, locality: cases.locality, place: cases.placeOfDetention }).from(cases).all()) {
      if (rendersDifferently(`${row.title} ${row.personName} ${row.locality} ${row.place}`)) caseIds.add(row.id);
    }
    for (const id of caseIds) reindexCase(tx, id);
    tx.insert(settings).values({ key: REKEYED, value: 'true', updatedAt: new Date().toISOString() }).run();
  });
}

function upgradePersonsAndSearch(orm: Orm): void {
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
