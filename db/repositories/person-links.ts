/**
 * Merging person records: `same_as` / `not_same` decisions stored as link rows (see shared/duplicates/groups.ts
 * for the rule that turns them into groups). Nothing here deletes or rewrites a person: a group is read from
 * the links every time, so a link arriving from a partner office takes effect as soon as it is stored.
 */
import { and, eq, inArray, ne, or } from 'drizzle-orm';
import type { PersonGroupInfo } from '../../shared/domain/duplicates';
import { AppError } from '../../shared/errors';
import { orderedPair, resolveGroups, type LinkState, type PersonGroups, type PersonLink } from '../../shared/duplicates/groups';
import { personLinkId } from '../../shared/duplicates/link-id';
import { duplicateCandidates, personLinks, persons } from '../schema';
import { recordChanges, type Author, type Db } from './changes';
import { getPersonRow } from './persons';

type LinkRow = typeof personLinks.$inferSelect;

const toLink = (row: LinkRow): PersonLink => ({ a: row.personA, b: row.personB, state: row.state, decidedAt: row.decidedAt });

/** Chunks of ids small enough for one `IN (…)`. */
function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every person reachable from `start` through `same` links, blocked ones included. */
function rawComponent(db: Db, start: readonly string[]): string[] {
  const seen = new Set(start);
  let frontier = [...start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const part of chunks(frontier)) {
      const rows = db
        .select({ a: personLinks.personA, b: personLinks.personB })
        .from(personLinks)
        .where(and(eq(personLinks.state, 'same'), or(inArray(personLinks.personA, part), inArray(personLinks.personB, part))))
        .all();
      for (const { a, b } of rows) {
        for (const id of [a, b]) {
          if (!seen.has(id)) {
            seen.add(id);
            next.push(id);
          }
        }
      }
    }
    frontier = next;
  }
  return [...seen];
}

/** The live links (same and not-same) between members of `ids`. */
function linksAmong(db: Db, ids: readonly string[]): LinkRow[] {
  if (ids.length < 2) return [];
  const inside = new Set(ids);
  const out: LinkRow[] = [];
  for (const part of chunks(ids)) {
    for (const row of db
      .select()
      .from(personLinks)
      .where(and(ne(personLinks.state, 'removed'), inArray(personLinks.personA, part)))
      .all()) {
      if (inside.has(row.personB)) out.push(row);
    }
  }
  return out;
}

/**
 * The groups of everyone linked to `ids`. Groups are computed per connected component of `same` links, which
 * gives exactly what `resolveGroups` would give over every link of the vault: links of other components
 * cannot touch these.
 */
export function groupsAround(db: Db, ids: readonly string[]): PersonGroups {
  return resolveGroups(linksAmong(db, rawComponent(db, ids)).map(toLink));
}

/**
 * The ids of every record of `personId`'s group, the canonical one first; `[personId]` when it stands alone.
 * This is what everything that must see a person whole (their cases, aid history, the duplicate-payment
 * check) looks across.
 */
export function personGroupIds(db: Db, personId: string): string[] {
  const groups = groupsAround(db, [personId]);
  const canonical = groups.canonicalOf.get(personId);
  if (canonical === undefined) return [personId];
  return [...(groups.groups.find((g) => g[0] === canonical) ?? [personId])];
}

/** The canonical id of each of `ids` (itself when alone), in one pass. */
export function canonicalIds(db: Db, ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const linked = new Set<string>();
  for (const part of chunks(ids)) {
    for (const row of db
      .select({ a: personLinks.personA, b: personLinks.personB })
      .from(personLinks)
      .where(and(eq(personLinks.state, 'same'), or(inArray(personLinks.personA, part), inArray(personLinks.personB, part))))
      .all()) {
      linked.add(row.a);
      linked.add(row.b);
    }
  }
  const pending = ids.filter((id) => linked.has(id));
  const groups = pending.length > 0 ? groupsAround(db, pending) : null;
  for (const id of ids) out.set(id, groups?.canonicalOf.get(id) ?? id);
  return out;
}

export function linkRowOf(db: Db, x: string, y: string): LinkRow | undefined {
  return db.select().from(personLinks).where(eq(personLinks.id, personLinkId(x, y))).get();
}

/** The live decisions that name `personId`. */
export function directLinksOf(db: Db, personId: string): LinkRow[] {
  return db
    .select()
    .from(personLinks)
    .where(and(ne(personLinks.state, 'removed'), or(eq(personLinks.personA, personId), eq(personLinks.personB, personId))))
    .all();
}

function nameOf(db: Db, id: string): string {
  return db.select({ name: persons.displayName }).from(persons).where(eq(persons.id, id)).get()?.name ?? id;
}

function describePair(db: Db, x: string, y: string): string {
  return `${nameOf(db, x)} (${x}) and ${nameOf(db, y)} (${y})`;
}

/** Writes the pair's decision, creating the row or reviving / changing it, with its history entry. */
function writeLink(db: Db, x: string, y: string, state: LinkState, author: Author): LinkRow {
  const [a, b] = orderedPair(x, y);
  const id = personLinkId(a, b);
  const before = linkRowOf(db, a, b);
  const next: LinkRow = { id, personA: a, personB: b, state, decidedAt: author.at, decidedBy: author.id, createdAt: before?.createdAt ?? author.at };
  if (before) db.update(personLinks).set({ state, decidedAt: author.at, decidedBy: author.id }).where(eq(personLinks.id, id)).run();
  else db.insert(personLinks).values(next).run();
  recordChanges(db, 'person_link', id, before ? { state: before.state, personA: a, personB: b } : null, { state, personA: a, personB: b }, author);
  return next;
}

