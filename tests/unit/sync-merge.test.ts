import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextHlc, receiveHlc, hlcFromMs, MAX_CLOCK_AHEAD_MS } from '../../shared/sync/hlc';
import { resolveRow, type RowResolution } from '../../shared/sync/merge';
import { EXISTS_FIELD, opKey, type OpId, type SyncOp } from '../../shared/sync/ops';
import { caseShared, defaultPolicy } from '../../shared/sync/policy';

const everySensitive = () => true;
const T = (field: string) => field !== 'note';

function op(site: string, counter: number, hlc: number, field: string, value: unknown, pred: OpId[] = [], purge = false): SyncOp {
  return { site, counter, hlc, entity: 'case', row: 'r1', field, value: value === undefined ? undefined : JSON.stringify(value), pred, purge };
}

describe('merge rule', () => {
  it('takes the later of two causally ordered edits, whatever their clocks', () => {
    const first = op('a', 1, 500, 'title', 'Detention');
    const second = op('b', 1, 100, 'title', 'Detention in Hrodna', [first]);
    const row = resolveRow([second, first], everySensitive);
    expect(row.fields.get('title')?.winner?.value).toBe('"Detention in Hrodna"');
    expect(row.fields.get('title')?.conflict).toBe(false);
    expect(row.status.get(opKey(first))).toBe('superseded');
  });

  it('flags concurrent different values on a sensitive field, and a resolution clears it', () => {
    const base = op('a', 1, 100, 'title', 'Detention');
    const mine = op('a', 2, 200, 'title', 'Detention at Akrestsina', [base]);
    const theirs = op('b', 1, 150, 'title', 'Detention at Okrestina', [base]);
    const row = resolveRow([base, mine, theirs], everySensitive);
    const title = row.fields.get('title')!;
    expect(title.conflict).toBe(true);
    expect(title.winner).toBe(mine);
    expect(title.heads.map(opKey)).toEqual(['a:2', 'b:1']);
    expect(resolveRow([base, mine, theirs], (f) => f !== 'title').fields.get('title')?.conflict).toBe(false);
    const resolution = op('b', 2, 160, 'title', 'Detention at Okrestina', [mine, theirs]);
    const resolved = resolveRow([base, mine, theirs, resolution], everySensitive).fields.get('title')!;
    expect(resolved.conflict).toBe(false);
    expect(resolved.winner?.value).toBe('"Detention at Okrestina"');
  });

  it('concurrent edits to the same value are no conflict', () => {
    const base = op('a', 1, 100, 'status', 'new');
    const row = resolveRow([base, op('a', 2, 200, 'status', 'open', [base]), op('b', 1, 150, 'status', 'open', [base])], everySensitive);
    expect(row.fields.get('status')?.conflict).toBe(false);
  });

  it('a field purge erases every value it does not precede, including a concurrent one', () => {
    const created = op('a', 1, 100, 'summary', 'Told us by Ivan, tel. 123');
    const edit = op('a', 2, 200, 'summary', 'Ivan says more', [created]);
    const concurrent = op('b', 1, 250, 'summary', 'Source Ivan confirmed', [created]);
    const purge = op('a', 3, 300, 'summary', '', [edit], true);
    const after = op('b', 2, 400, 'summary', 'Held in Zhodzina', [purge]);
    const row = resolveRow([created, edit, concurrent, purge, after], everySensitive);
    expect([created, edit, concurrent].map((o) => row.status.get(opKey(o)))).toEqual(['erased', 'erased', 'erased']);
    expect(row.status.get(opKey(after))).toBe('head');
    expect(row.fields.get('summary')?.winner?.value).toBe('"Held in Zhodzina"');
    expect(row.fields.get('summary')?.conflict).toBe(false);
  });

  it('a record purge deletes the record and erases all its values; a re-creation that saw it survives', () => {
    const exists = op('a', 1, 100, EXISTS_FIELD, true);
    const title = op('a', 2, 100, 'title', 'Witness statement');
    const purge = op('a', 3, 200, EXISTS_FIELD, false, [exists], true);
    let row = resolveRow([exists, title, purge], everySensitive);
    expect(row.exists).toBe(false);
    expect(row.status.get(opKey(title))).toBe('erased');
    expect(row.fields.get('title')?.winner).toBeUndefined();
    const again = op('a', 4, 300, EXISTS_FIELD, true, [purge]);
    const retitled = op('a', 5, 300, 'title', 'Statement', [again]);
    row = resolveRow([exists, title, purge, again, retitled], everySensitive);
    expect(row.exists).toBe(true);
    expect(row.fields.get('title')?.winner?.value).toBe('"Statement"');
  });

  it('deletion is a tombstone: the record no longer exists, its values are kept', () => {
    const exists = op('a', 1, 100, EXISTS_FIELD, true);
    const title = op('a', 2, 100, 'title', 'Kept');
    const row = resolveRow([exists, title, op('b', 1, 200, EXISTS_FIELD, false, [exists])], everySensitive);
    expect(row.exists).toBe(false);
    expect(row.status.get(opKey(title))).toBe('head');
  });

  it('a stub and a full copy of one operation resolve as the full copy', () => {
    const full = op('a', 1, 100, 'title', 'Full');
    const stub = { ...full, value: undefined };
    expect(resolveRow([stub, full], everySensitive).fields.get('title')?.winner?.value).toBe('"Full"');
    expect(resolveRow([full, stub], everySensitive).fields.get('title')?.winner?.value).toBe('"Full"');
  });
});

