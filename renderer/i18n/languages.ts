export const languages = ['en', 'ru', 'be'] as const;
export type Language = (typeof languages)[number];

/** Each language is named in itself, so the picker reads the same whatever language is active. */
export const languageNames: Record<Language, string> = {
  en: 'English',
  ru: 'Русский',
  be: 'Беларуская',
};

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}
