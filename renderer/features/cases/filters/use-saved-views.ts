import { useCallback, useEffect, useState } from 'react';
import type { CaseFilter, CaseSort } from '../../../../shared/domain/cases';
import type { SavedView } from '../../../../shared/domain/views';
import { call } from '../../../api';

/** The saved views (built-in ones first, as the backend lists them). */
export function useSavedViews() {
  const [views, setViews] = useState<SavedView[]>([]);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setViews(await call('views.list', {}));
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const save = useCallback(
    async (name: string, filter: CaseFilter, sort: CaseSort[]) => {
      const view = await call('views.save', { name, filter, sort });
      await load();
      return view;
    },
    [load],
  );

  const remove = useCallback(
    async (id: string) => {
      await call('views.delete', { id });
      await load();
    },
    [load],
  );

  return { views, error, save, remove };
}
