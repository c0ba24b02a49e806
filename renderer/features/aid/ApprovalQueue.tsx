import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/domain/staff';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { useRemote } from '../../components/use-remote';
import { aidErrorText } from './aid-error';
import { useAidLabels } from './aid-labels';

/** Requests waiting for approval, oldest first, with what stands in the way of approving each. */
export function ApprovalQueue({ session, onOpen }: { session: SessionInfo; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const labels = useAidLabels();
  const queue = useRemote(() => call('aid.queue', { limit: 200 }), []);
  const [message, setMessage] = useState<{ error?: string; success?: string } | null>(null);
  const ledger = session.user.role === 'admin' || session.user.role === 'coordinator';
  const rows = queue.value?.rows ?? [];

  async function approve(id: string) {
    setMessage(null);
    try {
      await call('aid.disbursements.approve', { id });
      setMessage({ success: t('aid.detail.done') });
      queue.reload();
    } catch (error) {
      setMessage({ error: aidErrorText(t, error) });
    }
  }

  return (
    <section className="aid-queue" aria-labelledby="aid-queue-heading">
      <h2 id="aid-queue-heading">{t('aid.queue.heading')}</h2>
      {message ? <FormMessage error={message.error ?? null} success={message.success ?? null} /> : null}
      {!queue.loading && rows.length === 0 ? <p className="empty">{t('aid.queue.empty')}</p> : null}
      <ul className="plain-list aid-queue-list">
        {rows.map((r) => {
          const mine = r.requestedBy?.id === session.user.id;
          return (
            <li key={r.id} data-disbursement-id={r.id} className="aid-queue-item">
              <span className="aid-queue-what">
                {r.date} · <strong>{r.recipient.displayName}</strong> · {r.amount} {r.currency} · {labels.type(r.type)} · {r.programme?.name ?? ''}
              </span>
              <span className="aid-queue-who">
                {r.requestedBy?.name ?? ''}
                {r.needsSecondApprover ? <span className="badge">{t('aid.needsSecond')}</span> : null}
                {mine ? <span className="badge">{t('aid.queue.yours')}</span> : null}
              </span>
              <span className="aid-queue-actions">
                <button type="button" onClick={() => onOpen(r.id)}>
                  {t('aid.queue.open')}
                </button>
                {ledger ? (
                  <button type="button" className="primary" onClick={() => void approve(r.id)}>
                    {t('aid.queue.approve')}
                  </button>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
