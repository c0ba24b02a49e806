import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, languageNames, languages } from '../i18n/languages';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = isLanguage(i18n.language) ? i18n.language : 'en';

  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={current}
        onChange={(event) => {
          void i18n.changeLanguage(event.target.value);
        }}
      >
        {languages.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {languageNames[lng]}
          </option>
        ))}
      </select>
    </div>
  );
}
