import { call } from '../../api';
import { useRemote } from '../../components/use-remote';

const PAGE = 200;

/** The first page of each band of the review queue (likely, possible), fetched on open and after each decision. */
export function useDuplicateQueue() {
  const { value, error, loading, reload } = useRemote(
    async () => {
      const [likely, possible] = await Promise.all([call('duplicates.list', { offset: 0, limit: PAGE, band: 'likely' }), call('duplicates.list', { offset: 0, limit: PAGE, band: 'possible' })]);
      return { likely, possible };
    },
    [],
  );
  return { likely: value?.likely ?? null, possible: value?.possible ?? null, error, loading, reload };
}
