import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PartnerRecord } from '../../../shared/domain/sync';
import type { SessionInfo } from '../../../shared/domain/staff';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { errorText } from '../../components/error-text';
import { formatDateTime } from '../../components/format-date';
import { useRemote } from '../../components/use-remote';
import { AddPartnerDialog } from './AddPartnerDialog';
import { BundleImportDialog } from './BundleImportDialog';
import { ConflictList } from './ConflictList';
import { ExportDialog } from './ExportDialog';
import { Fingerprint } from './Fingerprint';
import { OfficeIdentity } from './OfficeIdentity';
import { PolicyDialog } from './PolicyDialog';
import { RemovePartnerDialog } from './RemovePartnerDialog';

type Open =
  | { kind: 'add' }
  | { kind: 'import' }
  | { kind: 'export'; partnerId: string | null }
  | { kind: 'policy'; partner: PartnerRecord }
  | { kind: 'remove'; partner: PartnerRecord }
  | null;

/** The Partners section: this office's fingerprint and card, the partner offices, bundles, conflicts. */
export function PartnersView({ session, onOpenCase }: { session: SessionInfo; onOpenCase: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const role = session.user.role;
  const isAdmin = role === 'admin';
  const exchanges = role === 'admin' || role === 'coordinator';
  const writes = role !== 'viewer';
  const identity = useRemote(() => call('sync.identity', {}), []);
  const partners = useRemote(() => call('partners.list', {}), []);
  const conflicts = useRemote(() => call('conflicts.list', {}), []);
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<string | null>(null);
  const reload = () => {
    partners.reload();
    conflicts.reload();
  };
  const list = partners.value ?? [];
  const exchange = (info: PartnerRecord['lastExport']) =>
    info ? t('partners.exchange', { date: formatDateTime(info.at, i18n.language), count: Object.values(info.records).reduce((a, b) => a + b, 0) }) : t('partners.never');
  const loadError = identity.error ?? partners.error ?? conflicts.error;

  return (
    <section className="partners-view stack" aria-labelledby="partners-heading">
      <div className="section-header">
        <h2 id="partners-heading">{t('partners.heading')}</h2>
        <div className="actions">
          {exchanges ? (
            <>
              <button type="button" onClick={() => setOpen({ kind: 'import' })}>
                {t('partners.import')}
              </button>
              <button type="button" onClick={() => setOpen({ kind: 'export', partnerId: null })} disabled={list.length === 0}>
                {t('partners.export')}
              </button>
            </>
          ) : null}
          {isAdmin ? (
            <button type="button" className="button-primary" onClick={() => setOpen({ kind: 'add' })}>
              {t('partners.add')}
            </button>
          ) : null}
        </div>
      </div>
      <p className="muted">{t('partners.intro')}</p>
      {loadError ? <FormMessage error={errorText(t, loadError)} /> : null}
      <FormMessage success={message} />
      <div className="partners-grid">
        {identity.value ? <OfficeIdentity identity={identity.value} canSave={exchanges} /> : null}
        <section className="card stack card-wide" aria-labelledby="partner-list">
          <h3 id="partner-list">{t('partners.listHeading')}</h3>
          {partners.loading && !partners.value ? <p role="status">{t('app.loading')}</p> : null}
          {partners.value && list.length === 0 ? <p className="muted">{t('partners.none')}</p> : null}
          {list.map((partner) => (
            <article key={partner.id} className="partner-card" aria-label={partner.name}>
              <div className="partner-head">
                <h4>{partner.name}</h4>
                <div className="actions">
                  {exchanges ? (
                    <button type="button" onClick={() => setOpen({ kind: 'export', partnerId: partner.id })} aria-label={t('partners.exportFor', { name: partner.name })}>
                      {t('partners.exportShort')}
                    </button>
                  ) : null}
                  {isAdmin ? (
                    <>
                      <button type="button" onClick={() => setOpen({ kind: 'policy', partner })} aria-label={t('partners.policyFor', { name: partner.name })}>
                        {t('partners.policy')}
                      </button>
                      <button type="button" onClick={() => setOpen({ kind: 'remove', partner })} aria-label={t('partners.removeName', { name: partner.name })}>
                        {t('partners.remove')}
                      </button>
                    </>
                  ) : null}
                </div>
              </div>
              <Fingerprint value={partner.fingerprint} label={t('partners.fingerprintOf', { name: partner.name })} />
              <dl className="partner-facts">
                <dt>{t('partners.lastSent')}</dt>
                <dd>{exchange(partner.lastExport)}</dd>
                <dt>{t('partners.lastReceived')}</dt>
                <dd>{exchange(partner.lastImport)}</dd>
                <dt>{t('partners.sharing')}</dt>
                <dd>{policySummary(t, partner)}</dd>
              </dl>
            </article>
          ))}
        </section>
        <section className="card stack card-wide" aria-labelledby="conflicts-heading">
          <h3 id="conflicts-heading">{t('conflicts.heading')}</h3>
          {conflicts.value && conflicts.value.length === 0 ? <p className="muted">{t('conflicts.none')}</p> : null}
          {conflicts.value && conflicts.value.length > 0 ? (
            <>
              <p className="muted">{t('conflicts.intro')}</p>
              <ConflictList conflicts={conflicts.value} onOpenCase={onOpenCase} onResolved={() => conflicts.reload()} canResolve={writes} />
            </>
          ) : null}
        </section>
      </div>
      {open?.kind === 'add' ? (
        <AddPartnerDialog
          onClose={() => setOpen(null)}
          onAdded={(name) => {
            setOpen(null);
            setMessage(t('addPartner.added', { name }));
            reload();
          }}
        />
      ) : null}
      {open?.kind === 'import' ? <BundleImportDialog onClose={() => setOpen(null)} onImported={reload} onOpenCase={onOpenCase} /> : null}
      {open?.kind === 'export' ? <ExportDialog partners={list} initial={open.partnerId} onClose={() => setOpen(null)} onExported={reload} /> : null}
      {open?.kind === 'remove' ? (
        <RemovePartnerDialog
          partner={open.partner}
          onClose={() => setOpen(null)}
          onRemoved={() => {
            setOpen(null);
            setMessage(t('partners.removed', { name: open.partner.name }));
            reload();
          }}
        />
      ) : null}
      {open?.kind === 'policy' ? (
        <PolicyDialog
          partner={open.partner}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            setMessage(t('policy.saved', { name: open.partner.name }));
            reload();
          }}
        />
      ) : null}
    </section>
  );
}

function policySummary(t: TFunction, partner: PartnerRecord): string {
  const { policy } = partner;
  const parts: string[] = policy.entities.map((group) => t(`policy.short.${group}`, { defaultValue: group }));
  if (policy.requireConsent) parts.push(t('policy.short.consent'));
  if (policy.violations.length > 0) parts.push(policy.violations.map((v) => t(`violations.${v}`)).join(', '));
  if (policy.tags.length > 0) parts.push(policy.tags.map((tag) => `#${tag}`).join(' '));
  return parts.join(' · ') || t('policy.short.nothing');
}
