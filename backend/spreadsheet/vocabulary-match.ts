import { caseStatuses, priorities, regions, type CaseStatus, type Priority, type Region } from '../../shared/domain/cases';
import { priorityLabels, regionLabels, statusLabels, violationLabels, violationTypes, type Labels, type ViolationType } from '../../shared/domain/vocabularies';
import { fold } from './normalize';

/** Builds a lookup from the key, its labels in every language, and extra spellings people use, all folded. */
function lookup<K extends string>(
  keys: readonly K[],
  labels: Readonly<Record<K, Labels>>,
  extra: Partial<Record<K, string[]>>,
  skipKeys: readonly K[] = [],
): Map<string, K> {
  const map = new Map<string, K>();
  for (const key of keys) {
    const label = labels[key];
    const spellings = [label.en, label.ru, label.be, ...(extra[key] ?? [])];
    if (!skipKeys.includes(key)) spellings.unshift(key);
    for (const spelling of spellings) {
      const folded = fold(spelling);
      if (folded && !map.has(folded)) map.set(folded, key);
    }
  }
  return map;
}

const priorityLookup = lookup(priorities, priorityLabels, {
  urgent: ['срочный', 'срочная', 'тэрміновы', 'тэрміновая', 'critical', 'критический', 'крытычны', 'asap'],
  high: ['высокая', 'высокое', 'высокая важность', 'high priority'],
  normal: ['обычная', 'обычное', 'звычайная', 'medium', 'средний', 'средняя', 'сярэдні', 'сярэдняя', 'нормальный', 'standard'],
  low: ['низкая', 'низкое', 'нізкая', 'low priority'],
});

const statusLookup = lookup(caseStatuses, statusLabels, {
  new: ['новый', 'новая', 'новы', 'новае'],
  triage: ['на рассмотрении', 'на разглядзе', 'review'],
  open: ['открыто', 'открыт', 'открыта', 'адкрыта', 'адкрыты', 'active', 'in progress', 'в процессе', 'в работе', 'у працы', 'активно'],
  monitoring: ['на мониторинге', 'на маніторынгу', 'watch'],
  closed: ['закрыт', 'закрыты', 'закрытае', 'done', 'completed', 'resolved', 'завершено', 'завершен', 'завершана', 'архив', 'архіў', 'archived'],
});

const violationLookup = lookup(violationTypes, violationLabels, {
  detention: ['задержан', 'затрыманы'],
  'administrative-arrest': ['административный арест', 'адм арест', 'сутки', 'суткі', 'administrative detention'],
  'criminal-prosecution': ['уголовное дело', 'крымінальная справа', 'уголовное преследование', 'prosecution', 'criminal case'],
  search: ['обыск', 'ператрус', 'house search'],
  torture: ['torture', 'пытки', 'пытка', 'катаванні', 'катаванне', 'ill treatment', 'жестокое обращение'],
  fine: ['штраф', 'fined'],
  dismissal: ['увольнение', 'звальненне', 'fired'],
  'passport-refusal': ['отказ в паспорте', 'адмова ў пашпарце'],
  'extremist-listing': ['extremist listing', 'экстремистские списки', 'экстремисты', 'экстрэмісцкія спісы'],
  'property-seizure': ['арест имущества', 'конфискация', 'канфіскацыя', 'seizure', 'confiscation'],
  other: ['иное', 'прочее', 'іншае'],
});

/** Region names without the word "region" / "область" / "вобласць", and the cities that name them. */
const rawRegionStems: Record<Exclude<Region, 'abroad' | 'unknown'>, string[]> = {
  'minsk-city': [],
  minsk: ['минская', 'мінская', 'minskaya', 'minskaja'],
  brest: ['brest', 'брест', 'брэст', 'брестская', 'брэсцкая', 'brestskaya', 'берасце', 'bieraście'],
  gomel: ['gomel', 'homel', 'homiel', 'гомель', 'гомельская', 'homyel', 'gomelskaya'],
  grodno: ['grodno', 'hrodna', 'гродно', 'гродна', 'гродненская', 'гродзенская', 'grodnenskaya'],
  mogilev: ['mogilev', 'mogilyov', 'mahilyow', 'mahiliou', 'mahilioŭ', 'могилев', 'магілеў', 'могилевская', 'магілеўская', 'mogilevskaya'],
  vitebsk: ['vitebsk', 'viciebsk', 'vitsebsk', 'витебск', 'віцебск', 'витебская', 'віцебская', 'vitebskaya'],
};
const regionStems = Object.entries(rawRegionStems).map(([region, stems]) => [region as Region, stems.map(fold)] as const);
const minskCity = ['minsk', 'минск', 'мінск', 'mensk', 'менск'].map(fold);
const regionWords = new Set(['region', 'oblast', 'obl', 'voblast', 'voblasc', 'область', 'обл', 'вобласць', 'вобл'].map(fold));
const cityWords = new Set(['city', 'г', 'город', 'горад', 'gorod', 'horad', 'town'].map(fold));

const regionLookup = lookup(regions, regionLabels, {
  abroad: ['за рубежом', 'за границей', 'за мяжой', 'за межамі беларусі', 'outside belarus', 'foreign', 'emigration', 'эмиграция', 'эміграцыя'],
  unknown: ['n a', 'na', 'неизвестно', 'не известно', 'невядома', 'нет данных', 'няма звестак', 'unknown', 'н д'],
  // The key `minsk` is the region, but a person who writes "Minsk" means the city: that reading wins.
}, ['minsk']);

export function matchRegion(value: string): Region | undefined {
  const folded = fold(value);
  const direct = regionLookup.get(folded);
  if (direct) return direct;
  const tokens = folded.split(' ');
  const hasRegionWord = tokens.some((t) => regionWords.has(t));
  const hasCityWord = tokens.some((t) => cityWords.has(t));
  const stem = tokens.filter((t) => !regionWords.has(t) && !cityWords.has(t)).join(' ');
  if (minskCity.includes(stem)) return hasRegionWord && !hasCityWord ? 'minsk' : 'minsk-city';
  for (const [region, stems] of regionStems) {
    if (stems.includes(stem)) return region;
  }
  return undefined;
}

export const matchPriority = (value: string): Priority | undefined => priorityLookup.get(fold(value));
export const matchStatus = (value: string): CaseStatus | undefined => statusLookup.get(fold(value));
export const matchViolation = (value: string): ViolationType | undefined => violationLookup.get(fold(value));
