/**
 * Why two records look like one person: stable reason codes with parameters, which the UI translates and the
 * CLI prints with an English sentence. Codes are an interface scripts match on: extend, never rename.
 */
import type { TransliterationSystem } from '../names';

export type NamePart = 'family' | 'given' | 'patronymic';

export type Reason =
  | { code: 'name.same'; params: { part: NamePart } }
  | { code: 'name.transliteration'; params: { part: NamePart; system: TransliterationSystem } }
  | { code: 'name.languages'; params: { part: NamePart } }
  | { code: 'name.spelling'; params: { part: NamePart } }
  | { code: 'name.equivalent'; params: { part: NamePart; belarusian: string; russian: string } }
  | { code: 'name.similar'; params: { part: NamePart; similarity: number } }
  | { code: 'name.different'; params: { part: NamePart; similarity: number } }
  | { code: 'name.missing'; params: { part: NamePart } }
  | { code: 'name.common'; params: { records: number } }
  | { code: 'name.lone-spelling'; params: { part: NamePart } }
  | { code: 'birth.same'; params: { date: string } }
  | { code: 'birth.compatible'; params: { a: string; b: string } }
  | { code: 'birth.year-off'; params: { years: number } }
  | { code: 'birth.differs'; params: { years: number } }
  | { code: 'birth.month-differs'; params: { a: string; b: string } }
  | { code: 'birth.day-differs'; params: { a: string; b: string } }
  | { code: 'birth.missing'; params: Record<string, never> }
  | { code: 'region.same'; params: { region: string } }
  | { code: 'region.different'; params: { a: string; b: string } }
  | { code: 'gender.different'; params: Record<string, never> }
  | { code: 'relatives.shared'; params: { count: number } }
  | { code: 'relatives.related'; params: Record<string, never> }
  | { code: 'locality.same'; params: { locality: string } }
  | { code: 'locality.different'; params: { a: string; b: string } }
  | { code: 'case.same-date'; params: { date: string } }
  | { code: 'case.near-date'; params: { a: string; b: string } }
  | { code: 'case.same-month'; params: { month: string } }
  | { code: 'case.same-place'; params: { place: string } }
  | { code: 'case.same-article'; params: { article: string } };

export type ReasonCode = Reason['code'];

/** Short English names of the systems, for explanations. */
export const systemLabels: Record<TransliterationSystem, string> = {
  latin: 'Latin',
  'be-passport': 'Belarusian passport',
  'be-national': 'Belarusian national',
  'be-bgn-pcgn': 'BGN/PCGN Belarusian',
  'be-lacinka': 'Łacinka',
  'ru-icao': 'ICAO 9303',
  'ru-gost-52535': 'GOST 52535',
  'ru-bgn-pcgn': 'BGN/PCGN Russian',
  'ru-press': 'English press',
};

const partNames: Record<NamePart, string> = { family: 'surname', given: 'given name', patronymic: 'patronymic' };

/** One English sentence for a reason, as the CLI prints it. */
export function reasonText(reason: Reason): string {
  switch (reason.code) {
    case 'name.same':
      return `same ${partNames[reason.params.part]}`;
    case 'name.transliteration':
      return `same ${partNames[reason.params.part]}: one is the other in ${systemLabels[reason.params.system]} spelling`;
    case 'name.languages':
      return `same ${partNames[reason.params.part]} in its Belarusian and Russian forms`;
    case 'name.spelling':
      return `same ${partNames[reason.params.part]} in different spellings`;
    case 'name.equivalent':
      return `${partNames[reason.params.part]}: ${reason.params.belarusian} and ${reason.params.russian} are one name`;
    case 'name.similar':
      return `similar ${partNames[reason.params.part]} (${Math.round(reason.params.similarity * 100)}% alike)`;
    case 'name.different':
      return `different ${partNames[reason.params.part]}`;
    case 'name.missing':
      return `${partNames[reason.params.part]} missing in one record`;
    case 'name.lone-spelling':
      return `one record's spelling of the ${partNames[reason.params.part]} occurs in no other record (a typing slip?)`;
    case 'name.common':
      return `common surname (${reason.params.records} records)`;
    case 'birth.same':
      return `same birth date ${reason.params.date}`;
    case 'birth.compatible':
      return `birth dates agree (${reason.params.a} / ${reason.params.b})`;
    case 'birth.year-off':
      return `birth year differs by ${reason.params.years}`;
    case 'birth.differs':
      return `birth years ${reason.params.years} apart`;
    case 'birth.month-differs':
      return `same birth year, different month (${reason.params.a} / ${reason.params.b})`;
    case 'birth.day-differs':
      return `same birth month, different day (${reason.params.a} / ${reason.params.b})`;
    case 'birth.missing':
      return 'birth date missing in one record';
    case 'region.same':
      return `same region (${reason.params.region})`;
    case 'region.different':
      return `different regions (${reason.params.a} / ${reason.params.b})`;
    case 'gender.different':
      return 'different gender';
    case 'relatives.shared':
      return `${reason.params.count} relative(s) in common`;
    case 'relatives.related':
      return 'recorded as relatives of each other';
    case 'locality.same':
      return `same locality (${reason.params.locality})`;
    case 'locality.different':
      return `different localities (${reason.params.a} / ${reason.params.b})`;
    case 'case.same-date':
      return `a case of each on the same day (${reason.params.date})`;
    case 'case.near-date':
      return `cases a few days apart (${reason.params.a} / ${reason.params.b})`;
    case 'case.same-month':
      return `cases in the same month (${reason.params.month})`;
    case 'case.same-place':
      return `held at the same place (${reason.params.place})`;
    case 'case.same-article':
      return `charged under the same article (${reason.params.article})`;
  }
}
