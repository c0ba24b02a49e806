import { useEffect, useState } from 'react';
import type { PersonRecord } from '../../../shared/domain/persons';
import { call } from '../../api';
import { useDebouncedValue } from '../../components/use-debounced-value';

/** Persons whose names match `query` (any script), looked up 250 ms after typing stops. */
export function usePersonSearch(query: string, limit = 8) {
  const settled = useDebouncedValue(query.trim(), 250);
  const [results, setResults] = useState<PersonRecord[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!settled) {
      setResults([]);
      return;
    }
    let current = true;
    call('persons.list', { search: settled, limit })
      .then((page) => {
        if (current) {
          setResults(page.rows);
          setError(null);
        }
      })
      .catch((failure: unknown) => {
        if (current) setError(failure);
      });
    return () => {
      current = false;
    };
  }, [settled, limit]);

  return { results: settled ? results : [], error, searched: settled !== '' };
}
