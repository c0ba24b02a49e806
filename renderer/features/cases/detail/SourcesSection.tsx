import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSource } from '../../../../shared/domain/cases';
import { call } from '../../../api';
import { Field } from '../../../components/Field';
import { FormMessage } from '../../../components/FormMessage';
import { TextAreaField } from '../../../components/TextAreaField';
import { problemText, type Problem } from '../../../components/error-text';

interface SourcesSectionProps {
  caseId: string;
  sources: CaseSource[];
  canWrite: boolean;
  onChange: (sources: CaseSource[]) => void;
}

const emptySource = { name: '', contact: '', notes: '' };

/** Who told us: only coordinators and admins receive this section's data at all. */
export function SourcesSection({ caseId, sources, canWrite, onChange }: SourcesSectionProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(emptySource);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !draft.name.trim()) return;
    setBusy(true);
    setProblem(null);
    try {
      const source = await call('cases.addSource', { caseId, ...draft });
      onChange([...sources, source]);
      setDraft(emptySource);
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string) {
    setBusy(true);
    setProblem(null);
    try {
      await call('cases.removeSource', { id });
      onChange(sources.filter((source) => source.id !== id));
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="detail-section sources">
      <h3>{t('sources.heading')}</h3>
      <p className="field-hint">{t('sources.restricted')}</p>
      {sources.length === 0 ? (
        <p className="muted">{t('sources.none')}</p>
      ) : (
        <ul className="plain-list">
          {sources.map((source) => (
            <li key={source.id} className="list-row list-row-top">
              <div className="source-body">
                <strong>{source.name}</strong>
                {source.contact ? <span> · {source.contact}</span> : null}
                {source.notes ? <p className="prewrap muted">{source.notes}</p> : null}
              </div>
              {canWrite ? (
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={t('sources.removeName', { name: source.name })}
                  disabled={busy}
                  onClick={() => void remove(source.id)}
                >
                  {t('sources.remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <form className="stack" onSubmit={add} noValidate autoComplete="off">
          <div className="field-row">
            <Field label={t('sources.name')} maxLength={300} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            <Field label={t('sources.contact')} maxLength={500} value={draft.contact} onChange={(e) => setDraft({ ...draft, contact: e.target.value })} />
          </div>
          <TextAreaField label={t('sources.notes')} rows={2} maxLength={20_000} value={draft.notes} onChange={(e) => setDraft({ ...draft, notes: e.target.value })} />
          <FormMessage error={problemText(t, problem)} />
          <div className="actions">
            <button type="submit" disabled={busy || !draft.name.trim()}>
              {t('sources.add')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
