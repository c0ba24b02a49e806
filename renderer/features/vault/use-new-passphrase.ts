import { useState } from 'react';
import type { Problem } from '../../components/error-text';

export interface NewPassphrase {
  value: string;
  confirmation: string;
  setValue: (value: string) => void;
  setConfirmation: (value: string) => void;
  /** The first rule the two fields break, or null when the passphrase may be sent. */
  problem: () => Problem | null;
  clear: () => void;
}

/** A new passphrase typed twice; `minLength` counts characters, not UTF-16 units. */
export function useNewPassphrase({ minLength = 0 }: { minLength?: number } = {}): NewPassphrase {
  const [value, setValue] = useState('');
  const [confirmation, setConfirmation] = useState('');
  return {
    value,
    confirmation,
    setValue,
    setConfirmation,
    problem: () => {
      if ([...value].length < minLength) return { local: 'vault.tooShort' };
      if (value !== confirmation) return { local: 'vault.mismatch' };
      return null;
    },
    clear: () => {
      setValue('');
      setConfirmation('');
    },
  };
}
