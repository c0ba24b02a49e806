/**
 * Cases and what belongs to them. A case's local reference number, assignee, denormalised person name
 * and staff references are local; the office that recorded a case keeps its own reference in
 * `originReference`, which every partner shows beside its local number. Notes and sources never sync.
 */
import { z } from 'zod';
import { caseStatuses, priorities, regions, type CaseStatus, type Priority } from '../../../shared/domain/cases';
import { partialDateBounds } from '../../../shared/domain/partial-date';
import { casePersonRoles, violationTypes } from '../../../shared/domain/vocabularies';
import { caseShared, sharesGroup, type SharingPolicy } from '../../../shared/sync/policy';
import { formatReference, nextReferenceNumber } from '../../repositories/case-create';
import { unindexRow } from '../../search';
import type { ColumnValues, SyncContext, SyncedEntity } from '../registry';
import { refreshCaseSearch } from './case-index';
import { boolField, enumField, idPart, isoTimeField, keyList, partialDateField, textField } from './fields';
import { ledgerMentions } from './ledger-mentions';

function eventSpan(eventDate: unknown, eventEndDate: unknown) {
  if (typeof eventDate !== 'string') return { event_from: null, event_to: null };
  const end = typeof eventEndDate === 'string' ? eventEndDate : eventDate;
  return { event_from: partialDateBounds(eventDate).from, event_to: partialDateBounds(end).to };
}

interface CaseFacts {
  id: string;
  consent: number;
  violations: string | null;
  tags: string | null;
}

function sharedCases({ sqlite }: SyncContext, policy: SharingPolicy, keys: string[]): Set<string> {
  if (!sharesGroup(policy, 'case') || keys.length === 0) return new Set();
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.consent_share AS consent,
        (SELECT json_group_array(violation) FROM case_violations v WHERE v.case_id = c.id) AS violations,
        (SELECT json_group_array(tag) FROM case_tags t WHERE t.case_id = c.id) AS tags
      FROM cases c WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(keyList(keys)) as CaseFacts[];
  const shared = new Set<string>();
  for (const row of rows) {
    const facts = { consentShare: row.consent === 1, violations: JSON.parse(row.violations ?? '[]') as string[], tags: JSON.parse(row.tags ?? '[]') as string[] };
    if (caseShared(policy, facts)) shared.add(row.id);
  }
  return shared;
}

/** The persons named in these cases, and their relatives: they travel with the cases. */
function caseCompanions({ sqlite }: SyncContext, policy: SharingPolicy, keys: string[]) {
  if (!sharesGroup(policy, 'person') || keys.length === 0) return [];
  const rows = sqlite
    .prepare(
      `WITH linked AS (SELECT DISTINCT person_id AS id FROM case_persons WHERE case_id IN (SELECT value FROM json_each(?)))
       SELECT id FROM linked
       UNION SELECT relative_id FROM person_relations WHERE person_id IN (SELECT id FROM linked)
       UNION SELECT person_id FROM person_relations WHERE relative_id IN (SELECT id FROM linked)`,
    )
    .all(keyList(keys)) as { id: string }[];
  return rows.map((r) => ({ entity: 'person', key: r.id }));
}

/** The next local reference number, per import: finding the highest one is a scan, done once. */
const nextNumbers = new WeakMap<SyncContext, { year: string; next: number }>();

function newCaseColumns(ctx: SyncContext, rows: ColumnValues[]): ColumnValues[] {
  const year = ctx.now.slice(0, 4);
  let counter = nextNumbers.get(ctx);
  if (!counter || counter.year !== year) {
    counter = { year, next: nextReferenceNumber(ctx.db, year) };
    nextNumbers.set(ctx, counter);
  }
  const numbers = counter;
  return rows.map(() => ({
    reference: formatReference(year, numbers.next++),
    person_name: '',
    assignee_id: null,
    created_by: null,
    updated_by: null,
    updated_at: ctx.now,
  }));
}

