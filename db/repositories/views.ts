import { caseFilterSchema, caseSortSchema } from '../../shared/domain/cases';
import { builtInViews } from '../../shared/domain/views';
import { viewStore } from './saved-views';

/** The case table's saved views (names may repeat, as they always could). */
const caseViews = viewStore({ scope: 'cases', filter: caseFilterSchema, sort: caseSortSchema, builtIns: builtInViews, uniqueNames: false, notFound: 'No such saved view of yours.' });

export const listViews = caseViews.list;
export const saveView = caseViews.save;
export const deleteView = caseViews.remove;
