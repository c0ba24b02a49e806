import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerRecord } from '../../../shared/domain/sync';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { problemText, type Problem } from '../../components/error-text';
import { useRemote } from '../../components/use-remote';
import { formatBytes } from '../../i18n/locale';
import { entityLabel } from './labels';

/** Choosing a partner, seeing what its bundle would carry, and saving it where the person chooses. */
export function ExportDialog({ partners, initial, onClose, onExported }: { partners: PartnerRecord[]; initial: string | null; onClose: () => void; onExported: () => void }) {
  const { t, i18n } = useTranslation();
  const [partnerId, setPartnerId] = useState(initial ?? partners[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const partner = partners.find((p) => p.id === partnerId);
  const preview = useRemote(() => call('sync.exportPreview', { partner: partnerId }), [partnerId]);

  async function save() {
    if (!partner) return;
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const { path } = await call('sync.export', { partner: partner.id });
      setDone(path ? t('bundleExport.saved', { name: partner.name, path }) : t('partners.notSaved'));
      if (path) onExported();
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  const summary = preview.value;
  return (
    <Dialog title={t('bundleExport.title')} onClose={onClose}>
      <div className="stack">
        <SelectField label={t('bundleExport.partner')} value={partnerId} onChange={(event) => setPartnerId(event.target.value)}>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <section aria-labelledby="export-summary" className="stack">
          <h3 id="export-summary">{t('bundleExport.summaryHeading')}</h3>
          {preview.loading && !summary ? <p role="status">{t('bundleExport.loading')}</p> : null}
          {summary && summary.empty ? <p>{t('bundleExport.nothing', { name: partner?.name ?? '' })}</p> : null}
          {summary && !summary.empty ? (
            <ul className="plain-list">
              {Object.entries(summary.records).map(([entity, count]) => (
                <li key={entity}>{t('bundleExport.recordLine', { what: entityLabel(t, entity), count })}</li>
              ))}
              {summary.attachmentBytes > 0 ? <li>{t('bundleExport.attachments', { size: formatBytes(summary.attachmentBytes, i18n.language) })}</li> : null}
              <li className="muted">{t('bundleExport.ops', { count: summary.ops })}</li>
            </ul>
          ) : null}
          <p className="muted">{t('bundleExport.encrypted', { name: partner?.name ?? '' })}</p>
        </section>
        <FormMessage error={problemText(t, problem ?? (preview.error ? { error: preview.error } : null))} success={done} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="button" className="button-primary" onClick={() => void save()} disabled={busy || !partner || !summary} aria-busy={busy}>
            {busy ? t('common.working') : t('bundleExport.save')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
