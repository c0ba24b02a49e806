import type { Handlers } from '../../shared/api';
import { listDuplicates, refreshDuplicates, similarPersons, skipDuplicate } from '../../db/repositories/duplicates';
import { markNotSame, mergePersons, personGroupInfo, unmergePersons } from '../../db/repositories/person-links';
import { getPersonRow } from '../../db/repositories/persons';
import type { BackendContext } from '../context';
import { authorOf } from './author';

export function duplicateHandlers(context: BackendContext) {
  const orm = () => context.session.require().orm;
  return {
    'persons.merge': ({ a, b }) => {
      const author = authorOf(context);
      context.write((tx) => mergePersons(tx, a, b, author));
      return personGroupInfo(orm(), a);
    },
    'persons.notSame': ({ a, b }) => {
      const author = authorOf(context);
      context.write((tx) => markNotSame(tx, a, b, author));
      return { decided: 'not_same' as const };
    },
    'persons.unmerge': ({ a, b }) => {
      const author = authorOf(context);
      context.write((tx) => unmergePersons(tx, a, b, author));
      return { unmerged: true as const };
    },
    'persons.group': ({ id }) => {
      getPersonRow(orm(), id);
      return personGroupInfo(orm(), id);
    },
    'persons.similar': (input) => similarPersons(orm(), input),
    'duplicates.list': (query) => listDuplicates(orm(), query),
    'duplicates.scan': ({ full }) => {
      const at = context.platform.now().toISOString();
      // Candidates are derived working data: the write changes no record, so it leaves no audit entry.
      return context.write((tx) => refreshDuplicates(tx, at, full));
    },
    'duplicates.skip': ({ a, b }) => {
      context.write((tx) => skipDuplicate(tx, a, b));
      return { skipped: true as const };
    },
  } satisfies Pick<
    Handlers,
    'persons.merge' | 'persons.notSame' | 'persons.unmerge' | 'persons.group' | 'persons.similar' | 'duplicates.list' | 'duplicates.scan' | 'duplicates.skip'
  >;
}
