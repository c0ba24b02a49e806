import type { DisbursementFilter, DisbursementSort } from '../../../shared/domain/aid';
import type { AidSavedView } from '../../../shared/domain/aid-views';
import { call } from '../../api';
import { useViewList, type ViewListApi } from '../views/use-view-list';

const ledgerViews: ViewListApi<AidSavedView, DisbursementFilter, DisbursementSort> = {
  list: () => call('aid.views.list', {}),
  save: (name, filter, sort) => call('aid.views.save', { name, filter, sort }),
  remove: (id) => call('aid.views.delete', { id }),
};

/** The person's saved views of the aid ledger. */
export const useLedgerViews = () => useViewList(ledgerViews);
