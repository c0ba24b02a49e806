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

export function CreateVaultScreen({ onCreated }: { onCreated: (session: SessionInfo) => void }) {
  const { t } = useTranslation();
  const [office, setOffice] = useState('');
  const [user, setUser] = useState('');
  const passphrase = useNewPassphrase({ related: [office, user] });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const invalid = passphrase.problem();
    if (invalid) {
      setProblem(invalid);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const session = await call('vault.create', { office, user, passphrase: passphrase.value });
      passphrase.clear();
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
        <NewPassphraseFields passphrase={passphrase} label={t('vault.passphrase')} confirmLabel={t('vault.confirmPassphrase')} name="passphrase" />
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
