import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupScheduleState } from '../../../shared/domain/backup-schedule';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { TextAreaField } from '../../components/TextAreaField';
import { problemText, type Problem } from '../../components/error-text';
import { formatDateTime } from '../../components/format-date';

/** Admins: backups into a folder (an encrypted USB drive) on a schedule, with the outcome of the last runs. */
export function ScheduledBackups() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<BackupScheduleState | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [hours, setHours] = useState('24');
  const [keep, setKeep] = useState('7');
  const [recipients, setRecipients] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);

  function show(next: BackupScheduleState) {
    setState(next);
    if (next.schedule) {
      setEnabled(next.schedule.enabled);
      setHours(String(next.schedule.intervalHours));
      setKeep(String(next.schedule.keep));
      setRecipients(next.schedule.recipients.join('\n'));
    }
  }

  useEffect(() => {
    call('backups.schedule', {})
      .then(show)
      .catch((error: unknown) => setProblem({ error }));
  }, []);

  async function run(action: () => Promise<BackupScheduleState>, after?: () => void) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    setSaved(false);
    try {
      show(await action());
      after?.();
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const list = recipients.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    void run(() => call('backups.configure', { enabled, intervalHours: Number(hours), keep: Number(keep), recipients: list }), () => setSaved(true));
  }

  const lng = i18n.language;
  const status = state?.status;
  const folder = state?.schedule?.folder ?? null;

  return (
    <form className="stack" onSubmit={submit} noValidate autoComplete="off">
      <h3>{t('schedule.heading')}</h3>
      <p className="muted">{t('schedule.intro')}</p>
      <dl className="schedule-status">
        <dt>{t('schedule.folder')}</dt>
        <dd>{folder ?? t('schedule.noFolder')}</dd>
        <dt>{t('schedule.lastSuccess')}</dt>
        <dd>{status?.lastSuccessAt ? t('schedule.success', { at: formatDateTime(status.lastSuccessAt, lng), file: status.lastSuccessFile ?? '' }) : t('schedule.never')}</dd>
        <dt>{t('schedule.lastFailure')}</dt>
        <dd className={status?.lastFailureReason ? 'warning-text' : undefined}>
          {status?.lastFailureAt && status.lastFailureReason
            ? t('schedule.failure', { at: formatDateTime(status.lastFailureAt, lng), why: t(`schedule.reasons.${status.lastFailureReason}`), detail: status.lastFailureMessage ?? '' })
            : t('schedule.none')}
        </dd>
        <dt>{t('schedule.next')}</dt>
        <dd>{state?.nextDueAt ? formatDateTime(state.nextDueAt, lng) : t('schedule.notScheduled')}</dd>
      </dl>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void run(() => call('backups.chooseFolder', {}))}>
          {t('schedule.chooseFolder')}
        </button>
      </div>
      <label className="checkbox-line">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        <span>{t('schedule.enabled')}</span>
      </label>
      <div className="field-row">
        <Field label={t('schedule.every')} type="number" min={1} max={720} value={hours} onChange={(event) => setHours(event.target.value)} />
        <Field label={t('schedule.keep')} type="number" min={1} max={100} value={keep} onChange={(event) => setKeep(event.target.value)} />
      </div>
      <TextAreaField
        label={t('schedule.recipients')}
        hint={t('schedule.recipientsHint')}
        spellCheck={false}
        rows={2}
        placeholder="age1…"
        value={recipients}
        onChange={(event) => setRecipients(event.target.value)}
      />
      <FormMessage error={problemText(t, problem)} success={saved ? t('schedule.saved') : null} />
      <div className="actions">
        <button type="button" disabled={busy || !folder} onClick={() => void run(() => call('backups.runNow', {}))}>
          {t('schedule.runNow')}
        </button>
        <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
          {t('schedule.save')}
        </button>
      </div>
    </form>
  );
}
