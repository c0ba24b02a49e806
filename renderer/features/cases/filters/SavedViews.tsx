import type { CaseFilter, CaseSort } from '../../../../shared/domain/cases';
import { VIEW_NAME_MAX, type SavedView } from '../../../../shared/domain/views';
import type { Notice } from '../../../components/NoticeLine';
import { errorText } from '../../../components/error-text';
import { ViewPicker } from '../../views/ViewPicker';
import { useSavedViews } from './use-saved-views';
import { viewName } from './view-name';

interface SavedViewsProps {
  viewId: string;
  onApply: (view: SavedView | null) => void;
  filter: CaseFilter;
  sort: CaseSort[];
  onNotice: (notice: Notice) => void;
}

/** The saved views of the triage table. */
export function SavedViews(props: SavedViewsProps) {
  return <ViewPicker {...props} messages="views" list={useSavedViews()} nameMax={VIEW_NAME_MAX} viewName={viewName} errorText={errorText} />;
}
