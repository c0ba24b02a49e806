import { useTranslation } from 'react-i18next';
import { formatMinor } from '../../../shared/domain/money';
import { call } from '../../api';
import { useRemote } from '../../components/use-remote';
import { useAidLabels } from './aid-labels';

/** Every disbursement to a person, or linked to a case, newest first, with what was paid per currency. */
export function AidHistory({ personId, caseId }: { personId?: string; caseId?: string }) {
  const { t } = useTranslation();
  const labels = useAidLabels();
  const filter = personId ? { recipientId: personId } : { caseId: caseId! };
  const list = useRemote(() => call('aid.disbursements.list', { filter, sort: [{ field: 'date', direction: 'desc' }], limit: 200 }), [personId, caseId]);
  const rows = list.value?.rows ?? [];
  const paid = new Map<string, bigint>();
  for (const r of rows) if (r.status === 'paid') paid.set(r.currency, (paid.get(r.currency) ?? 0n) + BigInt(r.amountMinor));
  const totals = [...paid.entries()].map(([currency, minor]) => `${formatMinor(minor, currency)} ${currency}`);
  return (
    <section className="detail-section aid-history" aria-labelledby={`aid-history-${personId ?? caseId}`}>
      <h3 id={`aid-history-${personId ?? caseId}`}>{t('aid.history.heading')}</h3>
      {rows.length === 0 ? <p>{t('aid.history.empty')}</p> : null}
      {totals.length ? <p className="aid-history-total">{t('aid.history.total', { totals: totals.join(', ') })}</p> : null}
      <ul className="plain-list">
        {rows.map((r) => (
          <li key={r.id}>
            {r.date} · {r.amount} {r.currency} · {labels.type(r.type)} · {labels.status(r.status)} · {r.programme?.name ?? r.originOffice ?? ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
