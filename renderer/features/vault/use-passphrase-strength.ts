import { useEffect, useState } from 'react';
import type { PassphraseStrength } from '../../../shared/passphrase/strength';
import { useDebouncedValue } from '../../components/use-debounced-value';

type Estimator = typeof import('../../../shared/passphrase/strength').estimatePassphrase;

let loading: Promise<Estimator> | null = null;

/** The dictionaries are large: they load on first use, in their own chunk, not with the app. */
function loadEstimator(): Promise<Estimator> {
  loading ??= import('../../../shared/passphrase/strength').then((module) => module.estimatePassphrase);
  return loading;
}

/**
 * The strength of `value` as the backend will judge it, once typing pauses; null while there is nothing
 * to judge or the estimate is still being worked out for the current text.
 */
export function usePassphraseStrength(value: string, related: readonly string[]): PassphraseStrength | null {
  const settled = useDebouncedValue(value, 150);
  const relatedKey = related.join('\u0000');
  const [result, setResult] = useState<{ for: string; strength: PassphraseStrength } | null>(null);

  useEffect(() => {
    if (settled === '') return;
    let live = true;
    void loadEstimator().then((estimate) => {
      if (live) setResult({ for: settled, strength: estimate(settled, relatedKey.split('\u0000')) });
    });
    return () => {
      live = false;
    };
  }, [settled, relatedKey]);

  return value !== '' && result?.for === value ? result.strength : null;
}
