import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/domain/staff';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';
import { NewPassphraseFields } from '../vault/NewPassphraseFields';
import { useNewPassphrase } from '../vault/use-new-passphrase';

export function ChangePassphraseForm({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const next = useNewPassphrase({ related: [session.office, session.user.name] });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [changed, setChanged] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setChanged(false);
    const invalid = next.problem();
    if (invalid) {
      setProblem(invalid);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await call('vault.changePassphrase', { current, next: next.value });
      setCurrent('');
      next.clear();
      setChanged(true);
    } catch (error) {
      setCurrent('');
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate autoComplete="off">
      <h3>{t('settings.passphraseHeading')}</h3>
      <p className="muted">{t('settings.passphraseIntro')}</p>
      <Field
        label={t('settings.currentPassphrase')}
        type="password"
        name="current"
        autoComplete="current-password"
        spellCheck={false}
        required
        value={current}
        onChange={(event) => setCurrent(event.target.value)}
      />
      <NewPassphraseFields passphrase={next} label={t('settings.newPassphrase')} confirmLabel={t('settings.confirmNewPassphrase')} name="next" />
      <FormMessage error={problemText(t, problem)} success={changed ? t('settings.changed') : null} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
          {busy ? t('settings.changing') : t('settings.changePassphrase')}
        </button>
      </div>
    </form>
  );
}
