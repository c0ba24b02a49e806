import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DisbursementFilter, DisbursementSort } from '../../../shared/domain/aid';
import { AID_VIEW_NAME_MAX, type AidSavedView } from '../../../shared/domain/aid-views';
import { Dialog } from '../../components/Dialog';
import { isConflict } from '../../components/error-text';
import { aidErrorText } from './aid-error';
import { useLedgerViews } from './use-ledger-views';

interface LedgerViewsProps {
  viewId: string;
  onApply: (view: AidSavedView | null) => void;
  filter: DisbursementFilter;
  sort: DisbursementSort[];
  onMessage: (message: { error?: string; success?: string }) => void;
}

const builtInKeys: Record<string, 'awaitingApproval' | 'approvedUnpaid' | 'fromPartners'> = {
  'builtin:aid-awaiting-approval': 'awaitingApproval',
  'builtin:aid-approved-unpaid': 'approvedUnpaid',
  'builtin:aid-from-partners': 'fromPartners',
};

/** Built-in views are named in the interface language, by id; people's own views by the name they gave. */
function ledgerViewName(t: TFunction, view: AidSavedView): string {
  const key = view.builtIn ? builtInKeys[view.id] : undefined;
  return key ? t(`aid.views.builtIn.${key}`) : view.name;
}

/** Pick a saved ledger view (filter + sort), save the current one under a name, delete one's own. */
export function LedgerViews({ viewId, onApply, filter, sort, onMessage }: LedgerViewsProps) {
  const { t } = useTranslation();
  const id = useId();
  const { views, error: loadError, save, remove } = useLedgerViews();
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
      onMessage({ success: t('aid.views.saved', { name: view.name }) });
    } catch (error) {
      onMessage({ error: isConflict(error) ? t('aid.views.duplicate', { name: trimmed }) : aidErrorText(t, error) });
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
      onMessage({ success: t('aid.views.deleted') });
    } catch (error) {
      onMessage({ error: aidErrorText(t, error) });
    } finally {
      setConfirmDelete(false);
      setBusy(false);
    }
  }

  return (
    <div className="saved-views">
      <div className="filter">
        <label className="filter-caption" htmlFor={id}>
          {t('aid.views.labelShort')}
        </label>
        <select
          id={id}
          aria-label={t('aid.views.label')}
          value={current ? current.id : ''}
          title={loadError ? aidErrorText(t, loadError) : undefined}
          onChange={(event) => onApply(views.find((view) => view.id === event.target.value) ?? null)}
        >
          <option value="">{t('aid.views.choose')}</option>
          {views.map((view) => (
            <option key={view.id} value={view.id}>
              {ledgerViewName(t, view)}
            </option>
          ))}
        </select>
      </div>
      {naming ? (
        <form className="inline-form" onSubmit={submit} noValidate autoComplete="off">
          <input
            aria-label={t('aid.views.name')}
            placeholder={t('aid.views.name')}
            maxLength={AID_VIEW_NAME_MAX}
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
            {t('aid.views.saveConfirm')}
          </button>
          <button type="button" onClick={() => setNaming(false)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setNaming(true)}>
          {t('aid.views.save')}
        </button>
      )}
      {current && !current.builtIn ? (
        <button type="button" className="button-quiet" onClick={() => setConfirmDelete(true)}>
          {t('aid.views.delete')}
        </button>
      ) : null}
      {confirmDelete && current ? (
        <Dialog title={t('aid.views.deleteTitle', { name: current.name })} onClose={() => setConfirmDelete(false)}>
          <p>{t('aid.views.deleteIntro')}</p>
          <div className="actions">
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button-danger" disabled={busy} onClick={() => void deleteCurrent()}>
              {t('aid.views.delete')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
