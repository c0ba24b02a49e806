import type { Handlers } from '../../shared/api';
import { refreshCasesOfPerson } from '../../db/repositories/cases';
import {
  addRelation,
  getPersonDetail,
  insertNamedPerson,
  insertPerson,
  listPersons,
  removeRelation,
  toPersonRecord,
  updatePerson,
} from '../../db/repositories/persons';
import type { BackendContext } from '../context';
import { authorOf } from './author';

export function personHandlers(context: BackendContext) {
  const orm = () => context.session.require().orm;
  return {
    'persons.list': (query) => listPersons(orm(), query),
    'persons.get': ({ id }) => getPersonDetail(orm(), id),
    'persons.create': (input) => {
      const author = authorOf(context);
      return toPersonRecord(context.write((tx) => insertPerson(tx, input, author)));
    },
    'persons.createMany': ({ persons }) => {
      const author = authorOf(context);
      return { ids: context.write((tx) => persons.map((p) => insertNamedPerson(tx, p, author).id)) };
    },
    'persons.update': ({ id, patch }) => {
      const author = authorOf(context);
      return toPersonRecord(
        context.write((tx) => {
          const row = updatePerson(tx, id, patch, author);
          // A changed name must show, and be found, on every case that names the person.
          refreshCasesOfPerson(tx, id);
          return row;
        }),
      );
    },
    'persons.addRelation': (input) => {
      const author = authorOf(context);
      context.write((tx) => addRelation(tx, input, author));
      return getPersonDetail(orm(), input.personId);
    },
    'persons.removeRelation': (input) => {
      const author = authorOf(context);
      context.write((tx) => removeRelation(tx, input, author));
      return getPersonDetail(orm(), input.personId);
    },
  } satisfies Pick<
    Handlers,
    'persons.list' | 'persons.get' | 'persons.create' | 'persons.createMany' | 'persons.update' | 'persons.addRelation' | 'persons.removeRelation'
  >;
}
