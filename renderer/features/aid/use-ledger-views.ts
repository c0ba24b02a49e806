import { useCallback, useEffect, useState } from 'react';
import type { DisbursementFilter, DisbursementSort } from '../../../shared/domain/aid';
import type { AidSavedView } from '../../../shared/domain/aid-views';
import { call } from '../../api';

/** The person's saved ledger views (built-in ones first, as the backend lists them). */
export function useLedgerViews() {
  const [views, setViews] = useState<AidSavedView[]>([]);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setViews(await call('aid.views.list', {}));
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const save = useCallback(
    async (name: string, filter: DisbursementFilter, sort: DisbursementSort[]) => {
      const view = await call('aid.views.save', { name, filter, sort });
      await load();
      return view;
    },
    [load],
  );

  const remove = useCallback(
    async (id: string) => {
      await call('aid.views.delete', { id });
      await load();
    },
    [load],
  );

  return { views, error, save, remove };
}
