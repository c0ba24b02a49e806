import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Dialog } from '../../components/Dialog';
import type { Notice } from '../../components/NoticeLine';
import type { ViewList } from './use-view-list';

interface PickableView {
  id: string;
  name: string;
  builtIn: boolean;
}

interface ViewPickerProps<View extends PickableView, Filter, Sort> {
  /** Where this list's messages live: the case views and the ledger views word a few of them differently. */
  messages: 'views' | 'aid.views';
  list: ViewList<View, Filter, Sort>;
  nameMax: number;
  viewName: (t: TFunction, view: View) => string;
  errorText: (t: TFunction, error: unknown) => string;
  /** How a failed save is told; by default as any other error. */
  saveErrorText?: (t: TFunction, error: unknown, name: string) => string;
  viewId: string;
  onApply: (view: View | null) => void;
  filter: Filter;
  sort: Sort[];
  onNotice: (notice: Notice) => void;
}

/** Pick a saved view (filter + sort), save the current one under a name, delete one's own. */
export function ViewPicker<View extends PickableView, Filter, Sort>(props: ViewPickerProps<View, Filter, Sort>) {
  const { messages, list, nameMax, viewName, errorText, viewId, onApply, filter, sort, onNotice } = props;
  const saveErrorText = props.saveErrorText ?? ((t: TFunction, error: unknown) => errorText(t, error));
  const { t } = useTranslation();
  const id = useId();
  const { views, error: loadError, save, remove } = list;
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const current = views.find((view) => view.id === viewId) ?? null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (busy || !trimmed) return;
    setBusy(true);
    try {
      const view = await save(trimmed, filter, sort);
      setNaming(false);
      setName('');
      onApply(view);
      onNotice({ tone: 'success', text: (t) => t(`${messages}.saved`, { name: view.name }) });
    } catch (error) {
      onNotice({ tone: 'error', text: (t) => saveErrorText(t, error, trimmed) });
    } finally {
      setBusy(false);
    }
  }

  async function deleteCurrent() {
    if (!current || busy) return;
    setBusy(true);
    try {
      await remove(current.id);
      onApply(null);
      onNotice({ tone: 'success', text: (t) => t(`${messages}.deleted`) });
    } catch (error) {
      onNotice({ tone: 'error', text: (t) => errorText(t, error) });
    } finally {
      setConfirmDelete(false);
      setBusy(false);
    }
  }

  return (
    <div className="saved-views">
      <div className="filter">
        <label className="filter-caption" htmlFor={id}>
          {t(`${messages}.labelShort`)}
        </label>
        <select
          id={id}
          aria-label={t(`${messages}.label`)}
          value={current ? current.id : ''}
          title={loadError ? errorText(t, loadError) : undefined}
          onChange={(event) => onApply(views.find((view) => view.id === event.target.value) ?? null)}
        >
          <option value="">{t(`${messages}.choose`)}</option>
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
            aria-label={t(`${messages}.name`)}
            placeholder={t(`${messages}.name`)}
            maxLength={nameMax}
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
            {t(`${messages}.saveConfirm`)}
          </button>
          <button type="button" onClick={() => setNaming(false)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setNaming(true)}>
          {t(`${messages}.save`)}
        </button>
      )}
      {current && !current.builtIn ? (
        <button type="button" className="button-quiet" onClick={() => setConfirmDelete(true)}>
          {t(`${messages}.delete`)}
        </button>
      ) : null}
      {confirmDelete && current ? (
        <Dialog title={t(`${messages}.deleteTitle`, { name: current.name })} onClose={() => setConfirmDelete(false)}>
          <p>{t(`${messages}.deleteIntro`)}</p>
          <div className="actions">
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button-danger" disabled={busy} onClick={() => void deleteCurrent()}>
              {t(`${messages}.delete`)}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
