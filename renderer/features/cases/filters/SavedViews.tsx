import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFilter, CaseSort } from '../../../../shared/domain/cases';
import type { SavedView } from '../../../../shared/domain/views';
import { Dialog } from '../../../components/Dialog';
import type { Notice } from '../../../components/NoticeLine';
import { errorText } from '../../../components/error-text';
import { useSavedViews } from './use-saved-views';
import { viewName } from './view-name';

interface SavedViewsProps {
  viewId: string;
  onApply: (view: SavedView | null) => void;
  filter: CaseFilter;
  sort: CaseSort[];
  onNotice: (notice: Notice) => void;
}

/** Pick a saved view (filter + sort), save the current one under a name, delete one's own. */
export function SavedViews({ viewId, onApply, filter, sort, onNotice }: SavedViewsProps) {
  const { t } = useTranslation();
  const id = useId();
  const { views, error: loadError, save, remove } = useSavedViews();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const fail = (error: unknown) => onNotice({ tone: 'error', text: (t) => errorText(t, error) });
  const current = views.find((view) => view.id === viewId) ?? null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !name.trim()) return;
    setBusy(true);
    try {
      const view = await save(name.trim(), filter, sort);
      setNaming(false);
      setName('');
      onApply(view);
      onNotice({ tone: 'success', text: (t) => t('views.saved', { name: view.name }) });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function deleteCurrent() {
    if (!current || busy) return;
    setBusy(true);
    try {
      await remove(current.id);
      setConfirmDelete(false);
      onApply(null);
      onNotice({ tone: 'success', text: (t) => t('views.deleted') });
    } catch (error) {
      fail(error);
      setConfirmDelete(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="saved-views">
      <div className="filter">
        <label className="filter-caption" htmlFor={id}>
          {t('views.labelShort')}
        </label>
        <select
          id={id}
          aria-label={t('views.label')}
          value={current ? current.id : ''}
          title={loadError ? errorText(t, loadError) : undefined}
          onChange={(event) => onApply(views.find((view) => view.id === event.target.value) ?? null)}
        >
          <option value="">{t('views.choose')}</option>
          {views.map((view) => (
            <option key={view.id} value={view.id}>
              {viewName(t, view)}
            </option>
          ))}
        </select>
      </div>
      {naming ? (
        <form className="inline-form" onSubmit={submit} noValidate autoComplete="off">
          <input
            aria-label={t('views.name')}
            placeholder={t('views.name')}
            maxLength={80}
            autoFocus
            value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                setNaming(false);
              }
            }}
          />
          <button type="submit" className="button-primary" disabled={busy || !name.trim()}>
            {t('views.saveConfirm')}
          </button>
          <button type="button" onClick={() => setNaming(false)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setNaming(true)}>
          {t('views.save')}
        </button>
      )}
      {current && !current.builtIn ? (
        <button type="button" className="button-quiet" onClick={() => setConfirmDelete(true)}>
          {t('views.delete')}
        </button>
      ) : null}
      {confirmDelete && current ? (
        <Dialog title={t('views.deleteTitle', { name: current.name })} onClose={() => setConfirmDelete(false)}>
          <p>{t('views.deleteIntro')}</p>
          <div className="actions">
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button-danger" disabled={busy} onClick={() => void deleteCurrent()}>
              {t('views.delete')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
