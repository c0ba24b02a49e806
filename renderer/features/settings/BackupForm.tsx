import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { TextAreaField } from '../../components/TextAreaField';
import { problemText, type Problem } from '../../components/error-text';
import { backupInput } from './backup-input';
import { PassphraseStrengthMeter } from '../vault/PassphraseStrengthMeter';
import { usePassphraseStrength } from '../vault/use-passphrase-strength';

type Outcome = { kind: 'saved'; path: string } | { kind: 'cancelled' };

/** Admins: an encrypted (age) copy of the vault, written where the person chooses. */
export function BackupForm({ office }: { office: string }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [recipients, setRecipients] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const meterId = useId();
  const strength = usePassphraseStrength(passphrase, [office]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setOutcome(null);
    const input = backupInput(passphrase, confirmation, recipients, strength);
    if (!input.ok) {
      setProblem({ text: input.problem });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const { path } = await call('vault.backup', { passphrase: input.passphrase, recipients: input.recipients });
      if (path) {
        // The passphrase is not kept on screen once it has done its work.
        setPassphrase('');
        setConfirmation('');
        setOutcome({ kind: 'saved', path });
      } else {
        setOutcome({ kind: 'cancelled' });
      }
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  const secret = { type: 'password', spellCheck: false, autoComplete: 'new-password' } as const;
  const success = outcome?.kind === 'saved' ? t('backup.saved', { path: outcome.path }) : outcome ? t('backup.cancelled') : null;

  return (
    <form className="stack" onSubmit={submit} noValidate autoComplete="off">
      <h3>{t('backup.heading')}</h3>
      <p className="muted">{t('backup.intro')}</p>
      <p className="muted">{t('backup.keepSeparately')}</p>
      <div className="field-row">
        <Field
          {...secret}
          label={t('backup.passphrase')}
          hint={t('backup.passphraseHint')}
          aria-details={meterId}
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
        />
        <Field {...secret} label={t('backup.confirm')} value={confirmation} onChange={(event) => setConfirmation(event.target.value)} />
      </div>
      <PassphraseStrengthMeter id={meterId} strength={strength} typed={passphrase !== ''} />
      <TextAreaField
        label={t('backup.recipients')}
        hint={t('backup.recipientsHint')}
        className="backup-recipients"
        spellCheck={false}
        rows={3}
        placeholder="age1…"
        value={recipients}
        onChange={(event) => setRecipients(event.target.value)}
      />
      <FormMessage error={problemText(t, problem)} success={success} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
          {busy ? t('backup.creating') : t('backup.create')}
        </button>
      </div>
    </form>
  );
}
