import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail, PersonRecord } from '../../../shared/domain/persons';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';
import { PersonFields } from './PersonFields';
import { birthDateInvalid, changesOf, draftFromPerson, nameMissing, type PersonDraft } from './person-draft';

interface PersonEditorProps {
  detail: PersonDetail;
  onSaved: (record: PersonRecord) => void;
  /** Told whether there are unsaved changes, so leaving the page can ask first. */
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * The person's fields as a form. Edits are kept on top of the stored person, so adding a relative (which
 * fetches the person again) keeps what was typed here. Saving sends only the changed fields.
 */
export function PersonEditor({ detail, onSaved, onDirtyChange }: PersonEditorProps) {
  const { t } = useTranslation();
  const [edits, setEdits] = useState<Partial<PersonDraft>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);

  const base = draftFromPerson(detail);
  const draft: PersonDraft = { ...base, ...edits };
  const patch = changesOf(base, draft);
  const dirty = Object.keys(patch).length > 0;
  const badBirthDate = birthDateInvalid(draft);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const set = <K extends keyof PersonDraft>(key: K, value: PersonDraft[K]) => {
    setEdits((current) => ({ ...current, [key]: value }));
    setSaved(false);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !dirty) return;
    if (nameMissing(draft)) {
      setProblem({ local: 'personPage.nameRequired' });
      return;
    }
    if (badBirthDate) {
      setProblem({ local: 'personPage.birthDateInvalid' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const record = await call('persons.update', { id: detail.id, patch });
      setEdits({});
      setSaved(true);
      onSaved(record);
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="person-editor" onSubmit={submit} noValidate autoComplete="off">
      <PersonFields draft={draft} latinName={detail.latinName} badBirthDate={badBirthDate} set={set} />
      <div className="save-bar">
        <FormMessage error={problemText(t, problem)} success={saved ? t('personPage.saved') : null} />
        <span className="save-bar-spacer" />
        {dirty ? <span className="unsaved">{t('personPage.unsaved')}</span> : null}
        <button
          type="button"
          disabled={busy || Object.keys(edits).length === 0}
          onClick={() => {
            setEdits({});
            setProblem(null);
          }}
        >
          {t('personPage.discard')}
        </button>
        <button type="submit" className="button-primary" disabled={busy || !dirty} aria-busy={busy}>
          {busy ? t('personPage.saving') : t('personPage.save')}
        </button>
      </div>
    </form>
  );
}
