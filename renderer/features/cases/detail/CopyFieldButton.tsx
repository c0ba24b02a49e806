import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api';
import { errorText } from '../../../components/error-text';

/**
 * Copies a sensitive field of the case. The backend puts it on the system clipboard and takes it off again
 * after a few seconds (unless something else was copied since), and at once on lock.
 */
export function CopyFieldButton({ caseId, field, label }: { caseId: string; field: 'reference' | 'personName'; label: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);

  async function copy() {
    try {
      const { clearsInSeconds } = await call('clipboard.copy', { caseId, field });
      setMessage(t('clipboard.copied', { count: clearsInSeconds }));
    } catch (error) {
      setMessage(errorText(t, error));
    }
  }

  return (
    <span className="copy-field">
      <button type="button" className="button-quiet" aria-label={label} onClick={() => void copy()}>
        {t('clipboard.copy')}
      </button>
      {message ? (
        <span role="status" className="field-hint">
          {message}
        </span>
      ) : null}
    </span>
  );
}
