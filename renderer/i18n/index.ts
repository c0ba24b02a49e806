/**
 * i18next set up synchronously with every catalogue bundled in: nothing is fetched and nothing is
 * remembered between runs (the language choice lives only in memory).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { be } from './be';
import { en } from './en';
import { languages, type Language } from './languages';
import { formatNumber } from './locale';
import { ru } from './ru';

export const defaultLanguage: Language = 'en';

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: en },
    ru: { translation: ru },
    be: { translation: be },
  },
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  defaultNS: 'translation',
  initAsync: false,
  returnNull: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

// `{{count, number}}` in the catalogues: the same locale chain as dates (en-GB; be falling back to ru).
i18n.services.formatter?.add('number', (value: unknown, lng: string | undefined) =>
  typeof value === 'number' ? formatNumber(value, lng ?? defaultLanguage) : String(value),
);

function syncDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng;
}

syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

export { i18n };
