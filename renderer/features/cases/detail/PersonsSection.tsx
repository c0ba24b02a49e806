import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/domain/cases';
import { call } from '../../../api';
import { FormMessage } from '../../../components/FormMessage';
import { problemText, type Problem } from '../../../components/error-text';
import { PersonLinker } from './PersonLinker';

interface PersonsSectionProps {
  detail: CaseDetail;
  canWrite: boolean;
  onChange: (detail: CaseDetail) => void;
  /** Opens the person's own page. */
  onOpen: (personId: string) => void;
}

/** The persons linked to the case, with their role, each opening the person's page; writers link, create and unlink. */
export function PersonsSection({ detail, canWrite, onChange, onOpen }: PersonsSectionProps) {
  const { t } = useTranslation();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function unlink(person: CaseDetail['persons'][number]) {
    setBusyId(person.personId);
    setProblem(null);
    try {
      onChange(await call('cases.unlinkPerson', { caseId: detail.id, personId: person.personId, role: person.role }));
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section className="detail-section">
      <h3>{t('persons.heading')}</h3>
      {detail.persons.length === 0 ? (
        <p className="muted">{t('persons.none')}</p>
      ) : (
        <ul className="plain-list">
          {detail.persons.map((person) => (
            <li key={`${person.personId}:${person.role}`} className="list-row">
              <button
                type="button"
                className="link-button person-name"
                aria-label={t('persons.openName', { name: person.displayName })}
                onClick={() => onOpen(person.personId)}
              >
                {person.displayName}
              </button>
              {person.latinName && person.latinName !== person.displayName ? (
                <span className="muted" lang="en">
                  {person.latinName}
                </span>
              ) : null}
              <span className="role-chip">{t(`casePersonRoles.${person.role}`)}</span>
              {canWrite ? (
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={t('persons.unlinkName', { name: person.displayName })}
                  disabled={busyId === person.personId}
                  onClick={() => void unlink(person)}
                >
                  {t('persons.unlink')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {problem ? <FormMessage error={problemText(t, problem)} /> : null}
      {canWrite ? <PersonLinker detail={detail} onLinked={onChange} /> : null}
    </section>
  );
}
