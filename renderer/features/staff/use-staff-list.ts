import { useCallback, useEffect, useState } from 'react';
import type { StaffRecord } from '../../../shared/domain/staff-accounts';
import { call } from '../../api';

export interface StaffList {
  staff: StaffRecord[];
  loaded: boolean;
  error: unknown;
  reload: () => void;
}

/** The office's active staff, for assigning cases and for the admin's staff management. */
export function useStaffList(): StaffList {
  const [staff, setStaff] = useState<StaffRecord[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [token, setToken] = useState(0);

  useEffect(() => {
    let current = true;
    call('staff.list', {})
      .then((list) => {
        if (!current) return;
        setStaff([...list].sort((a, b) => a.name.localeCompare(b.name)));
        setError(null);
      })
      .catch((failure: unknown) => {
        if (current) setError(failure);
      })
      .finally(() => {
        if (current) setLoaded(true);
      });
    return () => {
      current = false;
    };
  }, [token]);

  const reload = useCallback(() => setToken((value) => value + 1), []);
  return { staff, loaded, error, reload };
}
