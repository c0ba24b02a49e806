/**
 * Locales for dates and numbers. English follows European day-month order (the offices are in Europe);
 * Belarusian falls back to Russian data where the runtime lacks Belarusian.
 */
const chains: Record<string, string[]> = { en: ['en-GB'], ru: ['ru'], be: ['be', 'ru'] };

export function localesFor(language: string): string[] {
  return chains[language] ?? [language];
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, language: string): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(localesFor(language));
    numberFormats.set(language, format);
  }
  return format.format(value);
}

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** 1 KB = 1024 bytes here, as file managers show it. */
export function formatBytes(bytes: number, language: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(localesFor(language), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
