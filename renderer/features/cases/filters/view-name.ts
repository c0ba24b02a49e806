import type { TFunction } from 'i18next';
import type { SavedView } from '../../../../shared/domain/views';

/** Built-in views are named in the interface language, by id; people's own views by the name they gave. */
export function viewName(t: TFunction, view: SavedView): string {
  if (view.builtIn && view.id === 'builtin:urgent-unassigned') return t('views.builtIn.urgentUnassigned');
  if (view.builtIn && view.id === 'builtin:my-cases') return t('views.builtIn.myCases');
  return view.name;
}