export const caseEntity: SyncedEntity = {
  name: 'case',
  table: 'cases',
  key: [idPart('id')],
  group: 'case',
  sensitive: true,
  touchedAt: 'updated_at',
  history: true,
  fields: [
    { ...textField('originReference', 'origin_reference', 40), read: `coalesce(nullif(origin_reference, ''), reference)`, immutable: true },
    textField('title', 'title', 300),
    enumField('region', 'region', regions, 'unknown'),
    textField('locality', 'locality', 200),
    textField('placeOfDetention', 'place_of_detention', 300),
    textField('sentence', 'sentence', 300),
    enumField('priority', 'priority', priorities, 'normal'),
    enumField('status', 'status', caseStatuses, 'new'),
    textField('statusReason', 'status_reason', 2000),
    textField('summary', 'summary', 20_000),
    partialDateField('eventDate', 'event_date'),
    partialDateField('eventEndDate', 'event_end_date'),
    boolField('riskHealth', 'risk_health'),
    boolField('riskMinor', 'risk_minor'),
    boolField('riskIncommunicado', 'risk_incommunicado'),
    boolField('riskTorture', 'risk_torture'),
    { name: 'articles', column: 'articles', kind: 'json', schema: z.array(z.string().max(40)).max(50) },
    boolField('consentPublish', 'consent_publish'),
    boolField('consentShare', 'consent_share'),
    isoTimeField('createdAt', 'created_at'),
  ],
  newRowColumns: newCaseColumns,
  derive: (values) => ({
    priority_rank: Math.max(0, priorities.indexOf(values.priority as Priority)),
    status_rank: Math.max(0, caseStatuses.indexOf(values.status as CaseStatus)),
    ...eventSpan(values.event_date, values.event_end_date),
  }),
  shared: sharedCases,
  consentField: 'consentShare',
  companions: caseCompanions,
  afterApply: (ctx, keys) => {
    for (const id of keys) refreshCaseSearch(ctx.sqlite, id);
  },
  keptBy: ({ sqlite }, key) => ledgerMentions(sqlite, 'case_id', 'case_id', key),
  beforeDelete: ({ db, sqlite }, keys) => {
    const list = keyList(keys);
    // What this office kept locally about a case that was purged goes with it.
    sqlite.prepare('DELETE FROM case_notes WHERE case_id IN (SELECT value FROM json_each(?))').run(list);
    sqlite.prepare('DELETE FROM case_sources WHERE case_id IN (SELECT value FROM json_each(?))').run(list);
    sqlite.prepare("DELETE FROM changes WHERE entity = 'case' AND row_id IN (SELECT value FROM json_each(?))").run(list);
    for (const id of keys) unindexRow(db, 'case', id);
  },
  label: ({ sqlite }, key) => {
    const row = sqlite.prepare('SELECT reference, title FROM cases WHERE id = ?').get(key) as { reference: string; title: string } | undefined;
    return row ? `${row.reference} · ${row.title}` : null;
  },
};

const owner = { entity: 'case', keyPart: 0 };

export const casePersonEntity: SyncedEntity = {
  name: 'casePerson',
  table: 'case_persons',
  key: [idPart('case_id'), idPart('person_id'), { column: 'role', schema: z.enum(casePersonRoles) }],
  group: 'person',
  sensitive: true,
  owner,
  requires: [{ entity: 'person', keyPart: 1 }],
  fields: [{ name: 'position', column: 'position', kind: 'int', schema: z.number().int().min(0).max(10_000) }],
};

export const caseViolationEntity: SyncedEntity = {
  name: 'caseViolation',
  table: 'case_violations',
  key: [idPart('case_id'), { column: 'violation', schema: z.enum(violationTypes) }],
  group: 'case',
  sensitive: true,
  owner,
  fields: [],
};

export const caseTagEntity: SyncedEntity = {
  name: 'caseTag',
  table: 'case_tags',
  key: [idPart('case_id'), { column: 'tag', schema: z.string().min(1).max(60) }],
  group: 'case',
  sensitive: false,
  owner,
  fields: [],
};

/** Evidence: written once, its bytes checked against the intake SHA-256 wherever it arrives. */
export const attachmentEntity: SyncedEntity = {
  name: 'attachment',
  table: 'attachments',
  key: [idPart('id')],
  group: 'attachment',
  sensitive: true,
  appendOnly: true,
  owner: { entity: 'case', field: 'caseId' },
  blob: { column: 'data', hashField: 'sha256' },
  fields: [
    { name: 'caseId', column: 'case_id', kind: 'text', schema: z.uuid() },
    textField('fileName', 'file_name', 255),
    textField('mediaType', 'media_type', 127),
    { name: 'size', column: 'size', kind: 'int', schema: z.number().int().min(0) },
    { name: 'sha256', column: 'sha256', kind: 'text', schema: z.string().regex(/^[0-9a-f]{64}$/) },
    isoTimeField('createdAt', 'created_at'),
  ],
  newRowColumns: (_ctx, rows) => rows.map(() => ({ created_by: null })),
  shared: ({ sqlite }, policy, keys) => {
    if (!sharesGroup(policy, 'attachment')) return new Set();
    const rows = sqlite
      .prepare('SELECT id FROM attachments WHERE id IN (SELECT value FROM json_each(?)) AND size <= ?')
      .all(keyList(keys), policy.maxAttachmentBytes) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  },
};
