import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseNote } from '../../../../shared/domain/cases';
import { call } from '../../../api';
import { FormMessage } from '../../../components/FormMessage';
import { TextAreaField } from '../../../components/TextAreaField';
import { problemText, type Problem } from '../../../components/error-text';
import { formatDateTime } from '../../../components/format-date';

interface NotesSectionProps {
  caseId: string;
  notes: CaseNote[];
  canWrite: boolean;
  onAdded: (note: CaseNote) => void;
}

/** The case's notes, newest first; writers add to them (notes are never edited, only added). */
export function NotesSection({ caseId, notes, canWrite, onAdded }: NotesSectionProps) {
  const { t, i18n } = useTranslation();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const ordered = [...notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !body.trim()) return;
    setBusy(true);
    setProblem(null);
    try {
      onAdded(await call('cases.addNote', { caseId, body }));
      setBody('');
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="detail-section">
      <h3>{t('notes.heading')}</h3>
      {canWrite ? (
        <form className="stack note-form" onSubmit={submit} noValidate>
          <TextAreaField label={t('notes.body')} rows={3} maxLength={20_000} value={body} onChange={(event) => setBody(event.target.value)} />
          <FormMessage error={problemText(t, problem)} />
          <div className="actions">
            <button type="submit" disabled={busy || !body.trim()} aria-busy={busy}>
              {t('notes.add')}
            </button>
          </div>
        </form>
      ) : null}
      {ordered.length === 0 ? (
        <p className="muted">{t('notes.none')}</p>
      ) : (
        <ol className="timeline">
          {ordered.map((note) => (
            <li key={note.id}>
              <p className="timeline-meta">
                {t('notes.byline', {
                  name: note.author?.name ?? t('notes.unknownAuthor'),
                  when: formatDateTime(note.createdAt, i18n.language),
                })}
              </p>
              <p className="prewrap">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
