import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/domain/staff';
import { call } from '../../api';
import { AuthCard } from '../../components/AuthCard';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';

export function CreateVaultScreen({ onCreated }: { onCreated: (session: SessionInfo) => void }) {
  const { t } = useTranslation();
  const [office, setOffice] = useState('');
  const [user, setUser] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (passphrase !== confirmation) {
      setProblem({ local: 'vault.mismatch' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const session = await call('vault.create', { office, user, passphrase });
      setPassphrase('');
      setConfirmation('');
      onCreated(session);
    } catch (error) {
      setProblem({ error });
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('vault.createTitle')} intro={t('vault.createIntro')}>
      <form className="stack" onSubmit={submit} noValidate autoComplete="off">
        <Field
          label={t('vault.officeName')}
          name="office"
          autoComplete="off"
          autoFocus
          required
          maxLength={120}
          value={office}
          onChange={(event) => setOffice(event.target.value)}
        />
        <Field
          label={t('vault.yourName')}
          name="user"
          autoComplete="off"
          required
          maxLength={120}
          value={user}
          onChange={(event) => setUser(event.target.value)}
        />
        <Field
          label={t('vault.passphrase')}
          hint={t('vault.passphraseHint')}
          type="password"
          name="passphrase"
          autoComplete="new-password"
          spellCheck={false}
          required
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
        />
        <Field
          label={t('vault.confirmPassphrase')}
          type="password"
          name="confirmation"
          autoComplete="new-password"
          spellCheck={false}
          required
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
        />
        <FormMessage error={problemText(t, problem)} />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
            {busy ? t('vault.creating') : t('vault.create')}
          </button>
        </div>
      </form>
    </AuthCard>
  );
}
