import { useCallback, useEffect, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';

export interface Remote<T> {
  /** The last value that arrived; kept while the next one loads and when a later load fails. */
  value: T | null;
  setValue: Dispatch<SetStateAction<T | null>>;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/**
 * What `load` fetches from the backend, fetched again whenever `deps` change or on `reload()`.
 * An answer that arrives after unmount or after the inputs changed is dropped.
 */
export function useRemote<T>(load: () => Promise<T>, deps: DependencyList): Remote<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [token, setToken] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    load()
      .then((next) => {
        if (!current) return;
        setValue(next);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (current) setError(failure);
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
    // `load` is new every render; `deps` stand for what it reads.
  }, [...deps, token]);

  const reload = useCallback(() => setToken((count) => count + 1), []);
  return { value, setValue, loading, error, reload };
}
