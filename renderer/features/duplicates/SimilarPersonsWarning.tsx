import { useTranslation } from 'react-i18next';
import type { SimilarPerson } from '../../../shared/domain/duplicates';
import { formatPartialDate } from '../../components/format-date';
import { percent } from './reason-text';

/** Shown on forms that create a person: who in the vault this may already be. */
export function SimilarPersonsWarning({ matches }: { matches: SimilarPerson[] }) {
  const { t, i18n } = useTranslation();
  if (matches.length === 0) return null;
  return (
    <div className="similar-warning" role="status">
      <p>{t('similarPersons.heading')}</p>
      <ul>
        {matches.map((m) => (
          <li key={m.person.id}>
            {t('similarPersons.match', { name: m.person.displayName, score: percent(m.score) })}
            {m.person.birthDate ? ` · ${formatPartialDate(m.person.birthDate, i18n.language)}` : ''}
            {m.person.region ? ` · ${t(`regions.${m.person.region}`)}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
