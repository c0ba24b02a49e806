import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffRecord } from '../../../../shared/domain/staff-accounts';
import { DetailPageFrame } from '../../../components/DetailPageFrame';
import { PriorityBadge } from '../../../components/PriorityBadge';
import { formatDateTime } from '../../../components/format-date';
import { EvidencePackageButton } from '../../evidence/EvidencePackageButton';
import { AidHistory } from '../../aid/AidHistory';
import { AttachmentsSection } from './AttachmentsSection';
import { CopyFieldButton } from './CopyFieldButton';
import { CaseEditor } from './CaseEditor';
import { CaseReadOnly } from './CaseReadOnly';
import { HistoryTab } from './HistoryTab';
import { NotesSection } from './NotesSection';
import { PersonsSection } from './PersonsSection';
import { SourcesSection } from './SourcesSection';
import { useCaseDetail } from './use-case-detail';
import { CaseOrigin } from '../../partners/CaseOrigin';

interface CaseDetailPageProps {
  caseId: string;
  canWrite: boolean;
  staff: StaffRecord[];
  onBack: () => void;
  /** Opens a linked person's page; its Back returns here. */
  onOpenPerson: (personId: string) => void;
}

/**
 * One case: its fields (editable by writers), persons, notes, attachments, sources and history. After any
 * addition the case is fetched again, so the editor's `expectedUpdatedAt` stays current.
 */
export function CaseDetailPage({ caseId, canWrite, staff, onBack, onOpenPerson }: CaseDetailPageProps) {
  const { t, i18n } = useTranslation();
  const { detail, setDetail, error, loading, reload } = useCaseDetail(caseId);
  const [tab, setTab] = useState<'details' | 'history'>('details');

  return (
    <DetailPageFrame
      texts="detail"
      className="detail-page"
      value={detail}
      loading={loading}
      error={error}
      onBack={onBack}
      header={(detail) => (
        <>
          <div className="detail-heading">
            <h2>{detail.title}</h2>
            <p className="detail-meta">
              <span className="reference">{detail.reference}</span>
              <CopyFieldButton caseId={detail.id} field="reference" label={t('clipboard.copyReference')} />
              {detail.personName ? <CopyFieldButton caseId={detail.id} field="personName" label={t('clipboard.copyPersonName', { name: detail.personName })} /> : null}
              <CaseOrigin caseId={detail.id} />
              <PriorityBadge priority={detail.priority} />
              <span className={`status status-${detail.status}`}>{t(`statuses.${detail.status}`)}</span>
              <span>
                {t('detail.meta', {
                  created: formatDateTime(detail.createdAt, i18n.language),
                  updated: formatDateTime(detail.updatedAt, i18n.language),
                })}
              </span>
            </p>
          </div>
          <div className="tabs" role="group" aria-label={t('detail.sections')}>
            <button type="button" aria-pressed={tab === 'details'} onClick={() => setTab('details')}>
              {t('detail.details')}
            </button>
            <button type="button" aria-pressed={tab === 'history'} onClick={() => setTab('history')}>
              {t('detail.history')}
            </button>
          </div>
        </>
      )}
    >
      {(detail, { leave, setDirty }) => (
        <>
          {tab === 'history' ? <HistoryTab caseId={detail.id} updatedAt={detail.updatedAt} staff={staff} /> : null}
          {/* Hidden, not unmounted, while History shows: unsaved edits survive a look at the history. */}
          <div className="detail-body" hidden={tab !== 'details'}>
            {canWrite ? (
              <CaseEditor detail={detail} staff={staff} onSaved={setDetail} onReload={reload} onDirtyChange={setDirty} />
            ) : (
              <CaseReadOnly detail={detail} />
            )}
            <div className="detail-sections">
              <PersonsSection detail={detail} canWrite={canWrite} onChange={setDetail} onOpen={(personId) => leave(() => onOpenPerson(personId))} />
              <NotesSection
                caseId={detail.id}
                notes={detail.notes}
                canWrite={canWrite}
                onAdded={(note) => {
                  setDetail({ ...detail, notes: [...detail.notes, note] });
                  reload();
                }}
              />
              <AttachmentsSection
                caseId={detail.id}
                attachments={detail.attachments}
                canWrite={canWrite}
                onAdded={(meta) => {
                  setDetail({ ...detail, attachments: [...detail.attachments, meta] });
                  reload();
                }}
              />
              {detail.sources ? (
                <SourcesSection
                  caseId={detail.id}
                  sources={detail.sources}
                  canWrite={canWrite}
                  onChange={(sources) => {
                    setDetail({ ...detail, sources });
                    reload();
                  }}
                />
              ) : null}
              {/* Sources and evidence packages are for the same roles: coordinators and admins. */}
              {detail.sources ? (
                <section className="detail-section">
                  <h3>{t('evidence.heading')}</h3>
                  <p className="muted">{t('evidence.sectionIntro')}</p>
                  <EvidencePackageButton caseId={detail.id} related={[detail.reference]} />
                </section>
              ) : null}
              <AidHistory caseId={detail.id} />
            </div>
          </div>
        </>
      )}
    </DetailPageFrame>
  );
}
