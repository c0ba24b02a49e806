import { useEffect } from 'react';
import { call } from '../../api';

/** How often, at most, the backend hears that someone is at the keyboard. */
export const ACTIVITY_REPORT_INTERVAL_MS = 30_000;

/**
 * Tells the backend about keyboard and pointer activity anywhere in the window (throttled), so the idle
 * auto-lock counts from the last real interaction rather than the last backend call.
 */
export function useActivityReporter(): void {
  useEffect(() => {
    let lastReport = Number.NEGATIVE_INFINITY;
    const report = () => {
      const now = performance.now();
      if (now - lastReport < ACTIVITY_REPORT_INTERVAL_MS) return;
      lastReport = now;
      // A LOCKED answer is reported through onLocked; nothing else here needs the user's attention.
      call('session.activity', {}).catch(() => undefined);
    };
    const options = { capture: true, passive: true } as const;
    window.addEventListener('keydown', report, options);
    window.addEventListener('pointerdown', report, options);
    return () => {
      window.removeEventListener('keydown', report, options);
      window.removeEventListener('pointerdown', report, options);
    };
  }, []);
}
