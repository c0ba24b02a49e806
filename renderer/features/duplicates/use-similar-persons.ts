import { useEffect, useState } from 'react';
import type { SimilarPerson } from '../../../shared/domain/duplicates';
import { call } from '../../api';
import { useDebouncedValue } from '../../components/use-debounced-value';

/** Persons already in the vault who look like `name` (looked up once typing pauses). */
export function useSimilarPersons(name: string): SimilarPerson[] {
  const settled = useDebouncedValue(name.trim(), 400);
  const [matches, setMatches] = useState<SimilarPerson[]>([]);
  useEffect(() => {
    let current = true;
    if (settled.length < 3) {
      setMatches([]);
      return;
    }
    call('persons.similar', { name: settled, limit: 3 })
      .then((found) => {
        if (current) setMatches(found);
      })
      .catch(() => {
        // The warning is advice: a failed look-up must never stand in the way of recording a case.
        if (current) setMatches([]);
      });
    return () => {
      current = false;
    };
  }, [settled]);
  return matches;
}
