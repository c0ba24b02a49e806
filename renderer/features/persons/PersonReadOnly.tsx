import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRecord } from '../../../shared/domain/persons';
import { personFlags } from '../../../shared/domain/vocabularies';
import { formatPartialDate } from '../../components/format-date';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="read-item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Every field of a person, for roles that may read but not change it. */
export function PersonReadOnly({ person }: { person: PersonRecord }) {
  const { t, i18n } = useTranslation();
  const none = t('common.none');
  return (
    <div className="read-only person-read-only">
      <p className="notice">{t('personPage.readOnly')}</p>
      <dl className="read-grid">
        <Item label={t('personPage.givenName')}>{person.givenName || none}</Item>
        <Item label={t('personPage.patronymic')}>{person.patronymic || none}</Item>
        <Item label={t('personPage.familyName')}>{person.familyName || none}</Item>
        <Item label={t('personPage.latinName')}>
          <span lang="en">{person.latinName || none}</span>
        </Item>
        <Item label={t('personPage.birthDate')}>{formatPartialDate(person.birthDate, i18n.language) || none}</Item>
        <Item label={t('personPage.gender')}>{t(`genders.${person.gender}`)}</Item>
        <Item label={t('personPage.region')}>{person.region ? t(`regions.${person.region}`) : t('personPage.noRegion')}</Item>
        <Item label={t('personPage.locality')}>{person.locality || none}</Item>
        {personFlags.map((flag) => (
          <Item key={flag} label={t(`personFlags.${flag}`)}>
            {person.flags[flag] ? t('common.yes') : t('common.no')}
          </Item>
        ))}
        <Item label={t('personPage.notes')}>
          <span className="prewrap">{person.notes || none}</span>
        </Item>
      </dl>
    </div>
  );
}
