import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { LinkState } from '../../shared/duplicates/groups';

/**
 * Decisions that two person records are, or are not, one person. Synced with partner offices: one row per
 * unordered pair, its id derived from the pair (`personLinkId`), so two offices deciding about the same pair
 * write the same row. Never deleted: an unmerge sets `state` to `removed`. No foreign keys: a partner's link
 * may name a person that its sharing policy kept from this office; such a link joins nothing here.
 */
export const personLinks = sqliteTable(
  'person_links',
  {
    id: text('id').primaryKey(),
    /** The smaller id of the pair. */
    personA: text('person_a').notNull(),
    personB: text('person_b').notNull(),
    state: text('state').$type<LinkState>().notNull(),
    decidedAt: text('decided_at').notNull(),
    /** A staff id of the office that decided; not a foreign key, as partners' staff are not in this vault. */
    decidedBy: text('decided_by'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('person_links_a').on(table.personA, table.state), index('person_links_b').on(table.personB, table.state)],
);

/**
 * Likely duplicates found by the last scan: local working data of this office's review queue, rebuilt from
 * the persons at will, never synced.
 */
export const duplicateCandidates = sqliteTable(
  'duplicate_candidates',
  {
    personA: text('person_a').notNull(),
    personB: text('person_b').notNull(),
    score: real('score').notNull(),
    /** JSON array of `{ code, params }`. */
    reasons: text('reasons').notNull(),
    computedAt: text('computed_at').notNull(),
    /** Set by "skip": the pair goes to the end of the queue until it is scored again. */
    skipped: integer('skipped', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.personA, table.personB] }),
    index('duplicate_candidates_b').on(table.personB),
    index('duplicate_candidates_queue').on(table.skipped, table.score),
  ],
);
