import type { AuditPage } from '../../../shared/domain/audit';
import { call } from '../../api';
import { useRemote } from '../../components/use-remote';

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
  const { value, loading, error } = useRemote(() => {
    const query = JSON.parse(key) as AuditFilter;
    return call('audit.list', { ...query, offset: pageIndex * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE });
  }, [key, pageIndex]);
  return { page: value, loading, error };
}
