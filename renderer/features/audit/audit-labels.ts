import type { TFunction } from 'i18next';
import { enSecurity } from '../../i18n/en-security';
import { localesFor } from '../../i18n/locale';

type MethodKey = keyof typeof enSecurity.audit.methods;
type EntityKey = keyof typeof enSecurity.audit.entities;

/** `cases.createMany` → `casesCreateMany`, if the catalogue names that method. */
function methodKey(method: string): MethodKey | null {
  const parts = method.split('.');
  if (parts.length !== 2) return null;
  const [area, name] = parts as [string, string];
  if (!area || !name) return null;
  const key = `${area}${name[0]!.toUpperCase()}${name.slice(1)}`;
  return Object.hasOwn(enSecurity.audit.methods, key) ? (key as MethodKey) : null;
}

/** The action in words for the methods this build knows; the raw method name otherwise. */
export function methodLabel(t: TFunction, method: string): string {
  const key = methodKey(method);
  return key ? t(`audit.methods.${key}`) : method;
}

/** "case,person" → "Case, Person"; unknown kinds stay as written. */
export function entityLabel(t: TFunction, entity: string): string {
  if (!entity) return '';
  return entity
    .split(',')
    .map((kind) => (Object.hasOwn(enSecurity.audit.entities, kind) ? t(`audit.entities.${kind as EntityKey}`) : kind))
    .join(', ');
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** Date and time to the second, in the interface language: an audit entry is a moment. */
export function formatAuditTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = timeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(localesFor(language), { dateStyle: 'short', timeStyle: 'medium' });
    timeFormats.set(language, format);
  }
  return format.format(date);
}
