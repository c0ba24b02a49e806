import { useCallback, useEffect, useState } from 'react';
import type { CaseDetail } from '../../../../shared/domain/cases';
import { call } from '../../../api';

/** One case, fetched when opened and on demand; held only in component state. */
export function useCaseDetail(caseId: string) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [token, setToken] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    call('cases.get', { id: caseId })
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
  }, [caseId, token]);

  const reload = useCallback(() => setToken((value) => value + 1), []);
  return { detail, setDetail, error, loading, reload };
}
