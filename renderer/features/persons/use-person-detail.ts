import { useCallback, useEffect, useState } from 'react';
import type { PersonDetail } from '../../../shared/domain/persons';
import { call } from '../../api';

/** One person with relatives and cases, fetched when opened and on demand; held only in component state. */
export function usePersonDetail(personId: string) {
  const [detail, setDetail] = useState<PersonDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [token, setToken] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    call('persons.get', { id: personId })
      .then((next) => {
        if (!current) return;
        setDetail(next);
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
  }, [personId, token]);

  const reload = useCallback(() => setToken((value) => value + 1), []);
  return { detail, setDetail, error, loading, reload };
}
