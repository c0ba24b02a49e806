import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictRecord, ConflictValue } from '../../../shared/domain/sync';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';
import { formatDateTime } from '../../components/format-date';
import { entityLabel, syncFieldLabel } from './labels';
import { syncProblem } from './sync-problem';

function valueText(value: ConflictValue['value'], empty: string): string {
  if (value === null || value === '') return empty;
  if (Array.isArray(value)) return value.length === 0 ? empty : value.join(', ');
  return String(value);
}

/** The conflicting values side by side, each with who wrote it and when; keeping one resolves it everywhere. */
export function ResolveDialog({ conflict, onClose, onResolved }: { conflict: ConflictRecord; onClose: () => void; onResolved: () => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<number | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const field = syncFieldLabel(t, conflict.entity, conflict.field);

  async function keep(choice: number) {
    setBusy(choice);
    setProblem(null);
    try {
      await call('conflicts.resolve', { id: conflict.id, choice });
      onResolved();
    } catch (error) {
      setProblem(syncProblem(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Dialog title={t('conflicts.title', { field })} onClose={onClose} size="wide">
      <div className="stack">
        <p>
          {conflict.root.label ?? entityLabel(t, conflict.root.entity)} · {field}
        </p>
        <p className="muted">{t('conflicts.intro')}</p>
        <div className="side-by-side">
          {conflict.values.map((value, i) => (
            <section key={`${value.site}-${i}`} className="card stack side" aria-label={t('conflicts.valueFrom', { office: value.office ?? t('conflicts.unknownOffice') })}>
              <h3>{value.office ?? t('conflicts.unknownOffice')}</h3>
              <p className="muted small">
                {t('conflicts.written', { date: formatDateTime(value.at, i18n.language) })}
                {i === 0 ? ` · ${t('conflicts.shownNow')}` : ''}
              </p>
              <p className="conflict-value">{valueText(value.value, t('conflicts.empty'))}</p>
              <div className="actions">
                <button type="button" className="button-primary" disabled={busy !== null} aria-busy={busy === i} onClick={() => void keep(i)}>
                  {busy === i ? t('common.working') : t('conflicts.keep')}
                </button>
              </div>
            </section>
          ))}
        </div>
        <FormMessage error={problemText(t, problem)} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
