import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFilter, CaseSort } from '../../../shared/domain/cases';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import type { Notice } from '../../components/NoticeLine';
import { errorText } from '../../components/error-text';
import { useDismiss } from '../../components/use-dismiss';

type Format = 'csv' | 'xlsx';

interface ExportMenuProps {
  filter: CaseFilter;
  sort: CaseSort[];
  onNotice: (notice: Notice) => void;
}

/** Exports the current view (filter + sort) after a warning that the file leaves the encryption behind. */
export function ExportMenu({ filter, sort, onNotice }: ExportMenuProps) {
  const { t } = useTranslation();
  const rootRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<Format | null>(null);
  const [busy, setBusy] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(rootRef, open, close);

  const choose = (next: Format) => {
    setOpen(false);
    setFormat(next);
  };

  async function runExport() {
    if (!format || busy) return;
    setBusy(true);
    try {
      const { path, rows } = await call('cases.export', { format, filter, sort });
      onNotice({
        tone: 'success',
        text: (t) => (path === null ? t('exporter.cancelled') : t('exporter.saved', { count: rows, path })),
      });
    } catch (error) {
      onNotice({ tone: 'error', text: (t) => errorText(t, error) });
    } finally {
      setBusy(false);
      setFormat(null);
    }
  }

  return (
    <div className="menu" ref={rootRef}>
      <button type="button" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        {t('exporter.button')}
      </button>
      {open ? (
        <div className="menu-popup">
          <button type="button" onClick={() => choose('csv')}>
            {t('exporter.csv')}
          </button>
          <button type="button" onClick={() => choose('xlsx')}>
            {t('exporter.xlsx')}
          </button>
        </div>
      ) : null}
      {format ? (
        <Dialog title={t('exporter.confirmTitle')} onClose={() => !busy && setFormat(null)}>
          <p className="warning-text">{t('exporter.warning')}</p>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => setFormat(null)} autoFocus>
              {t('common.cancel')}
            </button>
            <button type="button" className="button-danger" disabled={busy} aria-busy={busy} onClick={() => void runExport()}>
              {busy ? t('exporter.exporting') : t('exporter.confirm')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
