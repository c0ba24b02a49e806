/**
 * Persons and their relatives. A person travels with the shared cases that name them, and a relative with
 * that person. Notes on a person are the office's own and stay home, as do staff references.
 */
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { displayNameOf } from '../../../shared/domain/persons';
import { regions } from '../../../shared/domain/cases';
import { genders, relationTypes } from '../../../shared/domain/vocabularies';
import { sharesGroup, type SharingPolicy } from '../../../shared/sync/policy';
import { latinNameOf } from '../../repositories/persons';
import { keysFor, unindexRow } from '../../search';
import type { SyncContext, SyncedEntity } from '../registry';
import { refreshPersonSearch } from './case-index';
import { caseEntity } from './cases';
import { ledgerMentions } from './ledger-mentions';
import { boolField, enumField, idPart, isoTimeField, keyList, partialDateField, textField } from './fields';

/** Persons named in a shared case, and relatives of those persons. */
function sharedPersons(ctx: SyncContext, policy: SharingPolicy, keys: string[]): Set<string> {
  if (!sharesGroup(policy, 'person') || keys.length === 0) return new Set();
  const rows = ctx.sqlite
    .prepare(
      `WITH candidates AS (SELECT value AS id FROM json_each(?)),
        near AS (
          SELECT id AS person, id AS via FROM candidates
          UNION SELECT c.id, r.relative_id FROM candidates c JOIN person_relations r ON r.person_id = c.id
          UNION SELECT c.id, r.person_id FROM candidates c JOIN person_relations r ON r.relative_id = c.id
        )
       SELECT DISTINCT near.person AS person, cp.case_id AS caseId FROM near JOIN case_persons cp ON cp.person_id = near.via`,
    )
    .all(keyList(keys)) as { person: string; caseId: string }[];
  const shared = caseEntity.shared!(ctx, policy, [...new Set(rows.map((r) => r.caseId))]);
  return new Set(rows.filter((r) => shared.has(r.caseId)).map((r) => r.person));
}

export const personEntity: SyncedEntity = {
  name: 'person',
  table: 'persons',
  key: [idPart('id')],
  group: 'person',
  sensitive: true,
  touchedAt: 'updated_at',
  history: true,
  fields: [
    textField('givenName', 'given_name', 120),
    textField('familyName', 'family_name', 120),
    textField('patronymic', 'patronymic', 120),
    partialDateField('birthDate', 'birth_date'),
    enumField('gender', 'gender', genders, 'unknown'),
    { name: 'region', column: 'region', kind: 'nullableText', schema: z.enum(regions).nullable() },
    textField('locality', 'locality', 200),
    boolField('inDetention', 'in_detention'),
    boolField('released', 'released'),
    boolField('inExile', 'in_exile'),
    boolField('politicalPrisoner', 'political_prisoner'),
    isoTimeField('createdAt', 'created_at'),
  ],
  newRowColumns: (ctx, rows) => rows.map(() => ({ notes: '', created_by: null, updated_by: null, updated_at: ctx.now })),
  derive: (values) => {
    const displayName = displayNameOf({ givenName: String(values.given_name ?? ''), patronymic: String(values.patronymic ?? ''), familyName: String(values.family_name ?? '') });
    return { display_name: displayName, latin_name: latinNameOf(displayName), name_keys: keysFor([displayName]) };
  },
  shared: sharedPersons,
  companions: (ctx, policy, keys) => {
    if (!sharesGroup(policy, 'person') || keys.length === 0) return [];
    const rows = ctx.sqlite
      .prepare(
        `SELECT relative_id AS id FROM person_relations WHERE person_id IN (SELECT value FROM json_each(?))
         UNION SELECT person_id FROM person_relations WHERE relative_id IN (SELECT value FROM json_each(?))`,
      )
      .all(keyList(keys), keyList(keys)) as { id: string }[];
    const near = sharedPersons(ctx, policy, rows.map((r) => r.id));
    return [...near].map((key) => ({ entity: 'person', key }));
  },
  afterApply: (ctx, keys) => {
    for (const id of keys) refreshPersonSearch(ctx.sqlite, id);
  },
  affects: ({ sqlite }, keys) =>
    (sqlite.prepare('SELECT DISTINCT case_id AS id FROM case_persons WHERE person_id IN (SELECT value FROM json_each(?))').all(keyList(keys)) as { id: string }[]).map((r) => ({
      entity: 'case',
      key: r.id,
    })),
  keptBy: ({ sqlite }, key) => ledgerMentions(sqlite, 'recipient_id', 'person_id', key),
  beforeDelete: ({ db, sqlite }, keys) => {
    sqlite.prepare("DELETE FROM changes WHERE entity = 'person' AND row_id IN (SELECT value FROM json_each(?))").run(keyList(keys));
    // Cases' and relatives' history name the person (with their name as it was): that goes too.
    const mentions = sqlite.prepare('UPDATE changes SET before = NULL, after = NULL WHERE instr(before, ?) > 0 OR instr(after, ?) > 0');
    for (const id of keys) mentions.run(`"${id}"`, `"${id}"`);
    for (const id of keys) unindexRow(db, 'person', id);
  },
  label: ({ sqlite }, key) => (sqlite.prepare('SELECT display_name AS name FROM persons WHERE id = ?').get(key) as { name: string } | undefined)?.name ?? null,
};

export const personRelationEntity: SyncedEntity = {
  name: 'personRelation',
  table: 'person_relations',
  key: [idPart('person_id'), idPart('relative_id'), { column: 'relation', schema: z.enum(relationTypes) }],
  group: 'person',
  sensitive: true,
  owner: { entity: 'person', keyPart: 0 },
  requires: [{ entity: 'person', keyPart: 1 }],
  fields: [isoTimeField('createdAt', 'created_at')],
  newRowColumns: (_ctx, rows) => rows.map(() => ({ id: uuidv7() })),
};
