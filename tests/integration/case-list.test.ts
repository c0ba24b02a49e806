/**
 * The triage list against a naive model: the same cases filtered and sorted in memory by the rules the list
 * promises (SQLite's BINARY and NOCASE orders, ties broken by last update then id in the last key's
 * direction). Pages by offset, pages by cursor and counts must all agree with it, on a vault large enough
 * for every plan: tag and search matches below and above the count cap.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_CAP } from '../../db/repositories/case-list';
import { assignCases, getCaseRecord, importCases, listCases, setPriority, setStatus, updateCase } from '../../db/repositories/cases';
import { newId } from '../../db/ids';
import { staff } from '../../db/schema';
import { matchExpression } from '../../db/search';
import { violationMask } from '../../db/violation-mask';
import { createVault, type OpenVault } from '../../db/vault';
import { caseSortFields, caseStatuses, priorities, regions, type CaseFilter, type CaseSort, type ParsedNewCase } from '../../shared/domain/cases';
import { partialDateBounds } from '../../shared/domain/partial-date';
import { riskFlags, violationTypes, type RiskFlag, type ViolationType } from '../../shared/domain/vocabularies';
import { AppError } from '../../shared/errors';
import { random } from '../../bench/synthetic';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';

const CASES = 2600;
const titles = ['Detention', 'detention', 'DETENTION after the vigil', 'Search', 'search at home', 'Штраф', 'штраф', 'Zatrymanne', 'Ab', 'ab'];
const names = ['Алесь Бяляцкі', 'Марфа Рабкова', 'Ihar Losik', 'ihar losik', 'Павел Севярынец', 'Nasta Loika', 'Андрэй Поczobut'];
const dates = [null, '2020', '2020-05', '2020-05-14', '2021', '2021-07-01', '2022-12', '2023', '2024-02-29', '2025-10-10'];
const tags = ['common', 'rare', 'students', 'flag'];
const searches = ['Bialiatski', 'Rabkova', 'Бяляцкі', 'Losik', 'nothing-like-this'];

let vault: OpenVault;
let me: string;
let staffIds: string[];

interface Model {
  id: string;
  reference: string;
  title: string;
  personName: string;
  region: string;
  priorityRank: number;
  statusRank: number;
  assigneeId: string | null;
  assigneeName: string;
  eventFrom: string | null;
  eventTo: string | null;
  risks: RiskFlag[];
  violations: ViolationType[];
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

/** Builds the vault through the app's own write paths: an import, then edits at later times. */
function fill(v: OpenVault) {
  const next = random(99);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const at = (minutes: number) => ({ id: v.user.id, at: new Date(Date.parse('2026-10-01T09:00:00Z') + minutes * 60_000).toISOString() });
  staffIds = ['anna', 'Anna', 'Ігар'].map((name) => {
    const id = newId();
    v.orm.insert(staff).values({ id, name, role: 'caseworker', slotId: `slot-${id}`, createdAt: at(0).at }).run();
    return id;
  });
  me = staffIds[0]!;
  const rows = Array.from({ length: CASES }, (_, i) => {
    const eventDate = pick(dates);
    const input: ParsedNewCase = {
      title: pick(titles),
      // A common name well above the count cap, a rarer one well below it.
      personName: i % 2 === 0 ? names[0]! : i % 50 === 1 ? names[1]! : pick(names.slice(2)),
      region: pick(regions),
      priority: pick(priorities),
      summary: '',
      violations: violationTypes.filter(() => next() < 0.2),
      eventDate,
      eventEndDate: eventDate && next() < 0.2 ? '2025-12' : null,
      risks: Object.fromEntries(riskFlags.map((flag) => [flag, next() < 0.15])),
      tags: [...(next() < 0.85 ? ['common'] : []), ...(next() < 0.02 ? ['rare'] : []), ...(next() < 0.3 ? [pick(tags.slice(2))] : [])],
      assigneeId: next() < 0.3 ? pick(staffIds) : null,
    };
    return { case: input, status: pick(caseStatuses) };
  });
  const ids = v.orm.transaction((tx) => importCases(tx, rows, 'imported', at(1)));
  // Later edits, each at its own time, so updated_at both ties (the import) and differs.
  ids.forEach((id, i) => {
    if (i % 7 === 0) v.orm.transaction((tx) => assignCases(tx, [id], next() < 0.8 ? pick(staffIds) : null, at(10 + i)));
    if (i % 11 === 0) v.orm.transaction((tx) => setPriority(tx, [id], pick(priorities), at(10 + (i % 13))));
    if (i % 13 === 0) v.orm.transaction((tx) => setStatus(tx, [id], pick(caseStatuses), 'moved', at(20)));
    if (i % 17 === 0) v.orm.transaction((tx) => updateCase(tx, id, { violations: violationTypes.filter(() => next() < 0.3), eventDate: pick(dates), eventEndDate: null }, undefined, at(30 + i)));
  });
}