function requireTwo(db: Db, x: string, y: string): void {
  if (x === y) throw new AppError('SAME_PERSON', `A record cannot be merged with itself (${x}).`);
  getPersonRow(db, x);
  getPersonRow(db, y);
}

/** Drops queue entries the decision settled: every pair inside `ids`. */
function dropSettledCandidates(db: Db, ids: readonly string[]): void {
  if (ids.length < 2) return;
  db.delete(duplicateCandidates)
    .where(and(inArray(duplicateCandidates.personA, [...ids]), inArray(duplicateCandidates.personB, [...ids])))
    .run();
}

function together(groups: PersonGroups, x: string, y: string): boolean {
  const cx = groups.canonicalOf.get(x);
  return cx !== undefined && cx === groups.canonicalOf.get(y);
}

/**
 * Records that `x` and `y` are one person. Refused when they already are (ALREADY_LINKED), or when it would put
 * two records marked "not the same person" into one group (LINK_CONFLICT). A "not the same" decision about
 * exactly this pair is replaced: the person looking at the pair decides again.
 */
export function mergePersons(db: Db, x: string, y: string, author: Author): string[] {
  requireTwo(db, x, y);
  const before = groupsAround(db, [x, y]);
  if (together(before, x, y)) {
    throw new AppError('ALREADY_LINKED', `${describePair(db, x, y)} are already merged.`);
  }
  const sideX = new Set(personGroupIds(db, x));
  const sideY = personGroupIds(db, y);
  for (const row of linksAmong(db, [...sideX, ...sideY])) {
    if (row.state !== 'not_same' || row.id === personLinkId(x, y)) continue;
    if (sideX.has(row.personA) !== sideX.has(row.personB)) {
      throw new AppError(
        'LINK_CONFLICT',
        `Merging would join ${describePair(db, row.personA, row.personB)}, which were marked as not the same person. Change that decision first.`,
      );
    }
  }
  writeLink(db, x, y, 'same', author);
  const after = groupsAround(db, [x]);
  if (!together(after, x, y) || after.blocked.length > before.blocked.length) {
    throw new AppError('LINK_CONFLICT', `Merging ${describePair(db, x, y)} contradicts a "not the same person" decision in their groups.`);
  }
  const members = personGroupIds(db, x);
  dropSettledCandidates(db, members);
  return members;
}

/**
 * Records that `x` and `y` are different people. A direct merge of the pair becomes a rejection; a pair that is
 * one person only through other merges is refused (LINK_CONFLICT): those merges must be undone first.
 */
export function markNotSame(db: Db, x: string, y: string, author: Author): void {
  requireTwo(db, x, y);
  const existing = linkRowOf(db, x, y);
  if (existing?.state === 'not_same') throw new AppError('ALREADY_LINKED', `${describePair(db, x, y)} are already marked as not the same person.`);
  const before = groupsAround(db, [x, y]);
  const throughOthers = () =>
    new AppError('LINK_CONFLICT', `${describePair(db, x, y)} are one person through other merges; unmerge those first.`);
  if (together(before, x, y) && existing?.state !== 'same') throw throughOthers();
  writeLink(db, x, y, 'not_same', author);
  const after = groupsAround(db, [x, y]);
  if (together(after, x, y) || after.blocked.length > before.blocked.length) throw throughOthers();
  dropSettledCandidates(db, orderedPair(x, y));
}

/** Undoes the direct merge of `x` and `y` (the link becomes `removed`: a change that syncs, not a deletion). */
export function unmergePersons(db: Db, x: string, y: string, author: Author): void {
  requireTwo(db, x, y);
  const existing = linkRowOf(db, x, y);
  if (existing?.state !== 'same') {
    const joined = together(groupsAround(db, [x, y]), x, y);
    const why = existing?.state === 'not_same'
      ? 'they are marked as not the same person'
      : joined
        ? 'they are one person only through other merges; unmerge one of those'
        : 'they are not merged';
    throw new AppError('NOT_LINKED', `${describePair(db, x, y)} cannot be unmerged: ${why}.`);
  }
  writeLink(db, x, y, 'removed', author);
}

/** What the person page shows of a group: its records, canonical first, and the decisions naming this one. */
export function personGroupInfo(db: Db, personId: string): PersonGroupInfo {
  const groups = groupsAround(db, [personId]);
  const canonical = groups.canonicalOf.get(personId);
  const memberIds = canonical === undefined ? [personId] : [...(groups.groups.find((g) => g[0] === canonical) ?? [personId])];
  const direct = directLinksOf(db, personId);
  const otherIds = direct.map((l) => (l.personA === personId ? l.personB : l.personA));
  const rows = db
    .select({ id: persons.id, displayName: persons.displayName, latinName: persons.latinName, birthDate: persons.birthDate, region: persons.region })
    .from(persons)
    .where(inArray(persons.id, [...new Set([...memberIds, ...otherIds])]))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const blocked = new Set(groups.blocked.map((l) => `${l.a}|${l.b}`));
  return {
    canonicalId: canonical ?? personId,
    members: memberIds.flatMap((id) => {
      const row = byId.get(id);
      return row ? [row] : [];
    }),
    links: direct.flatMap((l) => {
      const other = l.personA === personId ? l.personB : l.personA;
      if (l.state === 'removed') return [];
      return [{ personId: other, displayName: byId.get(other)?.displayName ?? '', state: l.state, decidedAt: l.decidedAt, blocked: blocked.has(`${l.personA}|${l.personB}`) }];
    }),
  };
}
