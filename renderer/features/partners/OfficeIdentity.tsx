import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityInfo } from '../../../shared/domain/sync';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';
import { Fingerprint } from './Fingerprint';

/** This office: its fingerprint to read out to partners, and its card to give them. */
export function OfficeIdentity({ identity, canSave }: { identity: IdentityInfo; canSave: boolean }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function save() {
    setBusy(true);
    setProblem(null);
    setSaved(null);
    try {
      const { path } = await call('sync.saveCard', {});
      setSaved(path ? t('partners.cardSaved', { path }) : t('partners.notSaved'));
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="this-office">
      <h3 id="this-office">{t('partners.thisOffice', { office: identity.office })}</h3>
      <Fingerprint value={identity.fingerprint} label={t('partners.fingerprint')} />
      <p className="muted">{t('partners.fingerprintHint')}</p>
      <p className="muted small">
        {t('partners.site')}: <code>{identity.siteId}</code>
      </p>
      {canSave ? (
        <div className="actions">
          <button type="button" onClick={() => void save()} disabled={busy} aria-busy={busy}>
            {busy ? t('common.working') : t('partners.saveCard')}
          </button>
        </div>
      ) : null}
      <FormMessage error={problemText(t, problem)} success={saved} />
    </section>
  );
}
