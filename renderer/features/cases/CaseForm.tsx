import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { priorities, regions, type CaseRecord, type Priority, type Region } from '../../../shared/domain/cases';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';
import { SimilarPersonsWarning } from '../duplicates/SimilarPersonsWarning';
import { useSimilarPersons } from '../duplicates/use-similar-persons';

interface Draft {
  title: string;
  personName: string;
  region: Region | '';
  priority: Priority;
  summary: string;
}

const emptyDraft: Draft = { title: '', personName: '', region: '', priority: 'normal', summary: '' };

function isRegion(value: string): value is Region {
  return (regions as readonly string[]).includes(value);
}

function isPriority(value: string): value is Priority {
  return (priorities as readonly string[]).includes(value);
}

/** Intake form for a new case. Nothing typed here is kept anywhere but this component's state. */
export function CaseForm({ onCreated }: { onCreated: (record: CaseRecord) => void }) {
  const { t } = useTranslation();
  const ids = { region: useId(), priority: useId(), summary: useId() };
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [created, setCreated] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const similar = useSimilarPersons(draft.personName);

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setCreated(false);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const { region } = draft;
    if (region === '') {
      setProblem({ local: 'caseForm.regionRequired' });
      return;
    }
    setBusy(true);
    setProblem(null);
    setCreated(false);
    try {
      const record = await call('cases.create', { ...draft, region });
      setDraft(emptyDraft);
      setCreated(true);
      onCreated(record);
      titleRef.current?.focus();
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="case-form" onSubmit={submit} noValidate autoComplete="off">
      <h2>{t('caseForm.heading')}</h2>
      <Field
        className="field-title"
        ref={titleRef}
        label={t('caseForm.title')}
        name="title"
        autoComplete="off"
        required
        maxLength={300}
        value={draft.title}
        onChange={(event) => update('title', event.target.value)}
      />
      <Field
        className="field-person"
        label={t('caseForm.personName')}
        name="personName"
        autoComplete="off"
        required
        maxLength={300}
        value={draft.personName}
        onChange={(event) => update('personName', event.target.value)}
      />
      <SimilarPersonsWarning matches={similar} />
      <div className="field field-region">
        <label htmlFor={ids.region}>{t('caseForm.region')}</label>
        <select
          id={ids.region}
          name="region"
          required
          value={draft.region}
          onChange={(event) => update('region', isRegion(event.target.value) ? event.target.value : '')}
        >
          <option value="" disabled>
            {t('caseForm.chooseRegion')}
          </option>
          {regions.map((region) => (
            <option key={region} value={region}>
              {t(`regions.${region}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-priority">
        <label htmlFor={ids.priority}>{t('caseForm.priority')}</label>
        <select
          id={ids.priority}
          name="priority"
          value={draft.priority}
          onChange={(event) => {
            const { value } = event.target;
            if (isPriority(value)) update('priority', value);
          }}
        >
          {priorities.map((priority) => (
            <option key={priority} value={priority}>
              {t(`priorities.${priority}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-summary">
        <label htmlFor={ids.summary}>{t('caseForm.summary')}</label>
        <textarea
          id={ids.summary}
          name="summary"
          rows={2}
          maxLength={20_000}
          autoComplete="off"
          value={draft.summary}
          onChange={(event) => update('summary', event.target.value)}
        />
      </div>
      <FormMessage error={problemText(t, problem)} success={created ? t('caseForm.created') : null} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
          {t('caseForm.submit')}
        </button>
      </div>
    </form>
  );
}
