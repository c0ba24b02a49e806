import { call } from '../../api';
import { useRemote } from '../../components/use-remote';

export function useProgrammes() {
  return useRemote(() => call('aid.programmes.list', {}), []);
}
