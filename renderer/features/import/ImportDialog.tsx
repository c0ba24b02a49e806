import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES } from '../../../shared/domain/spreadsheet';
import { Dialog } from '../../components/Dialog';
import { FormMessage } from '../../components/FormMessage';
import { errorText } from '../../components/error-text';
import { formatBytes } from '../../i18n/locale';
import { MappingEditor } from './MappingEditor';
import { RowReports } from './RowReports';
import { useImport } from './use-import';

/** Pick a .csv/.xlsx file, check and map its columns, then import every row in one go. */
export function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const fileId = useId();
  const { phase, preview, error, tooLarge, imported, choose, remap, runImport } = useImport();
  const busy = phase === 'reading' || phase === 'previewing' || phase === 'importing';
  const allValid = preview !== null && preview.totalRows > 0 && preview.validRows === preview.totalRows;

  const progress = phase === 'reading' ? t('importer.reading') : phase === 'previewing' ? t('importer.previewing') : phase === 'importing' ? t('importer.importing') : null;

  return (
    <Dialog
      title={t('importer.title')}
      onClose={() => (phase === 'done' ? onImported() : phase !== 'importing' && onClose())}
      size="wide"
    >
      <div className="stack import">
        <p className="muted">{t('importer.intro')}</p>
        <div className="field">
          <label htmlFor={fileId}>{t('importer.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={phase === 'importing'}
            onChange={(event) => {
              const picked = event.target.files?.[0];
              // Cleared at once, so choosing the same file again after fixing it reads it again.
              event.target.value = '';
              if (picked) void choose(picked);
            }}
          />
        </div>
        {tooLarge !== null ? (
          <FormMessage error={t('importer.tooLarge', { size: formatBytes(tooLarge, i18n.language), max: formatBytes(MAX_IMPORT_BYTES, i18n.language) })} />
        ) : null}
        {error ? <FormMessage error={errorText(t, error)} /> : null}
        {progress ? (
          <div className="progress-line" role="status">
            <progress aria-label={progress} />
            <span>{progress}</span>
          </div>
        ) : null}
        {phase === 'done' ? (
          <FormMessage success={t('importer.done', { count: imported })} />
        ) : preview ? (
          <>
            <MappingEditor columns={preview.columns} mapping={preview.mapping} disabled={busy} onChange={remap} />
            <p className={allValid ? 'totals' : 'totals totals-bad'}>
              {t('importer.totals', { total: preview.totalRows, valid: preview.validRows })}
              {' — '}
              {allValid ? t('importer.allValid') : t('importer.fixFirst')}
            </p>
            <RowReports preview={preview} />
          </>
        ) : null}
        <div className="actions">
          {phase === 'done' ? (
            <button type="button" className="button-primary" onClick={onImported}>
              {t('common.close')}
            </button>
          ) : (
            <>
              <button type="button" disabled={phase === 'importing'} onClick={onClose}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="button-primary"
                disabled={!allValid || busy}
                aria-busy={phase === 'importing'}
                onClick={() => void runImport()}
              >
                {t('importer.import', { count: preview?.totalRows ?? 0 })}
              </button>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
