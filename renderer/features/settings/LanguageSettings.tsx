import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../../components/LanguagePicker';
import { formatDateTime } from '../../components/format-date';
import { formatNumber } from '../../i18n/locale';

/** The interface language, with a sample of how dates and numbers then read. */
export function LanguageSettings() {
  const { t, i18n } = useTranslation();
  const sample = `${formatDateTime(new Date().toISOString(), i18n.language)} · ${formatNumber(100000.5, i18n.language)}`;
  return (
    <div className="stack">
      <h3>{t('settings.languageHeading')}</h3>
      <LanguagePicker label={t('settings.interfaceLanguage')} className="field field-narrow-select" />
      <p className="field-hint">
        {t('settings.languageHint')} <span className="sample">{sample}</span>
      </p>
    </div>
  );
}
