import { call } from '../../api';
import { useRemote } from '../../components/use-remote';

const PAGE = 200;

/** The first page of the review queue, fetched on open and after each decision. */
export function useDuplicateQueue() {
  const { value, error, loading, reload } = useRemote(() => call('duplicates.list', { offset: 0, limit: PAGE }), []);
  return { page: value, error, loading, reload };
}
