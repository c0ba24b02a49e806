import { useCallback, useEffect, useState } from 'react';

/** How one list of saved views is read and written: the case views and the ledger views differ only here. */
export interface ViewListApi<View, Filter, Sort> {
  list(): Promise<View[]>;
  save(name: string, filter: Filter, sort: Sort[]): Promise<View>;
  remove(id: string): Promise<unknown>;
}

/** A list of saved views (built-in ones first, as the backend lists them), reloaded after each change. */
export function useViewList<View, Filter, Sort>(api: ViewListApi<View, Filter, Sort>) {
  const [views, setViews] = useState<View[]>([]);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setViews(await api.list());
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = useCallback(
    async (name: string, filter: Filter, sort: Sort[]) => {
      const view = await api.save(name, filter, sort);
      await load();
      return view;
    },
    [api, load],
  );

  const remove = useCallback(
    async (id: string) => {
      await api.remove(id);
      await load();
    },
    [api, load],
  );

  return { views, error, save, remove };
}

/** What a picker needs of one loaded list of saved views. */
export type ViewList<View, Filter, Sort> = ReturnType<typeof useViewList<View, Filter, Sort>>;
