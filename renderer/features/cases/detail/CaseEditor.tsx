import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { statusChangeNeedsReason, type CaseDetail } from '../../../../shared/domain/cases';
import type { StaffRecord } from '../../../../shared/domain/staff-accounts';
import { FormMessage } from '../../../components/FormMessage';
import { isConflict, problemText, type Problem } from '../../../components/error-text';
import { changesOf, draftFromDetail, invalidDates, type CaseDraft } from './case-draft';
import { EditorFields } from './EditorFields';
import { saveCase } from './save-case';

interface CaseEditorProps {
  detail: CaseDetail;
  staff: StaffRecord[];
  onSaved: (detail: CaseDetail) => void;
  onReload: () => void;
  /** Told whether there are unsaved changes, so leaving the page can ask first. */
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * The case's fields as a form. Edits are kept on top of the stored case, so a reload (after a conflict,
 * or after linking a person) shows everyone's changes without losing what was typed here.
 */
export function CaseEditor({ detail, staff, onSaved, onReload, onDirtyChange }: CaseEditorProps) {
  const { t } = useTranslation();
  const [edits, setEdits] = useState<Partial<CaseDraft>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);

  const base = draftFromDetail(detail);
  const draft: CaseDraft = { ...base, ...edits };
  const changes = changesOf(base, draft);
  const badDates = invalidDates(draft);
  const dirty = changes.count > 0;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const set = <K extends keyof CaseDraft>(key: K, value: CaseDraft[K]) => {
    setEdits((current) => ({ ...current, [key]: value }));
    setSaved(false);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || changes.count === 0) return;
    const field = badDates[0];
    if (field) {
      setProblem({ text: (tr) => tr('detail.dateInvalid', { field: tr(`caseFields.${field}`) }) });
      return;
    }
    if (changes.status && statusChangeNeedsReason(detail.status, changes.status) && !draft.statusReason.trim()) {
      setProblem({ local: 'detail.reasonNeeded' });
      return;
    }
    setBusy(true);
    setProblem(null);
    setConflict(false);
    try {
      const next = await saveCase(detail, changes, draft.statusReason);
      setEdits({});
      setSaved(true);
      onSaved(next);
    } catch (error) {
      if (isConflict(error)) {
        setConflict(true);
      } else {
        setProblem({ error });
        // Part of the save may have landed: fetch the case so the form compares against what is stored.
        onReload();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="case-editor" onSubmit={submit} noValidate autoComplete="off">
      <EditorFields draft={draft} storedStatus={detail.status} staff={staff} badDates={badDates} set={set} />
      <div className="save-bar">
        {conflict ? (
          <div className="conflict" role="alert">
            <strong>{t('detail.conflict')}</strong> <span>{t('detail.conflictHelp')}</span>
            <button
              type="button"
              onClick={() => {
                setConflict(false);
                onReload();
              }}
            >
              {t('detail.reload')}
            </button>
          </div>
        ) : (
          <FormMessage error={problemText(t, problem)} success={saved ? t('detail.saved') : null} />
        )}
        <span className="save-bar-spacer" />
        {changes.count > 0 ? <span className="unsaved">{t('detail.unsaved')}</span> : null}
        <button
          type="button"
          disabled={busy || Object.keys(edits).length === 0}
          onClick={() => {
            setEdits({});
            setProblem(null);
          }}
        >
          {t('detail.discard')}
        </button>
        <button type="submit" className="button-primary" disabled={busy || changes.count === 0} aria-busy={busy}>
          {busy ? t('detail.saving') : t('detail.save')}
        </button>
      </div>
    </form>
  );
}