function loadModel(v: OpenVault): Model[] {
  const rows = v.sqlite
    .prepare(
      `SELECT c.id, c.reference, c.title, c.person_name AS personName, c.region, c.priority_rank AS priorityRank, c.status_rank AS statusRank,
              c.assignee_id AS assigneeId, coalesce(s.name, '') AS assigneeName, c.event_from AS eventFrom, c.event_to AS eventTo,
              c.risk_health, c.risk_minor, c.risk_incommunicado, c.risk_torture, c.created_at AS createdAt, c.updated_at AS updatedAt,
              (SELECT group_concat(violation) FROM case_violations WHERE case_id = c.id) AS violations,
              (SELECT group_concat(tag) FROM case_tags WHERE case_id = c.id) AS tags
       FROM cases c LEFT JOIN staff s ON s.id = c.assignee_id`,
    )
    .all() as (Omit<Model, 'risks' | 'violations' | 'tags'> & Record<string, unknown>)[];
  return rows.map((r) => ({
    ...r,
    risks: riskFlags.filter((flag) => r[`risk_${flag}`] === 1),
    violations: r.violations ? (String(r.violations).split(',') as ViolationType[]) : [],
    tags: r.tags ? String(r.tags).split(',') : [],
  }));
}

const searchHits = new Map<string, Set<string>>();
function matchesSearch(text: string): Set<string> {
  if (!searchHits.has(text)) {
    const expression = matchExpression(text);
    const ids = expression
      ? (vault.sqlite
          .prepare("SELECT row_id AS id FROM search_docs WHERE entity = 'case' AND docid IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)")
          .all(expression) as { id: string }[])
      : null;
    searchHits.set(text, new Set(ids ? ids.map((r) => r.id) : model.map((m) => m.id)));
  }
  return searchHits.get(text)!;
}

function matches(m: Model, filter: CaseFilter): boolean {
  if (filter.status?.length && !filter.status.some((s) => caseStatuses.indexOf(s) === m.statusRank)) return false;
  if (filter.priority?.length && !filter.priority.some((p) => priorities.indexOf(p) === m.priorityRank)) return false;
  if (filter.region?.length && !filter.region.includes(m.region as never)) return false;
  if (filter.violation?.length && !filter.violation.some((v) => m.violations.includes(v))) return false;
  if (filter.assignee === 'none' && m.assigneeId !== null) return false;
  if (filter.assignee && filter.assignee !== 'none' && m.assigneeId !== (filter.assignee === 'me' ? me : filter.assignee)) return false;
  if (filter.tag && !m.tags.includes(filter.tag)) return false;
  if (filter.risk?.some((flag) => !m.risks.includes(flag))) return false;
  if (filter.from && !(m.eventTo !== null && m.eventTo >= partialDateBounds(filter.from).from)) return false;
  if (filter.to && !(m.eventFrom !== null && m.eventFrom <= partialDateBounds(filter.to).to)) return false;
  if (filter.search && !matchesSearch(filter.search).has(m.id)) return false;
  return true;
}

/** SQLite's BINARY (UTF-8 bytes) and NOCASE (BINARY with ASCII letters folded) orders. */
const binary = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
const nocase = (a: string, b: string) => binary(a.replace(/[A-Z]/g, (c) => c.toLowerCase()), b.replace(/[A-Z]/g, (c) => c.toLowerCase()));
const keyCompare: Record<(typeof caseSortFields)[number], (a: Model, b: Model) => number> = {
  reference: (a, b) => binary(a.reference, b.reference),
  title: (a, b) => nocase(a.title, b.title),
  personName: (a, b) => nocase(a.personName, b.personName),
  region: (a, b) => binary(a.region, b.region),
  priority: (a, b) => a.priorityRank - b.priorityRank,
  status: (a, b) => a.statusRank - b.statusRank,
  assignee: (a, b) => nocase(a.assigneeName, b.assigneeName),
  eventDate: (a, b) => binary(a.eventFrom ?? '', b.eventFrom ?? ''),
  createdAt: (a, b) => binary(a.createdAt, b.createdAt),
  updatedAt: (a, b) => binary(a.updatedAt, b.updatedAt),
};

