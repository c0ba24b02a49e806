import { useTranslation } from 'react-i18next';
import { DetailPageFrame } from '../../components/DetailPageFrame';
import { formatDateTime } from '../../components/format-date';
import { AidHistory } from '../aid/AidHistory';
import { PersonCases } from './PersonCases';
import { PersonEditor } from './PersonEditor';
import { PersonGroupSection } from './PersonGroupSection';
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
  const { detail, setDetail, error, loading, reload } = usePersonDetail(personId);

  return (
    <DetailPageFrame
      texts="personPage"
      className="detail-page person-page"
      value={detail}
      loading={loading}
      error={error}
      onBack={onBack}
      header={(person) => (
        <div className="detail-heading">
          <h2>{person.displayName}</h2>
          <p className="detail-meta">
            {person.latinName && person.latinName !== person.displayName ? <span lang="en">{person.latinName}</span> : null}
            <span>
              {t('personPage.meta', {
                created: formatDateTime(person.createdAt, i18n.language),
                updated: formatDateTime(person.updatedAt, i18n.language),
              })}
            </span>
          </p>
        </div>
      )}
    >
      {(person, { leave, setDirty }) => (
        <div className="detail-body">
          {canWrite ? (
            <PersonEditor detail={person} onSaved={(record) => setDetail((current) => (current ? { ...current, ...record } : current))} onDirtyChange={setDirty} />
          ) : (
            <PersonReadOnly person={person} />
          )}
          <div className="detail-sections">
            <PersonGroupSection detail={person} canWrite={canWrite} onChanged={reload} />
            <RelativesSection detail={person} canWrite={canWrite} onChange={setDetail} />
            <PersonCases cases={person.cases} onOpenCase={(caseId) => leave(() => onOpenCase(caseId))} />
            <AidHistory personId={person.id} />
          </div>
        </div>
      )}
    </DetailPageFrame>
  );
}
