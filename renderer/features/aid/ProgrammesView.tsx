import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { aidTypes, type AidType, type ProgrammeRecord } from '../../../shared/domain/aid';
import { currencies } from '../../../shared/domain/money';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useRemote } from '../../components/use-remote';
import { aidErrorText } from './aid-error';
import { percentOf, useAidLabels } from './aid-labels';
import { BurnDownChart } from './BurnDownChart';

function ProgrammePage({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const programme = useRemote(() => call('aid.programmes.get', { id }), [id]);
  const p = programme.value;
  if (!p) return <p>{programme.error ? aidErrorText(t, programme.error) : t('aid.loading')}</p>;
  const money = (m: { amount: string; currency: string }) => `${m.amount} ${m.currency}`;
  return (
    <section className="detail-page aid-programme" aria-labelledby="aid-programme-heading">
      <button type="button" onClick={onBack}>
        {t('aid.programmes.back')}
      </button>
      <h2 id="aid-programme-heading">{p.name}</h2>
      <p className="detail-meta">
        {p.donor} · {p.startsOn} – {p.endsOn} · {t('aid.programmes.threshold')}: {p.fourEyesThreshold} {p.currency}
      </p>
      <dl className="read-list aid-budget">
        <div className="read-item">
          <dt>{t('aid.programmes.budget')}</dt>
          <dd>{money(p.position.budget)}</dd>
        </div>
        <div className="read-item">
          <dt>{t('aid.programmes.spent')}</dt>
          <dd>{money(p.position.spent)}</dd>
        </div>
        <div className="read-item">
          <dt>{t('aid.programmes.committed')}</dt>
          <dd>{money(p.position.committed)}</dd>
        </div>
        <div className="read-item">
          <dt>{t('aid.programmes.requested')}</dt>
          <dd>{money(p.position.requested)}</dd>
        </div>
        <div className="read-item">
          <dt>{t('aid.programmes.remaining')}</dt>
          <dd>{money(p.position.remaining)}</dd>
        </div>
      </dl>
      <p className={p.position.usedBasisPoints >= 9000 ? 'aid-used aid-used-warn' : 'aid-used'}>{t('aid.programmes.used', { percent: percentOf(p.position.usedBasisPoints) })}</p>
      <h3>{t('aid.programmes.burnDown')}</h3>
      <BurnDownChart programme={p} />
    </section>
  );
}

function NewProgrammeForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const labels = useAidLabels();
  const [draft, setDraft] = useState({ name: '', donor: '', currency: 'EUR', budget: '', startsOn: '', endsOn: '', fourEyesThreshold: '0', iatiIdentifier: '' });
  const [types, setTypes] = useState<AidType[]>([...aidTypes]);
  const [message, setMessage] = useState<{ error?: string; success?: string } | null>(null);
  const set = (key: keyof typeof draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  async function submit() {
    try {
      await call('aid.programmes.create', { ...draft, eligibleTypes: types });
      setMessage({ success: t('aid.programmes.created') });
      onCreated();
    } catch (error) {
      setMessage({ error: aidErrorText(t, error) });
    }
  }
  return (
    <form
      className="aid-form"
      aria-label={t('aid.programmes.add')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field label={t('aid.programmes.name')} value={draft.name} required maxLength={200} onChange={set('name')} />
      <Field label={t('aid.programmes.donor')} value={draft.donor} required maxLength={200} onChange={set('donor')} />
      <SelectField label={t('aid.programmes.currency')} value={draft.currency} onChange={set('currency')}>
        {currencies.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </SelectField>
      <Field label={t('aid.programmes.budget')} inputMode="decimal" value={draft.budget} required maxLength={40} onChange={set('budget')} />
      <Field label={t('aid.programmes.startsOn')} type="date" value={draft.startsOn} required onChange={set('startsOn')} />
      <Field label={t('aid.programmes.endsOn')} type="date" value={draft.endsOn} required onChange={set('endsOn')} />
      <Field label={t('aid.programmes.threshold')} hint={t('aid.programmes.thresholdHint')} inputMode="decimal" value={draft.fourEyesThreshold} maxLength={40} onChange={set('fourEyesThreshold')} />
      <Field label={t('aid.programmes.iati')} value={draft.iatiIdentifier} maxLength={200} onChange={set('iatiIdentifier')} />
      <fieldset className="checkbox-group">
        <legend>{t('aid.programmes.types')}</legend>
        {aidTypes.map((type) => (
          <label key={type}>
            <input type="checkbox" checked={types.includes(type)} onChange={(event) => setTypes(event.target.checked ? [...types, type] : types.filter((x) => x !== type))} />
            {labels.type(type)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary">
        {t('aid.programmes.create')}
      </button>
      {message ? <FormMessage error={message.error ?? null} success={message.success ?? null} /> : null}
    </form>
  );
}

/** The programmes, each with its budget position and burn-down; coordinators and admins add new ones. */
export function ProgrammesView({ programmes, canEdit, onChanged }: { programmes: ProgrammeRecord[]; canEdit: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  if (openId) return <ProgrammePage id={openId} onBack={() => setOpenId(null)} />;
  return (
    <section className="aid-programmes" aria-labelledby="aid-programmes-heading">
      <h2 id="aid-programmes-heading">{t('aid.programmes.heading')}</h2>
      {programmes.length === 0 ? <p className="empty">{t('aid.programmes.empty')}</p> : null}
      <ul className="plain-list">
        {programmes.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong> · {p.donor} · {p.budget} {p.currency} · {p.startsOn} – {p.endsOn}{' '}
            <button type="button" onClick={() => setOpenId(p.id)}>
              {t('aid.programmes.open')}
            </button>
          </li>
        ))}
      </ul>
      {canEdit ? (
        adding ? (
          <NewProgrammeForm
            onCreated={() => {
              setAdding(false);
              onChanged();
            }}
          />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            {t('aid.programmes.add')}
          </button>
        )
      ) : null}
    </section>
  );
}
