import type { Handlers } from '../../shared/api';
import { AppError } from '../../shared/errors';
import {
  addNote,
  addSource,
  assignCases,
  caseHistory,
  countCases,
  getCaseDetail,
  getCaseRecord,
  insertCases,
  linkPerson,
  listCases,
  removeSource,
  setPriority,
  setStatus,
  unlinkPerson,
  updateCase,
} from '../../db/repositories/cases';
import type { BackendContext } from '../context';
import { authorOf } from './author';

/** Sources are for coordinators and admins only: every other role gets case details without them. */
const seesSources = (role: string) => role === 'admin' || role === 'coordinator';

export function caseHandlers(context: BackendContext) {
  const { session } = context;
  const orm = () => session.require().orm;
  const me = () => session.require().user;
  const detail = (id: string) => getCaseDetail(orm(), id, { withSources: seesSources(me().role) });

  return {
    'cases.list': (query) => listCases(orm(), query, me().id),
    'cases.get': ({ id }) => detail(id),
    'cases.create': (input) => {
      const author = authorOf(context);
      const [id] = context.write((tx) => insertCases(tx, [input], author));
      if (!id) throw new AppError('INTERNAL', 'The case was not written.');
      return getCaseRecord(orm(), id);
    },
    'cases.createMany': ({ cases }) => {
      const author = authorOf(context);
      return { ids: context.write((tx) => insertCases(tx, cases, author)) };
    },
    'cases.update': ({ id, patch, expectedUpdatedAt }) => {
      const author = authorOf(context);
      context.write((tx) => updateCase(tx, id, patch, expectedUpdatedAt, author));
      return detail(id);
    },
    'cases.setStatus': ({ ids, status, reason }) => {
      const author = authorOf(context);
      return { updated: context.write((tx) => setStatus(tx, ids, status, reason, author)) };
    },
    'cases.assign': ({ ids, assigneeId }) => {
      const author = authorOf(context);
      return { updated: context.write((tx) => assignCases(tx, ids, assigneeId, author)) };
    },
    'cases.setPriority': ({ ids, priority }) => {
      const author = authorOf(context);
      return { updated: context.write((tx) => setPriority(tx, ids, priority, author)) };
    },
    'cases.addNote': ({ caseId, body }) => {
      const author = authorOf(context);
      const id = context.write((tx) => addNote(tx, caseId, body, author));
      return { id, body, author: { id: me().id, name: me().name }, createdAt: author.at };
    },
    'cases.linkPerson': (input) => {
      const author = authorOf(context);
      context.write((tx) => linkPerson(tx, input, author));
      return detail(input.caseId);
    },
    'cases.unlinkPerson': (input) => {
      const author = authorOf(context);
      context.write((tx) => unlinkPerson(tx, input, author));
      return detail(input.caseId);
    },
    'cases.history': ({ id }) => caseHistory(orm(), id),
    'cases.addSource': (input) => {
      const author = authorOf(context);
      return context.write((tx) => addSource(tx, input, author));
    },
    'cases.removeSource': ({ id }) => {
      const author = authorOf(context);
      context.write((tx) => removeSource(tx, id, author));
      return { removed: true as const };
    },
    'status.get': () => {
      const vault = session.require();
      return { office: vault.officeName, cases: countCases(vault.orm), user: { id: vault.user.id, name: vault.user.name, role: vault.user.role } };
    },
  } satisfies Pick<
    Handlers,
    | 'cases.list'
    | 'cases.get'
    | 'cases.create'
    | 'cases.createMany'
    | 'cases.update'
    | 'cases.setStatus'
    | 'cases.assign'
    | 'cases.setPriority'
    | 'cases.addNote'
    | 'cases.linkPerson'
    | 'cases.unlinkPerson'
    | 'cases.history'
    | 'cases.addSource'
    | 'cases.removeSource'
    | 'status.get'
  >;
}

