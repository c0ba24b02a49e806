import { useEffect, useState } from 'react';
import type { AuditPage } from '../../../shared/domain/audit';
import { call } from '../../api';

export const AUDIT_PAGE_SIZE = 100;

/** Only values the backend accepts: the view leaves out what is still being typed or is invalid. */
export interface AuditFilter {
  staffId?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export interface AuditPageState {
  page: AuditPage | null;
  loading: boolean;
  error: unknown;
}

/** One page of entries, newest first, for `filter`; refetched whenever the filter or the page changes. */
export function useAuditPage(filter: AuditFilter, pageIndex: number): AuditPageState {
  const key = JSON.stringify(filter);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setLoading(true);
    const query = JSON.parse(key) as AuditFilter;
    call('audit.list', { ...query, offset: pageIndex * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE })
      .then((result) => {
        if (!current) return;
        setPage(result);
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
  }, [key, pageIndex]);

  return { page, loading, error };
}
