import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';

const WORD = 'WIPE';

/** Admins: crypto-erase the vault, after the word WIPE is typed. */
export function WipeVault({ onWiped }: { onWiped: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const armed = typed === WORD;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !armed) return;
    setBusy(true);
    setProblem(null);
    try {
      await call('vault.wipe', { confirm: WORD });
      onWiped();
    } catch (error) {
      setProblem({ error });
      setBusy(false);
      // A wipe that failed part-way has already locked the vault: show whatever is left.
      const state = await call('vault.state', {}).catch(() => null);
      if (state && state.state !== 'unlocked') onWiped();
    }
  }

  return (
    <form className="stack danger-zone" onSubmit={submit} noValidate autoComplete="off" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('wipe.heading')}</h3>
      <h4>{t('wipe.title')}</h4>
      <p>{t('wipe.intro')}</p>
      <p className="muted">{t('wipe.ssd')}</p>
      <div className="field field-wipe">
        <label htmlFor={id}>{t('wipe.confirm')}</label>
        <input
          id={id}
          name="wipe-confirm"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={16}
          aria-describedby={`${id}-hint`}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <p id={`${id}-hint`} className="field-hint">
          {t('wipe.confirmHint')}
        </p>
      </div>
      <FormMessage error={problemText(t, problem)} />
      <div className="actions">
        <button type="submit" className="button-danger" disabled={!armed || busy} aria-busy={busy}>
          {busy ? t('wipe.wiping') : t('wipe.button')}
        </button>
      </div>
    </form>
  );
}
