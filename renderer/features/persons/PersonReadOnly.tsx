import { useTranslation } from 'react-i18next';
import type { PersonRecord } from '../../../shared/domain/persons';
import { personFlags } from '../../../shared/domain/vocabularies';
import { ReadItem } from '../../components/ReadItem';
import { formatPartialDate } from '../../components/format-date';

/** Every field of a person, for roles that may read but not change it. */
export function PersonReadOnly({ person }: { person: PersonRecord }) {
  const { t, i18n } = useTranslation();
  const none = t('common.none');
  return (
    <div className="read-only person-read-only">
      <p className="notice">{t('personPage.readOnly')}</p>
      <dl className="read-grid">
        <ReadItem label={t('personPage.givenName')}>{person.givenName || none}</ReadItem>
        <ReadItem label={t('personPage.patronymic')}>{person.patronymic || none}</ReadItem>
        <ReadItem label={t('personPage.familyName')}>{person.familyName || none}</ReadItem>
        <ReadItem label={t('personPage.latinName')}>
          <span lang="en">{person.latinName || none}</span>
        </ReadItem>
        <ReadItem label={t('personPage.birthDate')}>{formatPartialDate(person.birthDate, i18n.language) || none}</ReadItem>
        <ReadItem label={t('personPage.gender')}>{t(`genders.${person.gender}`)}</ReadItem>
        <ReadItem label={t('personPage.region')}>{person.region ? t(`regions.${person.region}`) : t('personPage.noRegion')}</ReadItem>
        <ReadItem label={t('personPage.locality')}>{person.locality || none}</ReadItem>
        {personFlags.map((flag) => (
          <ReadItem key={flag} label={t(`personFlags.${flag}`)}>
            {person.flags[flag] ? t('common.yes') : t('common.no')}
          </ReadItem>
        ))}
        <ReadItem label={t('personPage.notes')}>
          <span className="prewrap">{person.notes || none}</span>
        </ReadItem>
      </dl>
    </div>
  );
}
