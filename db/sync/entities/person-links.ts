/**
 * Decisions that two person records are, or are not, one person (issue: duplicates across offices). A link's
 * id is derived from the pair, so two offices deciding about the same pair write the same record and the
 * later decision wins everywhere alike; the groups then follow from the pure rule in shared/duplicates. A
 * link travels to a partner that receives both persons; who decided is the office's own and stays home.
 */
import { z } from 'zod';
import { linkStates } from '../../../shared/duplicates/groups';
import { sharesGroup } from '../../../shared/sync/policy';
import type { SyncedEntity } from '../registry';
import { enumField, isoTimeField, keyList } from './fields';
import { personEntity } from './persons';

const personId = (name: string, column: string) => ({ name, column, kind: 'text' as const, schema: z.uuid(), immutable: true });

export const personLinkEntity: SyncedEntity = {
  name: 'personLink',
  table: 'person_links',
  key: [{ column: 'id', schema: z.uuid() }],
  group: 'person',
  sensitive: false,
  fields: [
    personId('personA', 'person_a'),
    personId('personB', 'person_b'),
    enumField('state', 'state', linkStates, 'removed'),
    { name: 'decidedAt', column: 'decided_at', kind: 'text', schema: z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/) },
    isoTimeField('createdAt', 'created_at'),
  ],
  newRowColumns: (_ctx, rows) => rows.map(() => ({ decided_by: null })),
  shared: (ctx, policy, keys) => {
    if (!sharesGroup(policy, 'person') || keys.length === 0) return new Set();
    const rows = ctx.sqlite
      .prepare('SELECT id, person_a AS a, person_b AS b FROM person_links WHERE id IN (SELECT value FROM json_each(?))')
      .all(keyList(keys)) as { id: string; a: string; b: string }[];
    const persons = personEntity.shared!(ctx, policy, [...new Set(rows.flatMap((r) => [r.a, r.b]))]);
    return new Set(rows.filter((r) => persons.has(r.a) && persons.has(r.b)).map((r) => r.id));
  },
  label: ({ sqlite }, key) => {
    const row = sqlite
      .prepare('SELECT a.display_name AS a, b.display_name AS b FROM person_links l LEFT JOIN persons a ON a.id = l.person_a LEFT JOIN persons b ON b.id = l.person_b WHERE l.id = ?')
      .get(key) as { a: string | null; b: string | null } | undefined;
    return row ? `${row.a ?? '?'} · ${row.b ?? '?'}` : null;
  },
};
