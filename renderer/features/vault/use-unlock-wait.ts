import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api';

/**
 * Seconds left before the backend accepts the next unlock try (0: now), counting down. `refresh` asks the
 * backend again, after a wrong passphrase; the count lives outside the vault and survives restarts. The
 * wait comes from the backend's clock as a duration, so a skewed page clock cannot shorten it.
 */
export function useUnlockWait(): { seconds: number; refresh: () => void } {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => performance.now());

  const refresh = useCallback(() => {
    call('vault.attempts', {})
      .then((state) => {
        const at = performance.now();
        setNow(at);
        setUntil(state.waitSeconds > 0 ? at + state.waitSeconds * 1000 : null);
      })
      .catch(() => undefined);
  }, []);

  useEffect(refresh, [refresh]);

  const seconds = until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
  useEffect(() => {
    if (seconds <= 0) return;
    const timer = window.setTimeout(() => setNow(performance.now()), 250);
    return () => window.clearTimeout(timer);
  }, [seconds, now]);

  return { seconds, refresh };
}
