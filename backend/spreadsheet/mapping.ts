import { createHash } from 'node:crypto';
import type { ImportField, ImportMapping } from '../../shared/domain/spreadsheet';
import { fold, hasWordStartingWith } from './normalize';

interface FieldWords {
  /** Whole headers (folded) that mean this field. */
  exact: string[];
  /** Word beginnings that suggest it, tried only after every exact match is taken. */
  stems: string[];
  /** Word beginnings that rule it out (a birth date is not the event date). */
  not?: string[];
}

const rawWords: Record<ImportField, FieldWords> = {
  title: {
    exact: ['title', 'case', 'case title', 'case name', 'subject', 'назва', 'назва справы', 'справа', 'название', 'название дела', 'дело', 'тема', 'заголовок', 'загаловак'],
    stems: ['title', 'назва', 'название', 'заголов', 'загалов'],
  },
  personName: {
    exact: [
      'name', 'person', 'persons name', 'person name', 'full name', 'victim', 'victim name', 'victims name', 'фио', 'ф и о', 'имя', 'фамилия',
      'фамилия имя отчество', 'пострадавший', 'потерпевший', 'імя', 'прозвішча', 'імя і прозвішча', 'прозвішча імя', 'пацярпелы', 'асоба',
    ],
    stems: ['name', 'person', 'victim', 'фио', 'имя', 'фамил', 'пострадав', 'потерпев', 'імя', 'прозвішч', 'пацярпел', 'асоба'],
  },
  region: {
    exact: ['region', 'oblast', 'voblast', 'область', 'регион', 'вобласць', 'рэгіён'],
    stems: ['region', 'oblast', 'voblast', 'област', 'регион', 'вобласц', 'рэгіён'],
  },
  priority: {
    exact: ['priority', 'urgency', 'приоритет', 'срочность', 'прыярытэт', 'тэрміновасць'],
    stems: ['priorit', 'urgen', 'приоритет', 'срочн', 'прыярытэт', 'тэрміновасц'],
  },
  status: {
    exact: ['status', 'state', 'case status', 'статус', 'состояние', 'стан'],
    stems: ['status', 'статус'],
  },
  summary: {
    exact: [
      'summary', 'description', 'details', 'notes', 'note', 'comment', 'comments', 'story', 'описание', 'апісанне', 'суть', 'сутнасць',
      'комментарий', 'каментар', 'примечание', 'заўвага', 'обстоятельства', 'абставіны',
    ],
    stems: ['summar', 'descri', 'описан', 'апісан', 'коммент', 'камент', 'примечан', 'обстоятел', 'абставін'],
  },
  locality: {
    exact: ['locality', 'city', 'town', 'village', 'place', 'settlement', 'населенный пункт', 'населены пункт', 'город', 'горад', 'нп', 'н п'],
    stems: ['localit', 'city', 'town', 'населен', 'населены', 'город', 'горад'],
  },
  placeOfDetention: {
    exact: [
      'place of detention', 'detention place', 'detention facility', 'prison', 'colony', 'месца ўтрымання', 'месца зняволення', 'место содержания',
      'место заключения', 'место лишения свободы', 'колония', 'калонія', 'сизо', 'сізо', 'турма', 'тюрьма',
    ],
    stems: ['place of detention', 'detention place', 'detention facil', 'месца ўтрым', 'месца зняв', 'место содерж', 'место заключ', 'место лишен', 'колони', 'калоні', 'prison', 'сизо', 'сізо', 'тюрьм', 'турм'],
  },
  sentence: {
    exact: ['sentence', 'verdict', 'punishment', 'приговор', 'наказание', 'прысуд', 'пакаранне', 'срок', 'тэрмін'],
    stems: ['sentenc', 'verdict', 'приговор', 'наказан', 'прысуд', 'пакаран'],
  },
  violations: {
    exact: [
      'violations', 'violation', 'violation type', 'violation types', 'type of violation', 'нарушения', 'нарушение', 'вид нарушения', 'тип нарушения',
      'парушэнні', 'парушэнне', 'від парушэння', 'тып парушэння',
    ],
    stems: ['violation', 'наруш', 'паруш'],
  },
  articles: {
    exact: ['articles', 'article', 'criminal code article', 'charges', 'статьи', 'статья', 'ст', 'статьи ук', 'артыкулы', 'артыкул', 'артыкулы кк'],
    stems: ['article', 'стать', 'артыкул'],
  },
  eventDate: {
    exact: ['date', 'event date', 'date of event', 'дата', 'дата события', 'дата задержания', 'дата падзеі', 'дата затрымання', 'detention date', 'date of detention'],
    stems: ['date', 'дата'],
    not: ['birth', 'рожд', 'нарадж', 'created', 'updated', 'modified', 'создан', 'изменен', 'обновл', 'створан', 'зменен', 'абноўл'],
  },
  tags: {
    exact: ['tags', 'tag', 'labels', 'keywords', 'теги', 'тег', 'метки', 'тэгі', 'тэг', 'меткі'],
    stems: ['tag', 'тег', 'тэг', 'метк'],
  },
};

const words = Object.fromEntries(
  Object.entries(rawWords).map(([field, w]) => [field, { exact: w.exact.map(fold), stems: w.stems.map(fold), not: (w.not ?? []).map(fold) }]),
) as Record<ImportField, Required<FieldWords>>;

/** Where word beginnings are tried, the most specific fields first ("Place of detention" before "Place"). */
const stemOrder: ImportField[] = [
  'placeOfDetention', 'eventDate', 'violations', 'articles', 'sentence', 'priority', 'status', 'region', 'locality', 'tags', 'summary', 'personName', 'title',
];

/**
 * Guesses which column feeds which field from the headers, in English, Russian and Belarusian. Each field takes
 * at most one column and each column feeds at most one field; whole-header matches win over partial ones.
 */
export function guessMapping(columns: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  const folded = columns.map(fold);
  folded.forEach((header, index) => {
    for (const field of stemOrder) {
      if (mapping[field] === undefined && words[field].exact.includes(header)) {
        mapping[field] = columns[index]!;
        used.add(index);
        return;
      }
    }
  });
  for (const field of stemOrder) {
    if (mapping[field] !== undefined) continue;
    const { stems, not } = words[field];
    const index = folded.findIndex(
      (header, i) => !used.has(i) && stems.some((stem) => hasWordStartingWith(header, stem)) && !not.some((stem) => hasWordStartingWith(header, stem)),
    );
    if (index >= 0) {
      mapping[field] = columns[index]!;
      used.add(index);
    }
  }
  return mapping;
}

/**
 * A stable key for a set of headers, to remember the mapping a person chose for files shaped like this one:
 * independent of column order, case and surrounding spaces.
 */
export function mappingSignature(columns: string[]): string {
  const key = columns
    .map((c) => c.normalize('NFC').trim().toLowerCase())
    .sort()
    .join('\n');
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32);
}