function naive(filter: CaseFilter, sort: CaseSort[]): string[] {
  const last = sort.at(-1)?.direction ?? 'desc';
  const terms = [...sort, { field: 'updatedAt', direction: last } as const];
  const compare = (a: Model, b: Model) => {
    for (const { field, direction } of terms) {
      const c = keyCompare[field](a, b);
      if (c !== 0) return direction === 'asc' ? c : -c;
    }
    const c = binary(a.id, b.id);
    return last === 'asc' ? c : -c;
  };
  return model.filter((m) => matches(m, filter)).sort(compare).map((m) => m.id);
}

let model: Model[];

beforeAll(async () => {
  vault = await createVault(tempDir(), { office: 'Test', user: 'Admin', passphrase: PASSPHRASE }, { kdfTargetMs: 0 });
  fill(vault);
  model = loadModel(vault);
}, 120_000);

afterAll(() => {
  vault.close();
  removeTempDirs();
});

const sub = <T>(items: readonly T[]) => fc.subarray([...items], { minLength: 1, maxLength: 3 });
/** Each filter present now and then, so that most queries match hundreds of cases, some none. */
const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const filterArb: fc.Arbitrary<CaseFilter> = fc
  .record({
    status: sometimes(sub(caseStatuses)),
    priority: sometimes(sub(priorities)),
    region: sometimes(sub(regions)),
    violation: sometimes(sub(violationTypes)),
    assignee: sometimes(fc.constantFrom('none', 'me', 0, 1, 2)),
    tag: sometimes(fc.constantFrom(...tags, 'missing')),
    risk: sometimes(fc.subarray([...riskFlags], { minLength: 1, maxLength: 2 })),
    from: sometimes(fc.constantFrom('2020', '2021-07', '2023-01-01', '2024')),
    to: sometimes(fc.constantFrom('2020-12', '2022', '2025-06-30')),
    search: sometimes(fc.constantFrom(...searches)),
  })
  .map(({ assignee, ...rest }) => {
    const filter: CaseFilter = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
    // Staff ids are only known once the vault exists.
    if (assignee !== undefined) filter.assignee = typeof assignee === 'number' ? staffIds[assignee]! : assignee;
    return filter;
  });
const sortArb: fc.Arbitrary<CaseSort[]> = fc.array(
  fc.record({ field: fc.constantFrom(...caseSortFields), direction: fc.constantFrom('asc' as const, 'desc' as const) }),
  { maxLength: 3 },
);

const childFiltered = (filter: CaseFilter) => Boolean(filter.tag || (filter.search && matchExpression(filter.search)));

function expectTotal(page: { total: number; totalCapped?: true }, filter: CaseFilter, expected: number) {
  if (childFiltered(filter) && expected > COUNT_CAP) expect(page).toMatchObject({ total: COUNT_CAP, totalCapped: true });
  else {
    expect(page.total).toBe(expected);
    expect(page.totalCapped).toBeUndefined();
  }
}

