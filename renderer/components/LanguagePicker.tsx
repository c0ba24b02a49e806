import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, languageNames, languages } from '../i18n/languages';

/** The interface language; `label` overrides the default "Language" (Settings uses its own name). */
export function LanguagePicker({ label, className = 'language-picker' }: { label?: string; className?: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = isLanguage(i18n.language) ? i18n.language : 'en';

  return (
    <div className={className}>
      <label htmlFor={id}>{label ?? t('app.language')}</label>
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
