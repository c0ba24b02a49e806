import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';

export function ChangePassphraseForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [changed, setChanged] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setChanged(false);
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
      setChanged(true);
    } catch (error) {
      setCurrent('');
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  const secret = { type: 'password', spellCheck: false, required: true } as const;

  return (
    <form className="stack" onSubmit={submit} noValidate autoComplete="off">
      <h3>{t('settings.passphraseHeading')}</h3>
      <p className="muted">{t('settings.passphraseIntro')}</p>
      <Field
        {...secret}
        label={t('settings.currentPassphrase')}
        name="current"
        autoComplete="current-password"
        value={current}
        onChange={(event) => setCurrent(event.target.value)}
      />
      <Field
        {...secret}
        label={t('settings.newPassphrase')}
        hint={t('vault.passphraseHint')}
        name="next"
        autoComplete="new-password"
        value={next}
        onChange={(event) => setNext(event.target.value)}
      />
      <Field
        {...secret}
        label={t('settings.confirmNewPassphrase')}
        name="confirmation"
        autoComplete="new-password"
        value={confirmation}
        onChange={(event) => setConfirmation(event.target.value)}
      />
      <FormMessage error={problemText(t, problem)} success={changed ? t('settings.changed') : null} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
          {busy ? t('settings.changing') : t('settings.changePassphrase')}
        </button>
      </div>
    </form>
  );
}