describe('the triage list against a naive model', () => {
  it('has data for every plan: child filters below and above the count cap', () => {
    expect(naive({ tag: 'common' }, []).length).toBeGreaterThan(COUNT_CAP);
    expect(naive({ tag: 'rare' }, []).length).toBeLessThan(COUNT_CAP);
    expect(naive({ search: 'Bialiatski' }, []).length).toBeGreaterThan(COUNT_CAP);
    expect(naive({ search: 'Rabkova' }, []).length).toBeGreaterThan(10);
    expect(new Set(model.map((m) => m.updatedAt)).size).toBeGreaterThan(100);
    const imported = model.map((m) => m.createdAt)[0]!;
    expect(model.filter((m) => m.updatedAt === imported).length).toBeGreaterThan(100);
  });

  it('pages by offset exactly as the model orders, with exact counts', () => {
    let full = 0;
    fc.assert(
      fc.property(filterArb, sortArb, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 120 }), (filter, sort, limit, offset) => {
        const expected = naive(filter, sort);
        if (expected.length >= offset + limit) full += 1;
        const page = listCases(vault.orm, { filter, sort, offset, limit }, me);
        expect(page.rows.map((r) => r.id)).toEqual(expected.slice(offset, offset + limit));
        expectTotal(page, filter, expected.length);
        expect(page.nextCursor !== undefined).toBe(offset + limit < expected.length);
      }),
      { numRuns: 250 },
    );
    // The property says little about queries that match nothing: most runs must fill their page.
    expect(full).toBeGreaterThan(125);
  });

  it('walks every page by cursor: the same rows as the model, each once, and a cursor combines with an offset', () => {
    fc.assert(
      fc.property(filterArb, sortArb, fc.integer({ min: 100, max: 500 }), fc.integer({ min: 0, max: 30 }), (filter, sort, limit, skip) => {
        const expected = naive(filter, sort);
        const seen: string[] = [];
        let after: string | undefined;
        do {
          const page = listCases(vault.orm, { filter, sort, offset: 0, limit, after }, me);
          expectTotal(page, filter, expected.length);
          seen.push(...page.rows.map((r) => r.id));
          // A cursor that does not move on would page forever.
          expect(seen.length).toBeLessThanOrEqual(expected.length);
          after = page.nextCursor;
        } while (after);
        expect(seen).toEqual(expected);
        const first = listCases(vault.orm, { filter, sort, offset: 0, limit }, me);
        if (first.nextCursor) {
          const skipped = listCases(vault.orm, { filter, sort, offset: skip, limit: 10, after: first.nextCursor }, me);
          expect(skipped.rows.map((r) => r.id)).toEqual(expected.slice(limit + skip, limit + skip + 10));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the violation bits and the assignee name on every case in step with their own tables', () => {
    const stored = vault.sqlite.prepare('SELECT id, violation_mask AS mask, assignee_name AS name FROM cases').all() as { id: string; mask: number; name: string }[];
    const byId = new Map(model.map((m) => [m.id, m]));
    for (const row of stored) {
      const m = byId.get(row.id)!;
      expect(row.mask, row.id).toBe(violationMask(m.violations));
      expect(row.name, row.id).toBe(m.assigneeName);
    }
  });

  it('follows a renamed staff account in the assignee order', () => {
    const anna = staffIds[1]!;
    vault.sqlite.prepare("UPDATE staff SET name = 'Яна' WHERE id = ?").run(anna);
    model = loadModel(vault);
    const sort: CaseSort[] = [{ field: 'assignee', direction: 'desc' }];
    const page = listCases(vault.orm, { filter: {}, sort, offset: 0, limit: 50 }, me);
    expect(page.rows.map((r) => r.id)).toEqual(naive({}, sort).slice(0, 50));
    expect(page.rows[0]!.assignee).toEqual({ id: anna, name: 'Яна' });
    expect(getCaseRecord(vault.orm, page.rows[0]!.id).assignee?.name).toBe('Яна');
  });
});

describe('cursors', () => {
  const sort: CaseSort[] = [{ field: 'title', direction: 'asc' }];

  it('refuses a cursor that is not one, or that belongs to another order, and says why', () => {
    const { nextCursor } = listCases(vault.orm, { filter: {}, sort, offset: 0, limit: 5 }, me);
    expect(nextCursor).toBeDefined();
    const refused = (query: { sort: CaseSort[]; after: string }, message: RegExp) => {
      let error: unknown;
      try {
        listCases(vault.orm, { filter: {}, offset: 0, limit: 5, ...query }, me);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(message) });
    };
    for (const garbage of ['x', 'bm90IGpzb24', Buffer.from('{"o":1}').toString('base64url'), Buffer.from('[]').toString('base64url')]) {
      refused({ sort, after: garbage }, /^after: is not a cursor returned by cases\.list$/);
    }
    refused({ sort: [{ field: 'title', direction: 'desc' }], after: nextCursor! }, /^after: belongs to another sort order/);
    refused({ sort: [], after: nextCursor! }, /^after: belongs to another sort order/);
    // Even when nothing matches, a bad cursor is refused rather than ignored.
    expect(() => listCases(vault.orm, { filter: { tag: 'missing' }, sort, offset: 0, limit: 5, after: 'x' }, me)).toThrow(/after: is not a cursor/);
  });

  it('a page read by cursor stays put when earlier rows change, where an offset would shift', () => {
    const first = listCases(vault.orm, { filter: {}, sort, offset: 0, limit: 20 }, me);
    const second = listCases(vault.orm, { filter: {}, sort, offset: 0, limit: 20, after: first.nextCursor }, me);
    // A case from the first page leaves the top of the order.
    vault.orm.transaction((tx) => updateCase(tx, first.rows[0]!.id, { title: 'zzz moved to the end' }, undefined, { id: vault.user.id, at: new Date().toISOString() }));
    const again = listCases(vault.orm, { filter: {}, sort, offset: 0, limit: 20, after: first.nextCursor }, me);
    expect(again.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    const byOffset = listCases(vault.orm, { filter: {}, sort, offset: 20, limit: 20 }, me);
    expect(byOffset.rows[0]!.id).toBe(second.rows[1]!.id);
  });
});
