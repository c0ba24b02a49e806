import { call } from '../../api';
import { useRemote } from '../../components/use-remote';

/** One person with relatives and cases, fetched when opened and on demand; held only in component state. */
export function usePersonDetail(personId: string) {
  const { value, setValue, error, loading, reload } = useRemote(() => call('persons.get', { id: personId }), [personId]);
  return { detail: value, setDetail: setValue, error, loading, reload };
}
