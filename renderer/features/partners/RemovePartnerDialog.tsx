import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerRecord } from '../../../shared/domain/sync';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';

export function RemovePartnerDialog({ partner, onClose, onRemoved }: { partner: PartnerRecord; onClose: () => void; onRemoved: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function remove() {
    setBusy(true);
    setProblem(null);
    try {
      await call('partners.remove', { id: partner.id });
      onRemoved();
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('partners.removeTitle', { name: partner.name })} onClose={onClose}>
      <div className="stack">
        <p>{t('partners.removeIntro', { name: partner.name })}</p>
        <FormMessage error={problemText(t, problem)} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button-danger" onClick={() => void remove()} disabled={busy} aria-busy={busy}>
            {busy ? t('common.working') : t('partners.remove')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
