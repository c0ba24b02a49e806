import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormMessage } from '../../components/FormMessage';
import { errorText } from '../../components/error-text';
import { formatDateTime } from '../../components/format-date';
import { PersonCases } from './PersonCases';
import { PersonEditor } from './PersonEditor';
import { PersonReadOnly } from './PersonReadOnly';
import { RelativesSection } from './RelativesSection';
import { usePersonDetail } from './use-person-detail';

interface PersonPageProps {
  personId: string;
  canWrite: boolean;
  /** Back to where the person was opened from (the case). */
  onBack: () => void;
  onOpenCase: (caseId: string) => void;
}

/** One person: their record (editable by writers), relatives and cases. Viewers get it read-only. */
export function PersonPage({ personId, canWrite, onBack, onOpenCase }: PersonPageProps) {
  const { t, i18n } = useTranslation();
  const { detail, setDetail, error, loading } = usePersonDetail(personId);
  const backRef = useRef<HTMLButtonElement>(null);
  const [dirty, setDirty] = useState(false);
  /** Where to go once the person confirms leaving unsaved edits behind. */
  const [pendingLeave, setPendingLeave] = useState<(() => void) | null>(null);

  useEffect(() => {
    backRef.current?.focus();
  }, []);

  const leave = (go: () => void) => (dirty ? setPendingLeave(() => go) : go());

  const back = (
    <button ref={backRef} type="button" onClick={() => leave(onBack)}>
      {t('personPage.back')}
    </button>
  );

  if (!detail) {
    return (
      <div className="detail-page">
        <div className="detail-header">{back}</div>
        {error ? <FormMessage error={errorText(t, error)} /> : <p className="muted" role="status">{loading ? t('personPage.loading') : ''}</p>}
      </div>
    );
  }

  return (
    <article className="detail-page person-page">
      <header className="detail-header">
        {back}
        <div className="detail-heading">
          <h2>{detail.displayName}</h2>
          <p className="detail-meta">
            {detail.latinName && detail.latinName !== detail.displayName ? <span lang="en">{detail.latinName}</span> : null}
            <span>
              {t('personPage.meta', {
                created: formatDateTime(detail.createdAt, i18n.language),
                updated: formatDateTime(detail.updatedAt, i18n.language),
              })}
            </span>
          </p>
        </div>
      </header>
      {error ? <FormMessage error={errorText(t, error)} /> : null}
      <div className="detail-body">
        {canWrite ? (
          <PersonEditor detail={detail} onSaved={(record) => setDetail((current) => (current ? { ...current, ...record } : current))} onDirtyChange={setDirty} />
        ) : (
          <PersonReadOnly person={detail} />
        )}
        <div className="detail-sections">
          <RelativesSection detail={detail} canWrite={canWrite} onChange={setDetail} />
          <PersonCases cases={detail.cases} onOpenCase={(caseId) => leave(() => onOpenCase(caseId))} />
        </div>
      </div>
      {pendingLeave ? (
        <Dialog title={t('personPage.leaveTitle')} onClose={() => setPendingLeave(null)}>
          <p>{t('personPage.leaveIntro')}</p>
          <div className="actions">
            <button type="button" autoFocus onClick={() => setPendingLeave(null)}>
              {t('personPage.keepEditing')}
            </button>
            <button type="button" className="button-danger" onClick={pendingLeave}>
              {t('personPage.discard')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </article>
  );
}
