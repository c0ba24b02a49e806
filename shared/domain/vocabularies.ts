/**
 * Controlled vocabularies with their labels in Belarusian, Russian and English. Stored values are the
 * stable English keys; only labels are translated.
 */
export type Labels = { en: string; ru: string; be: string };
export type Vocabulary<K extends string> = Readonly<Record<K, Labels>>;

export const regionLabels = {
  'minsk-city': { en: 'Minsk (city)', ru: 'Минск', be: 'Мінск' },
  minsk: { en: 'Minsk region', ru: 'Минская область', be: 'Мінская вобласць' },
  brest: { en: 'Brest region', ru: 'Брестская область', be: 'Брэсцкая вобласць' },
  gomel: { en: 'Gomel region', ru: 'Гомельская область', be: 'Гомельская вобласць' },
  grodno: { en: 'Grodno region', ru: 'Гродненская область', be: 'Гродзенская вобласць' },
  mogilev: { en: 'Mogilev region', ru: 'Могилёвская область', be: 'Магілёўская вобласць' },
  vitebsk: { en: 'Vitebsk region', ru: 'Витебская область', be: 'Віцебская вобласць' },
  abroad: { en: 'Abroad', ru: 'За границей', be: 'За мяжой' },
  unknown: { en: 'Unknown', ru: 'Неизвестно', be: 'Невядома' },
} as const satisfies Vocabulary<string>;

export const priorityLabels = {
  urgent: { en: 'Urgent', ru: 'Срочно', be: 'Тэрмінова' },
  high: { en: 'High', ru: 'Высокий', be: 'Высокі' },
  normal: { en: 'Normal', ru: 'Обычный', be: 'Звычайны' },
  low: { en: 'Low', ru: 'Низкий', be: 'Нізкі' },
} as const satisfies Vocabulary<string>;

export const statusLabels = {
  new: { en: 'New', ru: 'Новое', be: 'Новая' },
  triage: { en: 'Triage', ru: 'Сортировка', be: 'Сартаванне' },
  open: { en: 'Open', ru: 'В работе', be: 'У рабоце' },
  monitoring: { en: 'Monitoring', ru: 'Мониторинг', be: 'Маніторынг' },
  closed: { en: 'Closed', ru: 'Закрыто', be: 'Закрыта' },
} as const satisfies Vocabulary<string>;

export const violationLabels = {
  detention: { en: 'Detention', ru: 'Задержание', be: 'Затрыманне' },
  'administrative-arrest': { en: 'Administrative arrest', ru: 'Административный арест', be: 'Адміністрацыйны арышт' },
  'criminal-prosecution': { en: 'Criminal prosecution', ru: 'Уголовное преследование', be: 'Крымінальны пераслед' },
  search: { en: 'Search', ru: 'Обыск', be: 'Ператрус' },
  torture: { en: 'Torture or ill-treatment', ru: 'Пытки или жестокое обращение', be: 'Катаванні або жорсткае абыходжанне' },
  fine: { en: 'Fine', ru: 'Штраф', be: 'Штраф' },
  dismissal: { en: 'Dismissal', ru: 'Увольнение', be: 'Звальненне' },
  'passport-refusal': { en: 'Passport refusal', ru: 'Отказ в выдаче паспорта', be: 'Адмова ў выдачы пашпарта' },
  'extremist-listing': { en: '"Extremist" listing', ru: 'Внесение в «экстремистские» списки', be: 'Унясенне ў «экстрэмісцкія» спісы' },
  'property-seizure': { en: 'Property seizure', ru: 'Арест имущества', be: 'Арышт маёмасці' },
  other: { en: 'Other', ru: 'Другое', be: 'Іншае' },
} as const satisfies Vocabulary<string>;

export const casePersonRoleLabels = {
  victim: { en: 'Victim', ru: 'Пострадавший', be: 'Пацярпелы' },
  relative: { en: 'Relative', ru: 'Родственник', be: 'Сваяк' },
  witness: { en: 'Witness', ru: 'Свидетель', be: 'Сведка' },
} as const satisfies Vocabulary<string>;

