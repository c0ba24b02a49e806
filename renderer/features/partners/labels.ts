import type { TFunction } from 'i18next';
import type { ImportWarning, RecordCounts } from '../../../shared/domain/sync';
import { riskFlags } from '../../../shared/domain/vocabularies';

const entities = ['case', 'person', 'casePerson', 'caseViolation', 'caseTag', 'personRelation', 'attachment'] as const;
const isEntity = (value: string): value is (typeof entities)[number] => (entities as readonly string[]).includes(value);

/** A kind of record in the interface language (the stored name for one this build does not know). */
export function entityLabel(t: TFunction, entity: string): string {
  return isEntity(entity) ? t(`syncEntities.${entity}`) : entity;
}

const riskField = (field: string) => riskFlags.find((flag) => `risk${flag[0]!.toUpperCase()}${flag.slice(1)}` === field);

/** A synced field's label, from the case and person field labels. */
export function syncFieldLabel(t: TFunction, entity: string, field: string): string {
  if (field === '$') return t('conflicts.existence');
  const risk = riskField(field);
  if (risk) return t(`risks.${risk}`);
  const keys = entity === 'case' ? [`caseFields.${field}`] : entity === 'person' ? [`personPage.${field}`, `personFlags.${field}`] : [`caseFields.${field}`];
  for (const key of keys) {
    const label = t(key, { defaultValue: '' });
    if (label) return label;
  }
  return field;
}

export function countsText(t: TFunction, counts: RecordCounts): string[] {
  return Object.entries(counts).map(([entity, c]) => `${entityLabel(t, entity)}: ${t('bundleImport.counts', { created: c.created, updated: c.updated, deleted: c.deleted })}`);
}

export function warningText(t: TFunction, warning: ImportWarning): string {
  switch (warning.code) {
    case 'clockAhead':
      return t('bundleImport.warnings.clockAhead', { count: warning.days });
    case 'missedBundles':
      return t('bundleImport.warnings.missedBundles', { count: warning.count });
    case 'unknownBundleReported':
      return t('bundleImport.warnings.unknownBundleReported');
    case 'waiting':
      return t('bundleImport.warnings.waiting', { count: warning.records });
  }
}
