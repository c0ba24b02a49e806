import { useTranslation } from 'react-i18next';
import { regions } from '../../../shared/domain/cases';
import { genders, personFlags } from '../../../shared/domain/vocabularies';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import type { PersonDraft } from './person-draft';

interface PersonFieldsProps {
  draft: PersonDraft;
  latinName: string;
  badBirthDate: boolean;
  set: <K extends keyof PersonDraft>(key: K, value: PersonDraft[K]) => void;
}

/** Every editable field of a person: the name in its own script, details, status flags and notes. */
export function PersonFields({ draft, latinName, badBirthDate, set }: PersonFieldsProps) {
  const { t } = useTranslation();
  const name = (key: 'givenName' | 'patronymic' | 'familyName') => ({
    label: t(`personPage.${key}`),
    value: draft[key],
    maxLength: 120,
    autoComplete: 'off',
    spellCheck: false,
    onChange: (event: { target: { value: string } }) => set(key, event.target.value),
  });

  return (
    <div className="detail-grid">
      <fieldset className="detail-group">
        <legend>{t('personPage.groupName')}</legend>
        <p className="field-hint">{t('personPage.nameHint')}</p>
        <Field {...name('givenName')} />
        <Field {...name('patronymic')} />
        <Field {...name('familyName')} />
        <Field label={t('personPage.latinName')} hint={t('personPage.latinHint')} value={latinName} readOnly lang="en" />
      </fieldset>

      <fieldset className="detail-group">
        <legend>{t('personPage.groupDetails')}</legend>
        <Field
          label={t('personPage.birthDate')}
          hint={t('personPage.birthDateHint')}
          placeholder={t('filters.datePlaceholder')}
          value={draft.birthDate}
          maxLength={10}
          inputMode="numeric"
          autoComplete="off"
          aria-invalid={badBirthDate || undefined}
          onChange={(event) => set('birthDate', event.target.value)}
        />
        <SelectField label={t('personPage.gender')} value={draft.gender} onChange={(event) => set('gender', event.target.value as PersonDraft['gender'])}>
          {genders.map((gender) => (
            <option key={gender} value={gender}>
              {t(`genders.${gender}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('personPage.region')} value={draft.region} onChange={(event) => set('region', event.target.value as PersonDraft['region'])}>
          <option value="">{t('personPage.noRegion')}</option>
          {regions.map((region) => (
            <option key={region} value={region}>
              {t(`regions.${region}`)}
            </option>
          ))}
        </SelectField>
        <Field label={t('personPage.locality')} value={draft.locality} maxLength={200} autoComplete="off" onChange={(event) => set('locality', event.target.value)} />
      </fieldset>

      <div className="detail-column">
        <fieldset className="detail-group">
          <legend>{t('personPage.groupStatus')}</legend>
          {personFlags.map((flag) => (
            <label key={flag} className="check">
              <input type="checkbox" checked={draft.flags[flag]} onChange={(event) => set('flags', { ...draft.flags, [flag]: event.target.checked })} />
              {t(`personFlags.${flag}`)}
            </label>
          ))}
        </fieldset>
        <TextAreaField label={t('personPage.notes')} rows={6} maxLength={20_000} value={draft.notes} onChange={(event) => set('notes', event.target.value)} />
      </div>
    </div>
  );
}