export const relationLabels = {
  spouse: { en: 'Spouse', ru: 'Супруг(а)', be: 'Муж / жонка' },
  partner: { en: 'Partner', ru: 'Партнёр', be: 'Партнёр' },
  parent: { en: 'Parent', ru: 'Родитель', be: 'Бацька / маці' },
  child: { en: 'Child', ru: 'Ребёнок', be: 'Дзіця' },
  sibling: { en: 'Sibling', ru: 'Брат / сестра', be: 'Брат / сястра' },
  grandparent: { en: 'Grandparent', ru: 'Дедушка / бабушка', be: 'Дзед / бабуля' },
  grandchild: { en: 'Grandchild', ru: 'Внук / внучка', be: 'Унук / унучка' },
  'other-relative': { en: 'Other relative', ru: 'Другой родственник', be: 'Іншы сваяк' },
} as const satisfies Vocabulary<string>;

export const genderLabels = {
  female: { en: 'Female', ru: 'Женский', be: 'Жаночы' },
  male: { en: 'Male', ru: 'Мужской', be: 'Мужчынскі' },
  other: { en: 'Other', ru: 'Другой', be: 'Іншы' },
  unknown: { en: 'Unknown', ru: 'Неизвестно', be: 'Невядома' },
} as const satisfies Vocabulary<string>;

export const riskLabels = {
  health: { en: 'Health risk', ru: 'Угроза здоровью', be: 'Пагроза здароўю' },
  minor: { en: 'Minor involved', ru: 'Затронут несовершеннолетний', be: 'Закрануты непаўналетні' },
  incommunicado: { en: 'Incommunicado', ru: 'Без связи (инкоммуникадо)', be: 'Без сувязі (інкамунікада)' },
  torture: { en: 'Risk of torture', ru: 'Угроза пыток', be: 'Пагроза катаванняў' },
} as const satisfies Vocabulary<string>;

export const personFlagLabels = {
  inDetention: { en: 'In detention', ru: 'Под стражей', be: 'Пад вартай' },
  released: { en: 'Released', ru: 'Освобождён', be: 'Вызвалены' },
  inExile: { en: 'In exile', ru: 'В эмиграции', be: 'У эміграцыі' },
  politicalPrisoner: { en: 'Recognised political prisoner', ru: 'Признан политзаключённым', be: 'Прызнаны палітвязнем' },
} as const satisfies Vocabulary<string>;

export const roleLabels = {
  admin: { en: 'Administrator', ru: 'Администратор', be: 'Адміністратар' },
  coordinator: { en: 'Coordinator', ru: 'Координатор', be: 'Каардынатар' },
  caseworker: { en: 'Caseworker', ru: 'Сотрудник', be: 'Супрацоўнік' },
  viewer: { en: 'Viewer', ru: 'Наблюдатель', be: 'Назіральнік' },
} as const satisfies Vocabulary<string>;

/** The stored values, as tuples so zod can enumerate them; `satisfies` keeps each in step with its labels. */
export const violationTypes = [
  'detention', 'administrative-arrest', 'criminal-prosecution', 'search', 'torture', 'fine', 'dismissal',
  'passport-refusal', 'extremist-listing', 'property-seizure', 'other',
] as const satisfies readonly (keyof typeof violationLabels)[];
export type ViolationType = (typeof violationTypes)[number];
export const casePersonRoles = ['victim', 'relative', 'witness'] as const satisfies readonly (keyof typeof casePersonRoleLabels)[];
export type CasePersonRole = (typeof casePersonRoles)[number];
export const relationTypes = [
  'spouse', 'partner', 'parent', 'child', 'sibling', 'grandparent', 'grandchild', 'other-relative',
] as const satisfies readonly (keyof typeof relationLabels)[];
export type RelationType = (typeof relationTypes)[number];
export const genders = ['female', 'male', 'other', 'unknown'] as const satisfies readonly (keyof typeof genderLabels)[];
export type Gender = (typeof genders)[number];
export const riskFlags = ['health', 'minor', 'incommunicado', 'torture'] as const satisfies readonly (keyof typeof riskLabels)[];
export type RiskFlag = (typeof riskFlags)[number];
export const personFlags = ['inDetention', 'released', 'inExile', 'politicalPrisoner'] as const satisfies readonly (keyof typeof personFlagLabels)[];
export type PersonFlag = (typeof personFlags)[number];