describe('hybrid logical clock', () => {
  it('moves forward on every write, even when the wall clock goes back', () => {
    const first = nextHlc(0, 1_000);
    expect(nextHlc(first, 900)).toBe(first + 1);
    expect(nextHlc(first, 2_000)).toBe(hlcFromMs(2_000));
  });

  it('clamps a received clock years ahead and reports the skew', () => {
    const now = Date.parse('2026-11-24T09:00:00Z');
    const years = 5 * 365 * 86_400_000;
    const received = receiveHlc(hlcFromMs(now), hlcFromMs(now + years), now);
    expect(received.clamped).toBe(true);
    expect(received.hlc).toBe(hlcFromMs(now + MAX_CLOCK_AHEAD_MS));
    expect(received.skewMs).toBe(years);
    expect(receiveHlc(hlcFromMs(now), hlcFromMs(now - years), now)).toMatchObject({ clamped: false, hlc: hlcFromMs(now), skewMs: -years });
  });
});

describe('sharing policy', () => {
  it('shares only consented cases of the chosen types and tags', () => {
    const facts = { consentShare: true, violations: ['detention'], tags: ['hrodna'] };
    expect(caseShared(defaultPolicy, facts)).toBe(true);
    expect(caseShared(defaultPolicy, { ...facts, consentShare: false })).toBe(false);
    expect(caseShared({ ...defaultPolicy, requireConsent: false }, { ...facts, consentShare: false })).toBe(true);
    expect(caseShared({ ...defaultPolicy, violations: ['torture'] }, facts)).toBe(false);
    expect(caseShared({ ...defaultPolicy, tags: ['hrodna', 'minsk'] }, facts)).toBe(true);
    expect(caseShared({ ...defaultPolicy, entities: ['person'] }, facts)).toBe(false);
  });
});

/**
 * A model of several offices exchanging bundles. Each office holds a set of operations; a bundle carries
 * every operation its sender holds for the records the pair's policy allows (whole records, as the real
 * export does). Bundles are lost, duplicated and delivered in any order; at the end every pair exchanges
 * until nothing changes.
 */
const FIELDS = ['title', 'status', 'note'] as const;
const VALUES = ['A', 'B', 'C', 'D'] as const;

type Action =
  | { kind: 'create'; office: number }
  | { kind: 'edit'; office: number; row: number; field: number; value: number }
  | { kind: 'delete'; office: number; row: number }
  | { kind: 'purgeField'; office: number; row: number; field: number }
  | { kind: 'purgeRow'; office: number; row: number }
  | { kind: 'resolve'; office: number; row: number; pick: number }
  | { kind: 'send'; from: number; to: number }
  | { kind: 'deliver'; pick: number; again: boolean }
  | { kind: 'drop'; pick: number };

interface Office {
  site: string;
  counter: number;
  hlc: number;
  ops: Map<string, SyncOp>;
}

function actionArb(offices: number): fc.Arbitrary<Action> {
  const office = fc.nat({ max: offices - 1 });
  const row = fc.nat({ max: 40 });
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), office }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), office, row, field: fc.nat({ max: FIELDS.length - 1 }), value: fc.nat({ max: VALUES.length - 1 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), office, row }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('purgeField' as const), office, row, field: fc.nat({ max: FIELDS.length - 1 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('purgeRow' as const), office, row }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('resolve' as const), office, row, pick: fc.nat({ max: 3 }) }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), from: office, to: office }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), again: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }) },
  );
}

