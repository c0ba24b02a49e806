/**
 * Migrations 0009 (ordering indexes that carry the filter columns) and 0010 (backfill of the assignee name
 * and violation bits): a vault written before them keeps its data, and filters and sorts on it work after.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../db/connection';
import { listCases } from '../../db/repositories/cases';
import { unlockVault } from '../../db/vault';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';
import { OLD_ADMIN as ADMIN, OLD_AT as AT, vaultBeforeMigration } from '../fixtures/vault-before-migration';

afterEach(removeTempDirs);

const IHAR = '01900000-0000-7000-8000-000000000002';

/** Cases as the release before the triage indexes wrote them: no assignee name, no violation bits. */
function seedCases(db: Sqlite): void {
  db.prepare("INSERT INTO staff (id, name, role, slot_id, created_at) VALUES (?, 'Ihar', 'admin', 'other-slot', ?)").run(IHAR, AT);
  const insert = db.prepare(
    `INSERT INTO cases (id, reference, title, person_name, region, priority, priority_rank, status, status_rank, summary, assignee_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'minsk', 'normal', 2, 'new', 0, '', ?, ?, ?)`,
  );
  const violation = db.prepare('INSERT INTO case_violations (case_id, violation) VALUES (?, ?)');
  const cases = [
    { n: 1, assignee: IHAR, violations: ['torture', 'detention'] },
    { n: 2, assignee: null, violations: ['other'] },
    { n: 3, assignee: ADMIN, violations: [] },
    { n: 4, assignee: null, violations: ['fine', 'property-seizure', 'search'] },
  ];
  for (const c of cases) {
    const id = `01900000-0000-7000-8000-0000000000a${c.n}`;
    insert.run(id, `2026-0000${c.n}`, `Case ${c.n}`, `Person ${c.n}`, c.assignee, AT, `2026-11-0${c.n}T10:00:00.000Z`);
    for (const v of c.violations) violation.run(id, v);
  }
}

describe('upgrading to the triage indexes', () => {
  it('backfills assignee names and violation bits, so filters and the assignee order work on old cases', async () => {
    const dir = tempDir();
    expect(await vaultBeforeMigration(dir, '_triage_order_indexes', seedCases)).toBe('0008_aid_covering_totals');
    const vault = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
    const stored = vault.sqlite.prepare('SELECT reference, assignee_name AS name, violation_mask AS mask FROM cases ORDER BY reference').all();
    expect(stored).toEqual([
      { reference: '2026-00001', name: 'Ihar', mask: (1 << 4) | (1 << 0) },
      { reference: '2026-00002', name: '', mask: 1 << 10 },
      { reference: '2026-00003', name: 'Admin', mask: 0 },
      { reference: '2026-00004', name: '', mask: (1 << 5) | (1 << 9) | (1 << 3) },
    ]);
    const titles = (filter: object, sort: object[] = []) =>
      listCases(vault.orm, { filter, sort: sort as never, offset: 0, limit: 10 }, ADMIN).rows.map((r) => r.title);
    expect(titles({ violation: ['torture'] })).toEqual(['Case 1']);
    expect(titles({ violation: ['search', 'other'] })).toEqual(['Case 4', 'Case 2']);
    expect(titles({}, [{ field: 'assignee', direction: 'asc' }])).toEqual(['Case 2', 'Case 4', 'Case 3', 'Case 1']);
    expect(titles({ assignee: 'me' })).toEqual(['Case 3']);
    const indexes = vault.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND name LIKE 'cases_%'").all();
    expect(indexes.map((i) => (i as { name: string }).name).sort()).toEqual(
      [
        'cases_assignee_order', 'cases_created_order', 'cases_event_order', 'cases_filters', 'cases_person_name_order', 'cases_priority_order',
        'cases_reference', 'cases_reference_order', 'cases_region_order', 'cases_status_order', 'cases_title_order', 'cases_updated_order',
      ].sort(),
    );
    vault.close();
  });
});
