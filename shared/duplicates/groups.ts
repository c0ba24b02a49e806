/**
 * Which person records are one person: the pure rule every office applies to the same links.
 *
 * A link is one row per unordered pair of person ids, with one `state` field: `same` (a merge), `not_same`
 * (a rejection) or `removed` (an unmerge — a tombstone, so that it syncs and a later decision can revive the
 * row). One field, not a kind plus a removed flag, so that field-by-field last-writer-wins between offices
 * can only ever produce a state somebody chose.
 *
 * Groups are the connected components of the `same` links, with one constraint: a group never holds two
 * persons marked `not_same`. Links are taken in the order they were decided (`decidedAt`, then pair): a
 * `same` link that would join two persons marked `not_same` is *blocked* — it stays stored and is reported,
 * but joins nothing. The earlier decision wins; a person resolves the contradiction. The canonical id of a
 * group is its smallest id (UUIDv7: the oldest record), so it depends only on the set of members.
 *
 * The result depends only on the set of link rows, never on the order they arrived in.
 */

export const linkStates = ['same', 'not_same', 'removed'] as const;
export type LinkState = (typeof linkStates)[number];

export interface PersonLink {
  /** The smaller id of the pair. */
  readonly a: string;
  /** The larger id of the pair. */
  readonly b: string;
  readonly state: LinkState;
  /** When the current state was decided (ISO time); orders links for the not-same constraint. */
  readonly decidedAt: string;
}

export interface PersonGroups {
  /** Canonical id of every person that is in a group of two or more. */
  readonly canonicalOf: ReadonlyMap<string, string>;
  /** Groups of two or more, each sorted, the canonical (smallest) id first; sorted by canonical id. */
  readonly groups: readonly (readonly string[])[];
  /** `same` links that join nothing because they would put two persons marked `not_same` in one group. */
  readonly blocked: readonly PersonLink[];
}

/** The pair in link order: smaller id first. */
export function orderedPair(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

export function pairKey(x: string, y: string): string {
  const [a, b] = orderedPair(x, y);
  return `${a}|${b}`;
}

function byDecision(l: PersonLink, r: PersonLink): number {
  if (l.decidedAt !== r.decidedAt) return l.decidedAt < r.decidedAt ? -1 : 1;
  if (l.a !== r.a) return l.a < r.a ? -1 : 1;
  return l.b < r.b ? -1 : l.b > r.b ? 1 : 0;
}

/** Computes the groups of a set of links (see the header). Links in any order; one link per pair expected. */
export function resolveGroups(links: Iterable<PersonLink>): PersonGroups {
  const parent = new Map<string, string>();
  const members = new Map<string, string[]>();
  /** Persons some member of the root's component is marked not-same with. */
  const rivals = new Map<string, string[]>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) {
      const up = parent.get(root);
      if (up === undefined) {
        parent.set(root, root);
        members.set(root, [root]);
        rivals.set(root, []);
        break;
      }
      root = up;
    }
    let node = x;
    while (node !== root) {
      const up = parent.get(node)!;
      parent.set(node, root);
      node = up;
    }
    return root;
  };

  const same: PersonLink[] = [];
  for (const link of links) {
    if (link.state === 'same') same.push(link);
    else if (link.state === 'not_same') {
      rivals.get(find(link.a))!.push(link.b);
      rivals.get(find(link.b))!.push(link.a);
    }
  }
  same.sort(byDecision);

  const blocked: PersonLink[] = [];
  for (const link of same) {
    const ra = find(link.a);
    const rb = find(link.b);
    if (ra === rb) continue;
    const [small, large] = members.get(ra)!.length <= members.get(rb)!.length ? [ra, rb] : [rb, ra];
    const smallRivals = rivals.get(small)!;
    const largeRivals = rivals.get(large)!;
    const clash = smallRivals.length <= largeRivals.length ? smallRivals.some((p) => find(p) === large) : largeRivals.some((p) => find(p) === small);
    if (clash) {
      blocked.push(link);
      continue;
    }
    parent.set(small, large);
    members.get(large)!.push(...members.get(small)!);
    largeRivals.push(...smallRivals);
    members.delete(small);
    rivals.delete(small);
  }

  const canonicalOf = new Map<string, string>();
  const groups: string[][] = [];
  for (const group of members.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort();
    for (const id of sorted) canonicalOf.set(id, sorted[0]!);
    groups.push(sorted);
  }
  groups.sort((l, r) => (l[0]! < r[0]! ? -1 : 1));
  return { canonicalOf, groups, blocked };
}

/** The canonical id of `id`: itself when it is in no group. */
export function canonicalIdOf(groups: PersonGroups, id: string): string {
  return groups.canonicalOf.get(id) ?? id;
}

/** The members of `id`'s group, canonical first; `[id]` when it is alone. */
export function groupMembersOf(groups: PersonGroups, id: string): readonly string[] {
  const canonical = groups.canonicalOf.get(id);
  if (canonical === undefined) return [id];
  return groups.groups.find((g) => g[0] === canonical) ?? [id];
}
