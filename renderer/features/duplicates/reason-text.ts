import type { TFunction } from 'i18next';
import type { Region } from '../../../shared/domain/cases';
import type { Reason, ReasonCode } from '../../../shared/duplicates/reasons';

const keys = {
  'name.same': 'reasons.name_same',
  'name.transliteration': 'reasons.name_transliteration',
  'name.languages': 'reasons.name_languages',
  'name.spelling': 'reasons.name_spelling',
  'name.equivalent': 'reasons.name_equivalent',
  'name.similar': 'reasons.name_similar',
  'name.different': 'reasons.name_different',
  'name.missing': 'reasons.name_missing',
  'name.common': 'reasons.name_common',
  'name.lone-spelling': 'reasons.name_lone_spelling',
  'birth.same': 'reasons.birth_same',
  'birth.compatible': 'reasons.birth_compatible',
  'birth.year-off': 'reasons.birth_year_off',
  'birth.differs': 'reasons.birth_differs',
  'birth.month-differs': 'reasons.birth_month_differs',
  'birth.day-differs': 'reasons.birth_day_differs',
  'birth.missing': 'reasons.birth_missing',
  'region.same': 'reasons.region_same',
  'region.different': 'reasons.region_different',
  'gender.different': 'reasons.gender_different',
  'relatives.shared': 'reasons.relatives_shared',
  'relatives.related': 'reasons.relatives_related',
  'locality.same': 'reasons.locality_same',
  'locality.different': 'reasons.locality_different',
  'case.same-date': 'reasons.case_same_date',
  'case.near-date': 'reasons.case_near_date',
  'case.same-month': 'reasons.case_same_month',
  'case.same-place': 'reasons.case_same_place',
  'case.same-article': 'reasons.case_same_article',
} as const satisfies Record<ReasonCode, string>;

/** A reason in the interface language: its code picks the sentence, its parameters fill it. */
export function reasonLabel(t: TFunction, reason: Reason): string {
  const params: Record<string, string | number> = { ...(reason.params as Record<string, string | number>) };
  if ('part' in reason.params) params.part = t(`reasons.parts.${reason.params.part}`);
  if ('system' in reason.params) params.system = t(`reasons.systems.${reason.params.system}`);
  if ('similarity' in reason.params) params.similarity = Math.round(reason.params.similarity * 100);
  if (reason.code === 'region.same') params.region = t(`regions.${reason.params.region as Region}`);
  if (reason.code === 'region.different') {
    params.a = t(`regions.${reason.params.a as Region}`);
    params.b = t(`regions.${reason.params.b as Region}`);
  }
  return t(keys[reason.code], params);
}

export const percent = (score: number) => Math.round(score * 100);
