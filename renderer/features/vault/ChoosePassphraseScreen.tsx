import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/domain/staff';
import { call } from '../../api';
import { AuthCard } from '../../components/AuthCard';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useNewPassphrase } from './use-new-passphrase';

interface ChoosePassphraseScreenProps {
  session: SessionInfo;
  onChosen: () => void;
  onLock: () => void;
}

/** Blocks the app after a first unlock with a one-time passphrase until its owner chooses their own. */
export function ChoosePassphraseScreen({ session, onChosen, onLock }: ChoosePassphraseScreenProps) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const next = useNewPassphrase({ related: [session.office, session.user.name] });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
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
      onChosen();
    } catch (error) {
      setCurrent('');
      setProblem({ error });
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('vault.chooseTitle')} intro={t('vault.chooseIntro')}>
      <form className="stack" onSubmit={submit} noValidate autoComplete="off">
        <Field
          label={t('vault.oneTimePassphrase')}
          type="password"
          name="current"
          autoComplete="current-password"
          spellCheck={false}
          autoFocus
          required
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <NewPassphraseFields passphrase={next} label={t('vault.newPassphrase')} confirmLabel={t('vault.confirmNewPassphrase')} name="next" />
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
