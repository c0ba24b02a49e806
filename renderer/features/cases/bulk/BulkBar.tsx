import { useTranslation } from 'react-i18next';
import type { BulkKind } from '../use-triage-keys';

interface BulkBarProps {
  count: number;
  canWrite: boolean;
  onAction: (kind: BulkKind) => void;
  onClear: () => void;
}

/** Shown while cases are selected: one action for all of them. */
export function BulkBar({ count, canWrite, onAction, onClear }: BulkBarProps) {
  const { t } = useTranslation();
  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('bulk.label')}>
      <span className="bulk-count">{t('bulk.selected', { count })}</span>
      {canWrite ? (
        <>
          <button type="button" onClick={() => onAction('assign')}>
            {t('bulk.assign')}
          </button>
          <button type="button" onClick={() => onAction('priority')}>
            {t('bulk.setPriority')}
          </button>
          <button type="button" onClick={() => onAction('status')}>
            {t('bulk.setStatus')}
          </button>
        </>
      ) : null}
      <button type="button" className="button-quiet" onClick={onClear}>
        {t('bulk.clear')}
      </button>
    </div>
  );
}
