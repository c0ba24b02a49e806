import type { CaseFilter, CaseSort } from '../../../../shared/domain/cases';
import type { SavedView } from '../../../../shared/domain/views';
import { call } from '../../../api';
import { useViewList, type ViewListApi } from '../../views/use-view-list';

const caseViews: ViewListApi<SavedView, CaseFilter, CaseSort> = {
  list: () => call('views.list', {}),
  save: (name, filter, sort) => call('views.save', { name, filter, sort }),
  remove: (id) => call('views.delete', { id }),
};

/** The saved views of the case triage table. */
export const useSavedViews = () => useViewList(caseViews);
