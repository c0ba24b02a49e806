import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerdict } from '../../../shared/domain/audit';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { errorText } from '../../components/error-text';

/** Recomputes the whole chain on the backend; a broken chain is shown as an alert, not a footnote. */
export function VerifyChain() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function verify() {
    if (busy) return;
    setBusy(true);
    setVerdict(null);
    setError(null);
    try {
      setVerdict(await call('audit.verify', {}));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="audit-verify">
      <div className="actions actions-start">
        <button type="button" className="button-primary" disabled={busy} aria-busy={busy} onClick={() => void verify()}>
          {busy ? t('audit.verifying') : t('audit.verify')}
        </button>
      </div>
      {verdict && !verdict.ok ? (
        <div className="audit-verdict audit-verdict-broken" role="alert">
          <p className="audit-verdict-title">{t('audit.tampered', { reason: verdict.reason })}</p>
          <p>{t('audit.tamperedHint', { seq: verdict.brokenAt })}</p>
        </div>
      ) : null}
      {error ? <FormMessage error={errorText(t, error)} /> : null}
      <p className="audit-verdict audit-verdict-ok" role="status">
        {verdict?.ok ? t('audit.intact', { count: verdict.entries }) : ''}
      </p>
    </div>
  );
}
