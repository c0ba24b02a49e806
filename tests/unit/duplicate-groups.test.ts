import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalIdOf, groupMembersOf, pairKey, resolveGroups, type LinkState, type PersonLink } from '../../shared/duplicates/groups';
import { personLinkId } from '../../shared/duplicates/link-id';

const ids = ['01-anna', '02-ales', '03-bialiatski', '04-byalyatski', '05-belyatsky', '06-other'] as const;

function link(x: string, y: string, state: LinkState, decidedAt: string): PersonLink {
  const [a, b] = x < y ? [x, y] : [y, x];
  return { a, b, state, decidedAt };
}

describe('resolveGroups', () => {
  it('joins chains of merges into one group whose canonical id is the smallest', () => {
    const groups = resolveGroups([link(ids[4], ids[3], 'same', 't1'), link(ids[3], ids[2], 'same', 't2')]);
    expect(groups.groups).toEqual([[ids[2], ids[3], ids[4]]]);
    expect(canonicalIdOf(groups, ids[4])).toBe(ids[2]);
    expect(canonicalIdOf(groups, ids[0])).toBe(ids[0]);
    expect(groupMembersOf(groups, ids[3])).toEqual([ids[2], ids[3], ids[4]]);
    expect(groupMembersOf(groups, ids[0])).toEqual([ids[0]]);
  });

  it('ignores removed links and not-same links for grouping', () => {
    const groups = resolveGroups([link(ids[2], ids[3], 'removed', 't1'), link(ids[3], ids[4], 'not_same', 't2')]);
    expect(groups.groups).toEqual([]);
    expect(groups.blocked).toEqual([]);
  });

  it('blocks a later merge that would join two persons marked not-same, whatever the input order', () => {
    const links = [
      link(ids[2], ids[4], 'not_same', 't1'),
      link(ids[2], ids[3], 'same', 't2'),
      link(ids[3], ids[4], 'same', 't3'),
    ];
    for (const order of [links, [...links].reverse(), [links[1]!, links[2]!, links[0]!]]) {
      const groups = resolveGroups(order);
      expect(groups.groups).toEqual([[ids[2], ids[3]]]);
      expect(groups.blocked).toEqual([links[2]]);
    }
  });

  it('gives each pair one deterministic link id, whichever way round it is named', () => {
    const id = personLinkId(ids[2], ids[3]);
    expect(id).toBe(personLinkId(ids[3], ids[2]));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(personLinkId(ids[2], ids[4])).not.toBe(id);
  });
});

/**
 * Three offices decide about the same persons; every decision reaches every office, in any order and any
 * number of times. Each office keeps, per link row and field, the value with the highest (hlc, site) — the
 * field-level last-writer-wins of sync — and then computes groups from its rows.
 */
interface Operation {
  pair: [string, string];
  state: LinkState | null; // null: the decision changed only decidedAt (state unchanged)
  hlc: number;
  site: string;
}

type Rows = Map<string, { state?: { value: LinkState; hlc: number; site: string }; decidedAt?: { value: string; hlc: number; site: string } }>;

const newer = (l: { hlc: number; site: string }, r: { hlc: number; site: string } | undefined) =>
  r === undefined || l.hlc > r.hlc || (l.hlc === r.hlc && l.site > r.site);

function apply(rows: Rows, op: Operation): void {
  const key = pairKey(...op.pair);
  const row = rows.get(key) ?? {};
  const stamp = { hlc: op.hlc, site: op.site };
  if (op.state !== null && newer(stamp, row.state)) row.state = { value: op.state, ...stamp };
  const decidedAt = `t${String(op.hlc).padStart(6, '0')}`;
  if (newer(stamp, row.decidedAt)) row.decidedAt = { value: decidedAt, ...stamp };
  rows.set(key, row);
}

function linksOf(rows: Rows): PersonLink[] {
  const out: PersonLink[] = [];
  for (const [key, row] of rows) {
    if (!row.state || !row.decidedAt) continue;
    const [a, b] = key.split('|') as [string, string];
    out.push({ a, b, state: row.state.value, decidedAt: row.decidedAt.value });
  }
  return out;
}

const operation = fc.record({
  pair: fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)).filter(([x, y]) => x !== y),
  state: fc.oneof(fc.constantFrom<LinkState>('same', 'same', 'not_same', 'removed'), fc.constant(null)),
  hlc: fc.integer({ min: 1, max: 60 }),
  site: fc.constantFrom('office-a', 'office-b', 'office-c'),
});

/** A site never stamps two operations with one clock value. */
const operations = fc.uniqueArray(operation, { minLength: 1, maxLength: 40, selector: (op) => `${op.hlc}|${op.site}` });

describe('merges, not-same decisions and unmerges at three offices', () => {
  it('converge to the same groups in any delivery order, with duplicates', () => {
    fc.assert(
      fc.property(
        operations,
        fc.array(fc.array(fc.nat(), { minLength: 0, maxLength: 20 }), { minLength: 3, maxLength: 3 }),
        (ops, extra) => {
          const results = extra.map((duplicates, office) => {
            const delivery = [...ops, ...duplicates.map((i) => ops[i % ops.length]!)];
            // A different shuffle per office, derived from the office's duplicates so fast-check can shrink it.
            delivery.sort((l, r) => ((l.hlc * 31 + office * 7 + l.pair[0].length) % 11) - ((r.hlc * 31 + office * 7 + r.pair[1].length) % 11));
            if (office === 1) delivery.reverse();
            const rows: Rows = new Map();
            for (const op of delivery) apply(rows, op);
            return resolveGroups(linksOf(rows));
          });
          const [first, ...others] = results;
          for (const other of others) {
            expect(other.groups).toEqual(first!.groups);
            expect(other.blocked).toEqual(first!.blocked);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never put two persons marked not-same in one group, and honour every unblocked merge', () => {
    fc.assert(
      fc.property(operations, fc.array(fc.nat()), (ops, order) => {
        const shuffled = [...ops].sort((l, r) => (order[ops.indexOf(l)] ?? 0) - (order[ops.indexOf(r)] ?? 0));
        const rows: Rows = new Map();
        for (const op of shuffled) apply(rows, op);
        const links = linksOf(rows);
        const groups = resolveGroups(links);
        const blocked = new Set(groups.blocked.map((l) => pairKey(l.a, l.b)));
        for (const l of links) {
          const together = canonicalIdOf(groups, l.a) === canonicalIdOf(groups, l.b);
          if (l.state === 'not_same') expect(together).toBe(false);
          if (l.state === 'same' && !blocked.has(pairKey(l.a, l.b))) expect(together).toBe(true);
          if (blocked.has(pairKey(l.a, l.b))) expect(together).toBe(false);
        }
        for (const group of groups.groups) expect(group[0]).toBe([...group].sort()[0]);
      }),
      { numRuns: 500 },
    );
  });
});
