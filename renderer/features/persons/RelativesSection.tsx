import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PersonDetail } from '../../../shared/domain/persons';
import type { RelationType } from '../../../shared/domain/vocabularies';
import { call } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';
import { RelativeFinder } from './RelativeFinder';

type Relative = PersonDetail['relatives'][number];

function successText(t: TFunction, done: { name: string; relation: RelationType; added: boolean }): string {
  return done.added ? t('relatives.added', { name: done.name, relation: t(`relations.${done.relation}`) }) : t('relatives.removed', { name: done.name });
}

interface RelativesSectionProps {
  detail: PersonDetail;
  canWrite: boolean;
  onChange: (detail: PersonDetail) => void;
}

/** The person's relatives with the relation; writers find and add others, and remove them. */
export function RelativesSection({ detail, canWrite, onChange }: RelativesSectionProps) {
  const { t } = useTranslation();
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<{ name: string; relation: RelationType; added: boolean } | null>(null);

  async function remove(relative: Relative) {
    const key = `${relative.personId}:${relative.relation}`;
    setBusyKey(key);
    setProblem(null);
    setDone(null);
    try {
      onChange(await call('persons.removeRelation', { personId: detail.id, relativeId: relative.personId, relation: relative.relation }));
      setDone({ name: relative.displayName, relation: relative.relation, added: false });
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusyKey(null);
    }
  }

  return (
    <section className="detail-section">
      <h3>{t('relatives.heading')}</h3>
      {detail.relatives.length === 0 ? (
        <p className="muted">{t('relatives.none')}</p>
      ) : (
        <ul className="plain-list">
          {detail.relatives.map((relative) => {
            const key = `${relative.personId}:${relative.relation}`;
            return (
              <li key={key} className="list-row">
                <span className="person-name">{relative.displayName}</span>
                <span className="role-chip">{t(`relations.${relative.relation}`)}</span>
                {canWrite ? (
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={t('relatives.removeName', { name: relative.displayName })}
                    disabled={busyKey === key}
                    onClick={() => void remove(relative)}
                  >
                    {t('relatives.remove')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canWrite ? (
        <RelativeFinder
          detail={detail}
          onAdded={(next, added) => {
            onChange(next);
            setDone({ ...added, added: true });
          }}
          onProblem={(next) => {
            setProblem(next);
            setDone(null);
          }}
        />
      ) : null}
      <FormMessage error={problemText(t, problem)} success={done ? successText(t, done) : null} />
    </section>
  );
}
