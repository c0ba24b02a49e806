import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { PassphraseStrengthMeter } from './PassphraseStrengthMeter';
import type { NewPassphrase } from './use-new-passphrase';

interface NewPassphraseFieldsProps {
  passphrase: NewPassphrase;
  label: string;
  confirmLabel: string;
  /** The first field's `name`; the second is always `confirmation`. */
  name: string;
}

/** The new passphrase and its confirmation, with the hint on what makes a good one and the live estimate. */
export function NewPassphraseFields({ passphrase, label, confirmLabel, name }: NewPassphraseFieldsProps) {
  const { t } = useTranslation();
  const meterId = useId();
  const secret = { type: 'password', spellCheck: false, required: true, autoComplete: 'new-password' } as const;
  return (
    <>
      <div>
        <Field
          {...secret}
          label={label}
          hint={t('vault.passphraseHint')}
          name={name}
          aria-details={meterId}
          value={passphrase.value}
          onChange={(event) => passphrase.setValue(event.target.value)}
        />
        <PassphraseStrengthMeter id={meterId} strength={passphrase.strength} typed={passphrase.value !== ''} />
      </div>
      <Field
        {...secret}
        label={confirmLabel}
        name="confirmation"
        value={passphrase.confirmation}
        onChange={(event) => passphrase.setConfirmation(event.target.value)}
      />
    </>
  );
}
