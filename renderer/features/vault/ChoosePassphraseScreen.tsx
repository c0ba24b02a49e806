import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/domain/staff';
import { call } from '../../api';
import { AuthCard } from '../../components/AuthCard';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';

interface ChoosePassphraseScreenProps {
  onChosen: () => void;
  onLock: () => void;
}

/** Blocks the app after a first unlock with a one-time passphrase until its owner chooses their own. */
export function ChoosePassphraseScreen({ onChosen, onLock }: ChoosePassphraseScreenProps) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if ([...next].length < MIN_PASSPHRASE_LENGTH) {
      setProblem({ local: 'vault.tooShort' });
      return;
    }
    if (next !== confirmation) {
      setProblem({ local: 'vault.mismatch' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await call('vault.changePassphrase', { current, next });
      setCurrent('');
      setNext('');
      setConfirmation('');
      onChosen();
    } catch (error) {
      setCurrent('');
      setProblem({ error });
      setBusy(false);
    }
  }

  const secret = { type: 'password', spellCheck: false, required: true } as const;

  return (
    <AuthCard title={t('vault.chooseTitle')} intro={t('vault.chooseIntro')}>
      <form className="stack" onSubmit={submit} noValidate autoComplete="off">
        <Field
          {...secret}
          label={t('vault.oneTimePassphrase')}
          name="current"
          autoComplete="current-password"
          autoFocus
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <Field
          {...secret}
          label={t('vault.newPassphrase')}
          hint={t('vault.passphraseHint')}
          name="next"
          autoComplete="new-password"
          value={next}
          onChange={(event) => setNext(event.target.value)}
        />
        <Field
          {...secret}
          label={t('vault.confirmNewPassphrase')}
          name="confirmation"
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
        />
        <FormMessage error={problemText(t, problem)} />
        <div className="actions">
          <button type="button" onClick={onLock}>
            {t('topBar.lock')}
          </button>
          <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
            {busy ? t('vault.choosing') : t('vault.choose')}
          </button>
        </div>
      </form>
    </AuthCard>
  );
}
