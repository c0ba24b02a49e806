import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/domain/persons';

interface PersonCasesProps {
  cases: PersonDetail['cases'];
  onOpenCase: (caseId: string) => void;
}

/** The cases that name the person, with the person's role in each; each opens its case. */
export function PersonCases({ cases, onOpenCase }: PersonCasesProps) {
  const { t } = useTranslation();
  return (
    <section className="detail-section">
      <h3>{t('personCases.heading')}</h3>
      {cases.length === 0 ? (
        <p className="muted">{t('personCases.none')}</p>
      ) : (
        <ul className="plain-list">
          {cases.map((item) => (
            <li key={`${item.caseId}:${item.role}`} className="list-row">
              <span className="reference">{item.reference}</span>
              <button
                type="button"
                className="link-button person-case-title"
                aria-label={t('personCases.openName', { title: item.title })}
                onClick={() => onOpenCase(item.caseId)}
              >
                {item.title}
              </button>
              <span className="role-chip">{t(`casePersonRoles.${item.role}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
