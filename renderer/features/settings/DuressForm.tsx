import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/domain/staff';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';
import { NewPassphraseFields } from '../vault/NewPassphraseFields';
import { useNewPassphrase } from '../vault/use-new-passphrase';

type Mode = 'decoy' | 'wipe';

/** Admins: the passphrase to type under duress, and what it does (ADR 005). */
export function DuressForm({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const modeName = useId();
  const [configured, setConfigured] = useState<Mode | null>(null);
  const [mode, setMode] = useState<Mode>('decoy');
  const [decoyName, setDecoyName] = useState(session.user.name);
  const passphrase = useNewPassphrase({ related: [session.office, session.user.name, decoyName] });
  const [current, setCurrent] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    call('duress.get', {})
      .then((state) => setConfigured(state.mode))
      .catch((error: unknown) => setProblem({ error }));
  }, []);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      await action();
    } catch (error) {
      setProblem({ error });
    } finally {
      setCurrent('');
      setBusy(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const invalid = passphrase.problem();
    if (invalid) {
      setProblem(invalid);
      return;
    }
    void run(async () => {
      const result = await call('duress.set', { current, passphrase: passphrase.value, mode, decoyName });
      passphrase.clear();
      setConfigured(result.mode);
      setDone(t('duress.saved'));
    });
  }

  function remove() {
    if (busy) return;
    void run(async () => {
      await call('duress.clear', { current });
      setConfigured(null);
      setDone(t('duress.removed'));
    });
  }

  return (
    <form className="stack" onSubmit={submit} noValidate autoComplete="off">
      <h3>{t('duress.heading')}</h3>
      <p className="muted">{t('duress.intro')}</p>
      <p className="notice" role="status">
        {configured ? t(`duress.status.${configured}`) : t('duress.status.none')}
      </p>
      <fieldset className="stack">
        <legend>{t('duress.mode')}</legend>
        {(['decoy', 'wipe'] as const).map((value) => (
          <label key={value} className="checkbox-line">
            <input type="radio" name={modeName} value={value} checked={mode === value} onChange={() => setMode(value)} />
            <span>
              <strong>{t(`duress.modes.${value}`)}</strong> — {t(`duress.explain.${value}`)}
            </span>
          </label>
        ))}
      </fieldset>
      <p className="warning-text">{t('duress.warning')}</p>
      {mode === 'decoy' ? (
        <Field label={t('duress.decoyName')} hint={t('duress.decoyNameHint')} maxLength={120} value={decoyName} onChange={(event) => setDecoyName(event.target.value)} />
      ) : null}
      <NewPassphraseFields passphrase={passphrase} label={t('duress.passphrase')} confirmLabel={t('duress.confirm')} name="duress" />
      <Field
        label={t('duress.current')}
        type="password"
        autoComplete="current-password"
        spellCheck={false}
        value={current}
        onChange={(event) => setCurrent(event.target.value)}
      />
      <FormMessage error={problemText(t, problem)} success={done} />
      <div className="actions">
        {configured ? (
          <button type="button" disabled={busy} onClick={remove}>
            {t('duress.remove')}
          </button>
        ) : null}
        <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
          {configured ? t('duress.replace') : t('duress.set')}
        </button>
      </div>
    </form>
  );
}