const scenarioArb = fc.integer({ min: 3, max: 5 }).chain((offices) =>
  fc.record({
    offices: fc.constant(offices),
    /** allow[class][i][j] for i < j: whether offices i and j share records of that class. */
    allow: fc.array(fc.array(fc.boolean(), { minLength: offices * offices, maxLength: offices * offices }), { minLength: 3, maxLength: 3 }),
    /** Per-office clock offsets, up to years off. */
    skew: fc.array(fc.integer({ min: -3 * 365 * 86_400_000, max: 3 * 365 * 86_400_000 }), { minLength: offices, maxLength: offices }),
    actions: fc.array(actionArb(offices), { minLength: 20, maxLength: 80 }),
  }),
);

function rowsOf(ops: Iterable<SyncOp>): Map<string, SyncOp[]> {
  const rows = new Map<string, SyncOp[]>();
  for (const o of ops) rows.set(o.row, [...(rows.get(o.row) ?? []), o]);
  return rows;
}

const sensitive = (field: string) => field !== 'note';
const classOf = (row: string) => Number(row.split('-')[2]) % 3;

function snapshot(resolution: RowResolution) {
  return {
    exists: resolution.exists,
    fields: [...resolution.fields.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, r]) => [f, r.winner?.value ?? null, r.conflict]),
  };
}

