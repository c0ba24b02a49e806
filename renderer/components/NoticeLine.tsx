import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** A screen's latest outcome (saved, exported, updated, or what went wrong), rendered in the current language. */
export interface Notice {
  tone: 'success' | 'error';
  text: (t: TFunction) => string;
}

/** Always in the DOM, so screen readers announce what appears in it. */
export function NoticeLine({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={notice ? `notice-line notice-${notice.tone}` : 'notice-line'} role="status" aria-live={notice?.tone === 'error' ? 'assertive' : 'polite'}>
      {notice ? (
        <>
          <span className="notice-text">{notice.text(t)}</span>
          <button type="button" className="button-quiet" onClick={onDismiss}>
            {t('common.close')}
          </button>
        </>
      ) : null}
    </div>
  );
}
