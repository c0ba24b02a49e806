import { disbursementFilterSchema, disbursementSortSchema } from '../../shared/domain/aid';
import { builtInAidViews } from '../../shared/domain/aid-views';
import { viewStore } from './saved-views';

/** The ledger's saved views: a name is taken once, built-in names included. */
const ledgerViews = viewStore({ scope: 'aid', filter: disbursementFilterSchema, sort: disbursementSortSchema, builtIns: builtInAidViews, uniqueNames: true, notFound: 'No such saved ledger view of yours.' });

export const listAidViews = ledgerViews.list;
export const saveAidView = ledgerViews.save;
export const deleteAidView = ledgerViews.remove;
