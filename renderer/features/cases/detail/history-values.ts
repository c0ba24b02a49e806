import type { TFunction } from 'i18next';
import { caseStatuses, priorities, regions } from '../../../../shared/domain/cases';
import { casePersonRoles, relationTypes, riskFlags, violationTypes } from '../../../../shared/domain/vocabularies';
import { formatPartialDate } from '../../../components/format-date';
import { formatBytes } from '../../../i18n/locale';

const fieldKeys = [
  'reference', 'title', 'summary', 'personName', 'region', 'locality', 'placeOfDetention', 'sentence', 'priority', 'status',
  'statusReason', 'violations', 'articles', 'eventDate', 'eventEndDate', 'risks', 'tags', 'consentPublish', 'consentShare',
  'assignee',
] as const;
type FieldKey = (typeof fieldKeys)[number];
const eventKeys = ['created', 'note', 'person', 'attachment', 'source', 'relative', 'received'] as const;
type EventKey = (typeof eventKeys)[number];

const aliases: Record<string, FieldKey> = { assigneeId: 'assignee' };

const isIn = <V extends string>(list: readonly V[], value: string): value is V => (list as readonly string[]).includes(value);

/** A changed field's name in the interface language (the stored name if this build does not know it). */
export function fieldLabel(t: TFunction, field: string): string {
  const key = aliases[field] ?? field;
  if (isIn(fieldKeys, key)) return t(`caseFields.${key}`);
  if (isIn(eventKeys, key)) return t(`history.events.${key}`);
  return field;
}

function label(t: TFunction, value: string): string {
  if (isIn(caseStatuses, value)) return t(`statuses.${value}`);
  if (isIn(priorities, value)) return t(`priorities.${value}`);
  if (isIn(regions, value)) return t(`regions.${value}`);
  if (isIn(violationTypes, value)) return t(`violations.${value}`);
  if (isIn(riskFlags, value)) return t(`risks.${value}`);
  if (isIn(casePersonRoles, value)) return t(`casePersonRoles.${value}`);
  if (isIn(relationTypes, value)) return t(`relations.${value}`);
  return value;
}

export interface ValueContext {
  language: string;
  /** Staff names by id, for assignment changes (the history stores ids). */
  staffNames: ReadonlyMap<string, string>;
}

/** A recorded object (a linked person, an attachment, a new case) in a few words. */
function objectText(t: TFunction, record: Record<string, unknown>, context: ValueContext): string | null {
  const str = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : '');
  const role = str('role') ? ` (${label(t, str('role'))})` : '';
  if (str('fileName')) {
    const size = typeof record.size === 'number' ? `, ${formatBytes(record.size, context.language)}` : '';
    return `${str('fileName')}${size}`;
  }
  if (str('reference') || str('title')) return [str('reference'), str('title')].filter(Boolean).join(' — ');
  if (str('name') || str('displayName')) return `${str('name') || str('displayName')}${role}`;
  if (str('relation')) return label(t, str('relation'));
  if (role) return role.trim().slice(1, -1);
  const flags = Object.entries(record).filter(([, on]) => on === true).map(([key]) => label(t, key));
  if (Object.values(record).every((on) => typeof on === 'boolean')) return flags.length ? flags.join(', ') : t('common.none');
  return null;
}

/** A stored JSON value, readable: vocabulary labels translated, lists joined, dates local, ids named. */
export function valueText(t: TFunction, field: string, value: unknown, context: ValueContext): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (field === 'eventDate' || field === 'eventEndDate') return formatPartialDate(value, context.language);
    if (field === 'assigneeId' || field === 'assignee') return context.staffNames.get(value) ?? value;
    if (field === 'source' && (value === 'added' || value === 'present' || value === 'removed')) return t(`history.values.${value}`);
    return ['status', 'priority', 'region', 'violations', 'risks'].includes(field) ? label(t, value) : value;
  }
  if (Array.isArray(value)) return value.length ? value.map((item) => valueText(t, field, item, context)).join(', ') : t('common.none');
  if (typeof value === 'object') return objectText(t, value as Record<string, unknown>, context) ?? JSON.stringify(value);
  return String(value);
}
