/**
 * Writes a labelled population into a vault the way the app does: persons through insertPerson (history,
 * search index, match keys), each recorded event as a case naming the person as its victim through
 * insertCases, relations as relation rows.
 */
import { personRelations } from '../db/schema';
import { insertCases } from '../db/repositories/cases';
import { insertPerson } from '../db/repositories/persons';
import type { OpenVault } from '../db/vault';
import type { ParsedNewCase, Region } from '../shared/domain/cases';
import type { LabelledPopulation } from './duplicate-data';

export interface Written {
  /** Generated id → vault id. */
  readonly idOf: Map<string, string>;
  readonly personsS: number;
  readonly casesS: number;
  readonly cases: number;
}

export function writePopulation(vault: OpenVault, population: LabelledPopulation): Written {
  const author = { id: vault.user.id, at: new Date().toISOString() };
  const idOf = new Map<string, string>();
  let started = performance.now();
  for (let i = 0; i < population.persons.length; i += 10_000) {
    vault.orm.transaction((tx) => {
      for (const p of population.persons.slice(i, i + 10_000)) {
        const { id, identity: _identity, events: _events, ...fields } = p;
        idOf.set(id, insertPerson(tx, { ...fields, flags: {}, notes: '', locality: fields.locality ?? '' }, author).id);
      }
    });
  }
  vault.orm.transaction((tx) => {
    for (const r of population.relations) {
      tx.insert(personRelations).values({ id: crypto.randomUUID(), personId: idOf.get(r.personId)!, relativeId: idOf.get(r.relativeId)!, relation: 'other-relative', createdAt: author.at }).run();
    }
  });
  const personsS = (performance.now() - started) / 1000;
  started = performance.now();
  const cases: ParsedNewCase[] = [];
  for (const p of population.persons) {
    for (const e of p.events ?? []) {
      cases.push({
        title: e.place === '' ? 'Detention' : `Detention: ${e.place}`,
        summary: '',
        region: (p.region ?? 'unknown') satisfies Region,
        priority: 'normal',
        placeOfDetention: e.place,
        articles: [...e.articles],
        eventDate: e.date,
        persons: [{ personId: idOf.get(p.id)!, role: 'victim' }],
      });
    }
  }
  for (let i = 0; i < cases.length; i += 10_000) vault.orm.transaction((tx) => insertCases(tx, cases.slice(i, i + 10_000), author));
  return { idOf, personsS, casesS: (performance.now() - started) / 1000, cases: cases.length };
}
