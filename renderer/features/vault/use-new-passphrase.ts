import { useState } from 'react';
import type { PassphraseStrength } from '../../../shared/passphrase/strength';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/domain/staff';
import type { Problem } from '../../components/error-text';
import { usePassphraseStrength } from './use-passphrase-strength';

export interface NewPassphrase {
  value: string;
  confirmation: string;
  setValue: (value: string) => void;
  setConfirmation: (value: string) => void;
  /** The estimate for `value`; null while typing or before anything is typed. */
  strength: PassphraseStrength | null;
  /** The first rule the two fields break, or null when the passphrase may be sent. */
  problem: () => Problem | null;
  clear: () => void;
}

/**
 * A new passphrase typed twice, judged as the backend will judge it: at least `minLength` characters
 * (not UTF-16 units) and hard enough to guess, counting `related` (office and people's names) as known words.
 */
export function useNewPassphrase({ minLength = MIN_PASSPHRASE_LENGTH, related = [] }: { minLength?: number; related?: readonly string[] } = {}): NewPassphrase {
  const [value, setValue] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const strength = usePassphraseStrength(value, related);
  return {
    value,
    confirmation,
    setValue,
    setConfirmation,
    strength,
    problem: () => {
      if ([...value].length < minLength) return { local: 'vault.tooShort' };
      if (strength && !strength.acceptable) return { local: 'strength.weak' };
      if (value !== confirmation) return { local: 'vault.mismatch' };
      return null;
    },
    clear: () => {
      setValue('');
      setConfirmation('');
    },
  };
}
