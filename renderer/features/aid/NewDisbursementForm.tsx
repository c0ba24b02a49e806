import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { aidTypes, paymentMethods, recipientCategories, type AidType, type GuardReport, type NewDisbursement, type PaymentMethod, type ProgrammeRecord, type RecipientCategory } from '../../../shared/domain/aid';
import type { PersonDetail, PersonRecord } from '../../../shared/domain/persons';
import type { SessionInfo } from '../../../shared/domain/staff';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { PersonSearch } from '../persons/PersonSearch';
import { aidErrorText, isCode } from './aid-error';
import { percentOf, useAidLabels } from './aid-labels';

interface Props {
  session: SessionInfo;
  programmes: ProgrammeRecord[];
  onDone: (id: string) => void;
  onClose: () => void;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Requests a disbursement; a suspected duplicate or a budget overrun asks for a reason before it goes on. */
export function NewDisbursementForm({ session, programmes, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const labels = useAidLabels();
  const [query, setQuery] = useState('');
  const [recipient, setRecipient] = useState<PersonRecord | null>(null);
  const [programmeId, setProgrammeId] = useState(programmes[0]?.id ?? '');
  const [amount, setAmount] = useState('');
  const [type, setType] = useState<AidType>('cash-support');
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [purpose, setPurpose] = useState('');
  const [date, setDate] = useState(today());
  const [category, setCategory] = useState<RecipientCategory | ''>('');
  const [cases, setCases] = useState<PersonDetail['cases']>([]);
  const [caseId, setCaseId] = useState('');
  // The recipient's cases, to link the disbursement to one: it then shows in that case's aid history too.
  useEffect(() => {
    setCaseId('');
    setCases([]);
    if (!recipient) return;
    let current = true;
    call('persons.get', { id: recipient.id })
      .then((detail) => current && setCases(detail.cases))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [recipient]);
  const [duplicateReason, setDuplicateReason] = useState<string | null>(null);
  const [overrideReason, setOverrideReason] = useState<string | null>(null);
  const [preview, setPreview] = useState<GuardReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error?: string; success?: string } | null>(null);
  const programme = programmes.find((p) => p.id === programmeId);

  function input(): NewDisbursement | null {
    if (!recipient) {
      setMessage({ error: t('aid.form.recipientRequired') });
      return null;
    }
    if (!programme) {
      setMessage({ error: t('aid.form.programmeRequired') });
      return null;
    }
    return {
      recipientId: recipient.id,
      programmeId: programme.id,
      amount,
      currency: programme.currency,
      type,
      method,
      purpose,
      date,
      caseId: caseId || null,
      ...(category ? { recipientCategory: category } : {}),
      ...(duplicateReason ? { confirmDuplicate: duplicateReason } : {}),
      ...(overrideReason ? { budgetOverride: overrideReason } : {}),
    };
  }

  async function check() {
    const body = input();
    if (!body) return;
    try {
      setPreview(await call('aid.disbursements.check', body));
    } catch (error) {
      setPreview(null);
      setMessage({ error: aidErrorText(t, error) });
    }
  }

  async function submit() {
    const body = input();
    if (!body) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await call('aid.disbursements.create', body);
      setMessage({ success: [t('aid.form.requested'), ...result.warnings.map((w) => w.message)].join(' ') });
      onDone(result.disbursement.id);
    } catch (error) {
      if (isCode(error, 'DUPLICATE_PAYMENT') && duplicateReason === null) setDuplicateReason('');
      if (isCode(error, 'BUDGET_EXCEEDED') && overrideReason === null && session.user.role === 'admin') setOverrideReason('');
      setMessage({ error: aidErrorText(t, error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="aid-new detail-page" aria-labelledby="aid-new-heading">
      <h2 id="aid-new-heading">{t('aid.form.heading')}</h2>
      {recipient ? (
        <p>
          {t('aid.form.chosen', { name: recipient.displayName })}{' '}
          <button type="button" onClick={() => setRecipient(null)}>
            {t('aid.form.change')}
          </button>
        </p>
      ) : (
        <PersonSearch
          label={t('aid.form.recipient')}
          placeholder={t('aid.form.recipientPlaceholder')}
          noMatches={t('aid.form.recipientNone')}
          query={query}
          onQueryChange={setQuery}
          showLatinName
          showRegion
          action={(person) => (
            <button type="button" onClick={() => setRecipient(person)}>
              {t('aid.form.choose')}
            </button>
          )}
        />
      )}
      <form
        className="aid-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <SelectField label={t('aid.form.programme')} value={programmeId} onChange={(event) => setProgrammeId(event.target.value)}>
          {programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.currency})
            </option>
          ))}
        </SelectField>
        <Field label={t('aid.form.amount')} hint={t('aid.form.amountHint', { currency: programme?.currency ?? '' })} inputMode="decimal" value={amount} required maxLength={40} onChange={(event) => setAmount(event.target.value)} onBlur={() => void check()} />
        <SelectField label={t('aid.form.type')} value={type} onChange={(event) => setType(event.target.value as AidType)}>
          {aidTypes.filter((a) => !programme || programme.eligibleTypes.includes(a)).map((a) => (
            <option key={a} value={a}>
              {labels.type(a)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('aid.form.method')} value={method} onChange={(event) => setMethod(event.target.value as PaymentMethod)}>
          {paymentMethods.map((m) => (
            <option key={m} value={m}>
              {labels.method(m)}
            </option>
          ))}
        </SelectField>
        <Field label={t('aid.form.purpose')} value={purpose} maxLength={1000} onChange={(event) => setPurpose(event.target.value)} onBlur={() => void check()} />
        <Field label={t('aid.form.date')} type="date" value={date} required onChange={(event) => setDate(event.target.value)} />
        <SelectField label={t('aid.form.case')} value={caseId} onChange={(event) => setCaseId(event.target.value)}>
          <option value="">{t('aid.form.noCase')}</option>
          {cases.map((c) => (
            <option key={c.caseId} value={c.caseId}>
              {c.reference} · {c.title}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('aid.form.category')} value={category} onChange={(event) => setCategory(event.target.value as RecipientCategory | '')}>
          <option value="">{t('aid.form.categoryAuto')}</option>
          {recipientCategories.map((c) => (
            <option key={c} value={c}>
              {labels.category(c)}
            </option>
          ))}
        </SelectField>
        {preview ? (
          <p className="field-hint aid-preview">
            {t('aid.form.preview', { percent: percentOf(preview.budget.usedBasisPoints) })}
            {preview.duplicates.length ? ` · ${t('aid.form.previewDuplicates', { count: preview.duplicates.length })}` : ''}
          </p>
        ) : null}
        {duplicateReason !== null ? <Field label={t('aid.form.duplicateReason')} value={duplicateReason} maxLength={2000} onChange={(event) => setDuplicateReason(event.target.value)} /> : null}
        {overrideReason !== null ? <Field label={t('aid.form.overrideReason')} value={overrideReason} maxLength={2000} onChange={(event) => setOverrideReason(event.target.value)} /> : null}
        <div className="aid-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('aid.form.submitting') : duplicateReason ? t('aid.form.confirmDuplicate') : overrideReason ? t('aid.form.override') : t('aid.form.submit')}
          </button>
          <button type="button" onClick={onClose}>
            {t('aid.form.close')}
          </button>
        </div>
        {message ? <FormMessage error={message.error ?? null} success={message.success ?? null} /> : null}
      </form>
    </section>
  );
}
