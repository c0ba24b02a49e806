import { call } from '../../../api';
import { useRemote } from '../../../components/use-remote';

/** One case, fetched when opened and on demand; held only in component state. */
export function useCaseDetail(caseId: string) {
  const { value, setValue, error, loading, reload } = useRemote(() => call('cases.get', { id: caseId }), [caseId]);
  return { detail: value, setDetail: setValue, error, loading, reload };
}
