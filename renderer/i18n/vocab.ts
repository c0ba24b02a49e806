/**
 * The controlled vocabularies' labels come from shared/domain/vocabularies.ts (one source for the app, the
 * CLI and exports); this turns them into i18n namespaces, one per vocabulary, for a given language.
 */
import {
  casePersonRoleLabels,
  genderLabels,
  personFlagLabels,
  priorityLabels,
  regionLabels,
  relationLabels,
  riskLabels,
  roleLabels,
  statusLabels,
  violationLabels,
  type Labels,
} from '../../shared/domain/vocabularies';
import type { Language } from './languages';

function labelsIn<K extends string>(vocabulary: Readonly<Record<K, Labels>>, language: Language): Record<K, string> {
  const entries = (Object.keys(vocabulary) as K[]).map((key) => [key, vocabulary[key][language]] as const);
  return Object.fromEntries(entries) as Record<K, string>;
}

export function vocabularyMessages(language: Language) {
  return {
    roles: labelsIn(roleLabels, language),
    regions: labelsIn(regionLabels, language),
    priorities: labelsIn(priorityLabels, language),
    statuses: labelsIn(statusLabels, language),
    violations: labelsIn(violationLabels, language),
    risks: labelsIn(riskLabels, language),
    personFlags: labelsIn(personFlagLabels, language),
    relations: labelsIn(relationLabels, language),
    casePersonRoles: labelsIn(casePersonRoleLabels, language),
    genders: labelsIn(genderLabels, language),
  };
}
