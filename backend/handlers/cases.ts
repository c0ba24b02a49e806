import type { Handlers } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { countCases, getCase, insertCases, listCases } from '../../db/repositories/cases';
import type { BackendContext } from '../context';

export function caseHandlers({ platform, session }: BackendContext) {
  return {
    'cases.list': (query) => listCases(session.require().orm, query),
    'cases.get': ({ id }) => {
      const found = getCase(session.require().orm, id);
      if (!found) throw new AppError('NOT_FOUND', `No case with id ${id}.`);
      return found;
    },
    'cases.create': (input) => {
      const vault = session.require();
      const [created] = insertCases(vault.orm, [input], vault.user.id, platform.now().toISOString());
      if (!created) throw new AppError('INTERNAL', 'The case was not written.');
      return created;
    },
    'cases.createMany': ({ cases }) => {
      const vault = session.require();
      return { ids: insertCases(vault.orm, cases, vault.user.id, platform.now().toISOString()).map((c) => c.id) };
    },
    'status.get': () => {
      const vault = session.require();
      return { office: vault.officeName, cases: countCases(vault.orm), user: vault.user };
    },
  } satisfies Pick<Handlers, 'cases.list' | 'cases.get' | 'cases.create' | 'cases.createMany' | 'status.get'>;
}
