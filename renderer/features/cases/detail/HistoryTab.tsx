import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeEntry } from '../../../../shared/domain/cases';
import type { StaffRecord } from '../../../../shared/domain/staff-accounts';
import { call } from '../../../api';
import { FormMessage } from '../../../components/FormMessage';
import { errorText } from '../../../components/error-text';
import { formatDateTime } from '../../../components/format-date';
import { fieldLabel, valueText } from './history-values';

/** Every recorded change to the case: field, before → after, who and when (newest first). */
interface HistoryTabProps {
  caseId: string;
  /** Refetch when the case changes. */
  updatedAt: string;
  staff: StaffRecord[];
}

export function HistoryTab({ caseId, updatedAt, staff }: HistoryTabProps) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<ChangeEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    call('cases.history', { id: caseId })
      .then((list) => {
        // The backend lists oldest first (by time, then in recording order): show the newest first.
        if (current) setEntries([...list].reverse());
      })
      .catch((failure: unknown) => {
        if (current) setError(failure);
      });
    return () => {
      current = false;
    };
  }, [caseId, updatedAt]);

  const context = { language: i18n.language, staffNames: new Map(staff.map((person) => [person.id, person.name])) };

  if (error) return <FormMessage error={errorText(t, error)} />;
  if (!entries) return <p className="muted" role="status">{t('history.loading')}</p>;
  if (entries.length === 0) return <p className="muted">{t('history.empty')}</p>;

  return (
    <section className="detail-section">
      <div className="data-table-scroll">
        <table className="data-table history-table">
          <thead>
            <tr>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.field')}</th>
              <th scope="col">{t('history.change')}</th>
              <th scope="col">{t('history.by')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap">
                  <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
                </td>
                <td>{fieldLabel(t, entry.field)}</td>
                <td className="wrap">
                  <span className="before">{valueText(t, entry.field, entry.before, context)}</span>
                  <span className="arrow" aria-hidden="true">
                    {' '}
                    {t('history.arrow')}{' '}
                  </span>
                  <span className="after">{valueText(t, entry.field, entry.after, context)}</span>
                </td>
                <td>{entry.by?.name ?? t('history.system')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