function runScenario(scenario: { offices: number; allow: boolean[][]; skew: number[]; actions: Action[] }) {
  const n = scenario.offices;
  const allowed = (cls: number, i: number, j: number) => i !== j && scenario.allow[cls]![Math.min(i, j) * n + Math.max(i, j)]!;
  const offices: Office[] = Array.from({ length: n }, (_, i) => ({ site: `site${i}`, counter: 0, hlc: 0, ops: new Map() }));
  const created: string[] = [];
  const creator = new Map<string, number>();
  let wall = Date.parse('2026-11-24T09:00:00Z');
  const inTransit: { to: number; ops: SyncOp[] }[] = [];

  const resolveAt = (office: Office, row: string) => resolveRow((rowsOf(office.ops.values()).get(row) ?? []), sensitive);
  const write = (index: number, row: string, field: string, value: unknown, purge = false) => {
    const office = offices[index]!;
    office.hlc = nextHlc(office.hlc, wall + scenario.skew[index]!);
    office.counter += 1;
    const resolution = resolveAt(office, row);
    const heads = resolution.fields.get(field)?.heads ?? [];
    const everPurged = [...office.ops.values()].some((o) => o.row === row && o.field === EXISTS_FIELD && o.purge);
    const extra = everPurged && field !== EXISTS_FIELD ? (resolution.fields.get(EXISTS_FIELD)?.heads ?? []) : [];
    const pred = [...heads, ...extra].map(({ site, counter }) => ({ site, counter }));
    const next: SyncOp = { site: office.site, counter: office.counter, hlc: office.hlc, entity: 'case', row, field, value: JSON.stringify(value), pred, purge };
    office.ops.set(opKey(next), next);
    if (purge) erase(office, row);
  };
  /** As the vault does after applying: the content of erased operations is dropped. */
  const erase = (office: Office, row: string) => {
    const { status } = resolveAt(office, row);
    for (const [key, state] of status) if (state === 'erased') office.ops.set(key, { ...office.ops.get(key)!, value: undefined });
  };
  const receive = (index: number, ops: SyncOp[]) => {
    const office = offices[index]!;
    const touched = new Set<string>();
    for (const o of ops) {
      // The first copy to arrive is kept: a stub stays a stub.
      if (!office.ops.has(opKey(o))) office.ops.set(opKey(o), o);
      touched.add(o.row);
      office.hlc = receiveHlc(office.hlc, o.hlc, wall + scenario.skew[index]!).hlc;
    }
    for (const row of touched) erase(office, row);
  };
  /** Whole records the pair may share; only the heads carry their values. */
  const bundle = (from: number, to: number): SyncOp[] => {
    const out: SyncOp[] = [];
    for (const [row, ops] of rowsOf(offices[from]!.ops.values())) {
      if (!allowed(classOf(row), from, to)) continue;
      const { status } = resolveRow(ops, sensitive);
      for (const o of ops) out.push(status.get(opKey(o)) === 'head' ? o : { ...o, value: undefined });
    }
    return out;
  };

  for (const action of scenario.actions) {
    wall += 1000;
    const existing = (office: number, rowIndex: number) => {
      const visible = created.filter((row) => resolveAt(offices[office]!, row).exists);
      return visible.length === 0 ? null : visible[rowIndex % visible.length]!;
    };
    switch (action.kind) {
      case 'create': {
        const row = `r-${action.office}-${created.length}`;
        created.push(row);
        creator.set(row, action.office);
        write(action.office, row, EXISTS_FIELD, true);
        write(action.office, row, 'title', 'new');
        break;
      }
      case 'edit': {
        const row = existing(action.office, action.row);
        if (row) write(action.office, row, FIELDS[action.field]!, VALUES[action.value]!);
        break;
      }
      case 'delete': {
        const row = existing(action.office, action.row);
        if (row) write(action.office, row, EXISTS_FIELD, false);
        break;
      }
      case 'purgeField': {
        const row = existing(action.office, action.row);
        if (row) write(action.office, row, FIELDS[action.field]!, '', true);
        break;
      }
      case 'purgeRow': {
        const row = existing(action.office, action.row);
        if (row) write(action.office, row, EXISTS_FIELD, false, true);
        break;
      }
      case 'resolve': {
        const row = existing(action.office, action.row);
        if (!row) break;
        for (const [field, state] of resolveAt(offices[action.office]!, row).fields) {
          if (!state.conflict) continue;
          const chosen = state.heads[action.pick % state.heads.length]!;
          write(action.office, row, field, JSON.parse(chosen.value!));
          break;
        }
        break;
      }
      case 'send':
        if (action.from !== action.to) inTransit.push({ to: action.to, ops: bundle(action.from, action.to) });
        break;
      case 'deliver': {
        if (inTransit.length === 0) break;
        const index = action.pick % inTransit.length;
        const delivered = inTransit[index]!;
        receive(delivered.to, delivered.ops);
        if (!action.again) inTransit.splice(index, 1);
        break;
      }
      case 'drop':
        if (inTransit.length > 0) inTransit.splice(action.pick % inTransit.length, 1);
        break;
    }
  }

  // Full exchange: every pair, until a round changes nothing.
  for (let round = 0; round < 50; round += 1) {
    const before = offices.map((o) => o.ops.size);
    for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) if (i !== j) receive(j, bundle(i, j));
    if (offices.every((o, i) => o.ops.size === before[i])) break;
  }

  // Which offices may hold each record: those connected to its creator by pairs that share its class.
  const reach = (row: string) => {
    const cls = classOf(row);
    const group = new Set([creator.get(row)!]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const i of [...group]) for (let j = 0; j < n; j += 1) if (!group.has(j) && allowed(cls, i, j)) {
        group.add(j);
        grew = true;
      }
    }
    return group;
  };
  for (const row of created) {
    const group = reach(row);
    const states = [...group].map((i) => JSON.stringify(snapshot(resolveAt(offices[i]!, row))));
    expect(new Set(states).size, `offices ${[...group].join(',')} disagree on ${row}`).toBe(1);
    for (let i = 0; i < n; i += 1) {
      if (!group.has(i)) expect([...offices[i]!.ops.values()].some((o) => o.row === row), `${row} leaked to office ${i}`).toBe(false);
    }
  }
  // Re-delivering everything changes nothing; a shuffled copy of an office's operations resolves alike.
  const states = offices.map((office) => created.map((row) => JSON.stringify(snapshot(resolveAt(office, row)))));
  for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) if (i !== j) receive(j, bundle(i, j));
  expect(offices.map((office) => created.map((row) => JSON.stringify(snapshot(resolveAt(office, row)))))).toEqual(states);
  for (const office of offices) {
    for (const [row, ops] of rowsOf(office.ops.values())) {
      const shuffled = [...ops].reverse().concat(ops.slice(0, 2));
      expect(snapshot(resolveRow(shuffled, sensitive))).toEqual(snapshot(resolveAt(office, row)));
    }
  }
  // Purged content survives nowhere; conflicts and shared records did occur (the model is not vacuous).
  for (const office of offices) {
    for (const [row, ops] of rowsOf(office.ops.values())) {
      const { status, fields } = resolveRow(ops, sensitive);
      for (const o of ops) if (status.get(opKey(o)) === 'erased') expect(o.value, `erased value of ${row} kept`).toBeUndefined();
      if ([...fields.values()].some((f) => f.conflict)) coverage.conflicts += 1;
      if (ops.some((o) => o.purge)) coverage.purges += 1;
    }
  }
  for (const row of created) if (reach(row).size > 1) coverage.shared += 1;
}

const coverage = { conflicts: 0, purges: 0, shared: 0 };

describe('offices exchanging bundles (model)', () => {
  it('converge on what they may see, never receive what they may not, and re-import changes nothing', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => runScenario(scenario)), { numRuns: 1500 });
    expect(coverage.conflicts).toBeGreaterThan(20);
    expect(coverage.purges).toBeGreaterThan(100);
    expect(coverage.shared).toBeGreaterThan(1000);
  });
});
