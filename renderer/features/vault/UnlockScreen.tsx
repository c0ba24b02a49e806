import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockReason } from '../../../shared/api';
import type { SessionInfo } from '../../../shared/domain/staff';
import { call } from '../../api';
import { AuthCard } from '../../components/AuthCard';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';
import { useUnlockWait } from './use-unlock-wait';

interface UnlockScreenProps {
  /** Why the vault locked while in use (idle or system lock), to explain the screen; null on a normal start. */
  reason: LockReason | null;
  onUnlocked: (session: SessionInfo) => void;
}

export function UnlockScreen({ reason, onUnlocked }: UnlockScreenProps) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const wait = useUnlockWait();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const session = await call('vault.unlock', { passphrase });
      setPassphrase('');
      onUnlocked(session);
    } catch (error) {
      setPassphrase('');
      setProblem({ error });
      setBusy(false);
      wait.refresh();
      inputRef.current?.focus();
    }
  }

  const notice = reason && reason !== 'user' ? t(`vault.lockedBecause.${reason}`) : null;

  return (
    <AuthCard title={t('vault.unlockTitle')} intro={t('vault.unlockIntro')}>
      {notice ? <p className="notice">{notice}</p> : null}
      <form className="stack" onSubmit={submit} noValidate autoComplete="off">
        <Field
          ref={inputRef}
          label={t('vault.passphrase')}
          type="password"
          name="passphrase"
          autoComplete="current-password"
          spellCheck={false}
          autoFocus
          required
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
        />
        <FormMessage error={problemText(t, problem)} />
        {wait.seconds > 0 ? (
          <p className="notice" role="status">
            {t('attempts.wait', { count: wait.seconds })}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy || wait.seconds > 0} aria-busy={busy}>
            {busy ? t('vault.unlocking') : t('vault.unlock')}
          </button>
        </div>
      </form>
    </AuthCard>
  );
}
