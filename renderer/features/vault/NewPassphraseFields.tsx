import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import type { NewPassphrase } from './use-new-passphrase';

interface NewPassphraseFieldsProps {
  passphrase: NewPassphrase;
  label: string;
  confirmLabel: string;
  /** The first field's `name`; the second is always `confirmation`. */
  name: string;
}

/** The new passphrase and its confirmation, with the hint on what makes a good one. */
export function NewPassphraseFields({ passphrase, label, confirmLabel, name }: NewPassphraseFieldsProps) {
  const { t } = useTranslation();
  const secret = { type: 'password', spellCheck: false, required: true, autoComplete: 'new-password' } as const;
  return (
    <>
      <Field
        {...secret}
        label={label}
        hint={t('vault.passphraseHint')}
        name={name}
        value={passphrase.value}
        onChange={(event) => passphrase.setValue(event.target.value)}
      />
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
