const formatters = new Map<string, Intl.DateTimeFormat>();

/** Where a runtime lacks a locale's date data, the nearest one that reads naturally. */
// English follows European day-month order: the offices are in Europe.
const fallbacks: Record<string, string[]> = { be: ['be', 'ru'], en: ['en-GB'] };

/** A compact local date and time for table cells, in the interface language. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(fallbacks[language] ?? [language], { dateStyle: 'short', timeStyle: 'short' });
    formatters.set(language, formatter);
  }
  return formatter.format(date);
}
