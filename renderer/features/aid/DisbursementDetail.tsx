import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisbursementDetail as Detail } from '../../../shared/domain/aid';
import type { SessionInfo } from '../../../shared/domain/staff';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { formatDateTime } from '../../components/format-date';
import { mediaTypeOf, readFileAsBase64 } from '../../components/read-file';
import { useRemote } from '../../components/use-remote';
import { aidErrorText, isCode } from './aid-error';
import { useAidLabels } from './aid-labels';

type Action = 'approve' | 'reject' | 'cancel' | 'pay' | 'reverse';

interface Props {
  id: string;
  session: SessionInfo;
  onBack: () => void;
  onOpen: (id: string) => void;
  onChanged: () => void;
}

/** One disbursement: its terms, who did what, similar payments, receipts, history, and the next steps. */
export function DisbursementDetail({ id, session, onBack, onOpen, onChanged }: Props) {
  const { t } = useTranslation();
  const labels = useAidLabels();
  const detail = useRemote(() => call('aid.disbursements.get', { id }), [id]);
  const [action, setAction] = useState<Action | null>(null);
  const [text, setText] = useState('');
  const [duplicateReason, setDuplicateReason] = useState<string | null>(null);
  const [overrideReason, setOverrideReason] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error?: string; success?: string } | null>(null);
  const d: Detail | null = detail.value;
  const ledger = session.user.role === 'admin' || session.user.role === 'coordinator';
  const writer = session.user.role !== 'viewer';
  if (!d) return <p>{detail.error ? aidErrorText(t, detail.error) : t('aid.loading')}</p>;

  const own = d.originOffice === null;
  const actions: Action[] = [];
  if (own && d.status === 'requested' && ledger) actions.push('approve', 'reject');
  if (own && (d.status === 'requested' || d.status === 'approved') && (ledger || (writer && d.requestedBy?.id === session.user.id))) actions.push('cancel');
  if (own && d.status === 'approved' && ledger) actions.push('pay');
  if (own && d.status === 'paid' && ledger && !d.reversesId && !d.reversedById) actions.push('reverse');

  async function run(which: Action) {
    setMessage(null);
    try {
      if (which === 'approve') {
        await call('aid.disbursements.approve', {
          id,
          ...(duplicateReason ? { confirmDuplicate: duplicateReason } : {}),
          ...(overrideReason ? { budgetOverride: overrideReason } : {}),
        });
      } else if (which === 'pay') await call('aid.disbursements.pay', { id, reference: text });
      else if (which === 'reverse') await call('aid.disbursements.reverse', { id, reason: text });
      else await call(which === 'reject' ? 'aid.disbursements.reject' : 'aid.disbursements.cancel', { id, reason: text });
      setAction(null);
      setText('');
      setDuplicateReason(null);
      setOverrideReason(null);
      setMessage({ success: t('aid.detail.done') });
      detail.reload();
      onChanged();
    } catch (error) {
      if (which === 'approve' && isCode(error, 'DUPLICATE_PAYMENT') && duplicateReason === null) setDuplicateReason('');
      if (which === 'approve' && isCode(error, 'BUDGET_EXCEEDED') && overrideReason === null && session.user.role === 'admin') setOverrideReason('');
      setMessage({ error: aidErrorText(t, error) });
    }
  }

  async function addReceipt(file: File) {
    try {
      await call('aid.receipts.add', { disbursementId: id, fileName: file.name, ...(mediaTypeOf(file) ? { mediaType: mediaTypeOf(file) } : {}), dataBase64: await readFileAsBase64(file) });
      detail.reload();
    } catch (error) {
      setMessage({ error: aidErrorText(t, error) });
    }
  }

  const row = (label: string, value: string | null | undefined) =>
    value ? (
      <div className="read-item">
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    ) : null;
  const byAt = (who: { name: string } | null, at: string | null) => (who && at ? t('aid.detail.byAt', { name: who.name, at: formatDateTime(at, labels.language) }) : null);
  const needsText = action === 'reject' || action === 'cancel' || action === 'reverse' || action === 'pay';

  return (
    <section className="detail-page aid-detail" aria-labelledby="aid-detail-heading">
      <button type="button" onClick={onBack}>
        {t('aid.detail.back')}
      </button>
      <h2 id="aid-detail-heading">{t('aid.detail.heading', { amount: d.amount, currency: d.currency, name: d.recipient.displayName })}</h2>
      <dl className="read-list">
        {row(t('aid.detail.status'), labels.status(d.status))}
        {row(t('aid.detail.programme'), d.programme?.name ?? '—')}
        {row(t('aid.detail.type'), labels.type(d.type))}
        {row(t('aid.detail.method'), labels.method(d.method))}
        {row(t('aid.detail.purpose'), d.purpose)}
        {row(t('aid.detail.date'), d.date)}
        {row(t('aid.detail.category'), labels.category(d.recipientCategory))}
        {row(t('aid.detail.region'), labels.region(d.recipientRegion))}
        {row(t('aid.detail.requested'), byAt(d.requestedBy, d.requestedAt))}
        {row(t('aid.detail.approved'), byAt(d.approvedBy, d.approvedAt))}
        {row(t('aid.detail.paid'), byAt(d.paidBy, d.paidAt))}
        {row(t('aid.detail.reference'), d.paymentReference)}
        {row(t('aid.detail.reason'), d.statusReason)}
        {row(t('aid.detail.duplicateReason'), d.duplicateReason)}
        {row(t('aid.detail.budgetOverride'), d.budgetOverrideReason)}
        {row(t('aid.detail.origin'), d.originOffice ?? t('aid.detail.thisOffice'))}
      </dl>
      {d.reversesId ? (
        <p>
          {t('aid.detail.reverses')}{' '}
          <button type="button" onClick={() => onOpen(d.reversesId!)}>
            {t('aid.detail.openLinked')}
          </button>
        </p>
      ) : null}
      {d.reversedById ? (
        <p>
          {t('aid.detail.reversedBy')}{' '}
          <button type="button" onClick={() => onOpen(d.reversedById!)}>
            {t('aid.detail.openLinked')}
          </button>
        </p>
      ) : null}
      {d.status === 'paid' ? <p className="field-hint">{t('aid.detail.paidFinal')}</p> : null}
      {d.status === 'requested' && d.needsSecondApprover ? <p className="field-hint">{t('aid.detail.needsSecond')}</p> : null}

      <h3>{t('aid.detail.similar')}</h3>
      {d.duplicates.length ? (
        <ul className="plain-list aid-similar">
          {d.duplicates.map((s) => (
            <li key={s.id}>
              {s.date} · {s.amount} {s.currency} · {labels.type(s.type)} · {labels.status(s.status)}
              {s.originOffice ? ` · ${t('aid.partnerRow', { office: s.originOffice })}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('aid.detail.none')}</p>
      )}

      <div className="aid-actions">
        {actions.map((a) => (
          <button key={a} type="button" className={a === 'approve' || a === 'pay' ? 'primary' : undefined} onClick={() => (a === 'approve' ? void run('approve') : setAction(a))}>
            {t(`aid.detail.${a}`)}
          </button>
        ))}
      </div>
      {duplicateReason !== null ? (
        <Field label={t('aid.form.duplicateReason')} value={duplicateReason} maxLength={2000} onChange={(event) => setDuplicateReason(event.target.value)} />
      ) : null}
      {overrideReason !== null ? (
        <Field label={t('aid.form.overrideReason')} value={overrideReason} maxLength={2000} onChange={(event) => setOverrideReason(event.target.value)} />
      ) : null}
      {action && needsText ? (
        <form
          className="aid-action-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run(action);
          }}
        >
          <Field label={action === 'pay' ? t('aid.detail.referenceLabel') : t('aid.detail.reasonLabel')} value={text} required maxLength={2000} onChange={(event) => setText(event.target.value)} />
          <button type="submit" className="primary">
            {t('aid.detail.confirm')}
          </button>
        </form>
      ) : null}
      {message ? <FormMessage error={message.error ?? null} success={message.success ?? null} /> : null}

      <h3>{t('aid.detail.receipts')}</h3>
      {d.receipts.length ? (
        <ul className="plain-list">
          {d.receipts.map((r) => (
            <li key={r.id}>
              {r.fileName} · {Math.ceil(r.size / 1024)} KB · SHA-256 {r.sha256.slice(0, 16)}…
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('aid.detail.noReceipts')}</p>
      )}
      {writer && own && d.status !== 'rejected' && d.status !== 'cancelled' ? (
        <label className="file-button">
          {t('aid.detail.addReceipt')}
          <input type="file" onChange={(event) => event.target.files?.[0] && void addReceipt(event.target.files[0])} />
        </label>
      ) : null}

      <h3>{t('aid.detail.history')}</h3>
      <ol className="plain-list aid-history-list">
        {d.history.map((h) => (
          <li key={h.id}>
            {formatDateTime(h.at, labels.language)} · {h.by?.name ?? ''} · {h.field}: {JSON.stringify(h.before)} → {JSON.stringify(h.after)}
          </li>
        ))}
      </ol>
    </section>
  );
}
