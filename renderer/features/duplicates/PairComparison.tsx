import { useTranslation } from 'react-i18next';
import type { DuplicateCandidateRow } from '../../../shared/domain/duplicates';
import type { PersonRecord } from '../../../shared/domain/persons';
import { formatPartialDate } from '../../components/format-date';
import { percent, reasonLabel } from './reason-text';

interface PairComparisonProps {
  row: DuplicateCandidateRow;
  canWrite: boolean;
  busy: boolean;
  onMerge: () => void;
  onNotSame: () => void;
  onSkip: () => void;
  onOpenPerson: (id: string) => void;
}

type Field = 'givenName' | 'patronymic' | 'familyName' | 'latinName' | 'birthDate' | 'gender' | 'region' | 'locality';
const fields: readonly Field[] = ['givenName', 'patronymic', 'familyName', 'latinName', 'birthDate', 'gender', 'region', 'locality'];

/** The two records side by side, differing fields marked, the reasons for the score and the three decisions. */
export function PairComparison({ row, canWrite, busy, onMerge, onNotSame, onSkip, onOpenPerson }: PairComparisonProps) {
  const { t, i18n } = useTranslation();
  const show = (person: PersonRecord, field: Field): string => {
    switch (field) {
      case 'birthDate':
        return person.birthDate ? formatPartialDate(person.birthDate, i18n.language) : '';
      case 'gender':
        return person.gender === 'unknown' ? '' : t(`genders.${person.gender}`);
      case 'region':
        return person.region ? t(`regions.${person.region}`) : '';
      default:
        return person[field];
    }
  };
  return (
    <section className="pair-comparison card" aria-labelledby="pair-heading">
      <h3 id="pair-heading">
        {t('duplicates.compare')} · {t('duplicates.score', { score: percent(row.score) })}
      </h3>
      {row.band === 'possible' ? <p className="form-message">{t('duplicates.possibleBand')}</p> : null}
      <table className="comparison-table">
        <thead>
          <tr>
            <th scope="col">{t('duplicates.field')}</th>
            {[row.a, row.b].map((person, index) => (
              <th scope="col" key={person.id}>
                <button type="button" className="link-button" aria-label={t('duplicates.open', { name: person.displayName })} onClick={() => onOpenPerson(person.id)}>
                  {t(index === 0 ? 'duplicates.recordA' : 'duplicates.recordB')}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => {
            const a = show(row.a, field);
            const b = show(row.b, field);
            const differs = a !== b;
            return (
              <tr key={field} className={differs ? 'differs' : undefined}>
                <th scope="row">
                  {t(`personPage.${field}`)}
                  {differs ? <span className="sr-only"> ({t('duplicates.differs')})</span> : null}
                </th>
                <td>{a || t('common.none')}</td>
                <td>{b || t('common.none')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h4>{t('duplicates.why')}</h4>
      <ul className="reason-list">
        {row.reasons.map((reason, index) => (
          <li key={`${reason.code}-${index}`}>{reasonLabel(t, reason)}</li>
        ))}
      </ul>
      {canWrite ? (
        <div className="actions">
          <button type="button" className="button-primary" disabled={busy} onClick={onMerge}>
            {t('duplicates.merge')}
          </button>
          <button type="button" disabled={busy} onClick={onNotSame}>
            {t('duplicates.notSame')}
          </button>
          <button type="button" className="button-quiet" disabled={busy} onClick={onSkip}>
            {t('duplicates.skip')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('duplicates.readOnly')}</p>
      )}
    </section>
  );
}
