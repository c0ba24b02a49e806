import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';

interface AutoLockFormProps {
  minutes: number;
  canEdit: boolean;
  onSaved: (settings: Settings) => void;
}

export function AutoLockForm({ minutes, canEdit, onSaved }: AutoLockFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(String(minutes));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);

  // Show the stored value, which may have changed since the session began.
  useEffect(() => {
    let current = true;
    call('settings.get', {})
      .then((settings) => {
        if (current) setValue(String(settings.autoLockMinutes));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !canEdit) return;
    setBusy(true);
    setProblem(null);
    setSaved(false);
    try {
      const trimmed = value.trim();
      const settings = await call('settings.update', { autoLockMinutes: trimmed === '' ? Number.NaN : Number(trimmed) });
      setValue(String(settings.autoLockMinutes));
      setSaved(true);
      onSaved(settings);
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate autoComplete="off">
      <h3>{t('settings.autoLockHeading')}</h3>
      <div className="field field-narrow">
        <label htmlFor={id}>{t('settings.autoLock')}</label>
        <input
          id={id}
          type="number"
          name="autoLockMinutes"
          inputMode="numeric"
          min={1}
          max={240}
          step={1}
          required
          readOnly={!canEdit}
          aria-describedby={`${id}-hint`}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setSaved(false);
          }}
        />
        <p id={`${id}-hint`} className="field-hint">
          {canEdit ? t('settings.autoLockHint') : t('settings.adminOnly')}
        </p>
      </div>
      {canEdit ? (
        <>
          <FormMessage error={problemText(t, problem)} success={saved ? t('settings.saved') : null} />
          <div className="actions">
            <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
              {busy ? t('settings.saving') : t('settings.save')}
            </button>
          </div>
        </>
      ) : null}
    </form>
  );
}
