import { afterEach, describe, expect, it } from 'vitest';
import { call, newBackend } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';
import fc from 'fast-check';
import { unlockVault } from '../../db/vault';
import { verifyAudit } from '../../db/audit';

afterEach(removeTempDirs);

const aCase = { title: 'Detention after the vigil', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent' } as const;

async function officeWithHistory() {
  const dir = tempDir();
  const { backend, advance } = newBackend(dir);
  await call(backend, 'vault.create', { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE });
  const created = await call(backend, 'cases.create', aCase);
  advance(1000);
  await call(backend, 'cases.update', { id: created.id, patch: { sentence: '10 years' } });
  await call(backend, 'cases.setStatus', { ids: [created.id], status: 'open' });
  await call(backend, 'cases.addNote', { caseId: created.id, body: 'Lawyer visited' });
  await call(backend, 'staff.add', { name: 'Ihar', role: 'caseworker', oneTimePassphrase: 'one time passphrase 1' });
  await call(backend, 'settings.update', { autoLockMinutes: 5 });
  await call(backend, 'views.save', { name: 'Mine', filter: { assignee: 'me' } });
  return { dir, backend, caseId: created.id };
}

describe('audit chain', () => {
  it('writes one entry per write, naming who, what and which records, and verifies intact', async () => {
    const { backend, caseId } = await officeWithHistory();
    const verdict = await call(backend, 'audit.verify', {});
    expect(verdict).toEqual({ ok: true, entries: 8 });
    const log = await call(backend, 'audit.list', {});
    expect(log.rows.map((r) => r.method).reverse()).toEqual([
      'vault.create',
      'cases.create',
      'cases.update',
      'cases.setStatus',
      'cases.addNote',
      'staff.add',
      'settings.update',
      'views.save',
    ]);
    const forCase = await call(backend, 'audit.list', { entityId: caseId });
    expect(forCase.rows.map((r) => r.method).sort()).toEqual(['cases.addNote', 'cases.create', 'cases.setStatus', 'cases.update']);
    for (const row of log.rows) expect(row.beforeHash).toMatch(/^[0-9a-f]{64}$/);
    // A refused write leaves no entry.
    expect(await backend.invoke('cases.update', { id: caseId, patch: { eventDate: '2021-13' } })).toMatchObject({ ok: false });
    expect(await call(backend, 'audit.verify', {})).toEqual({ ok: true, entries: 8 });
  });

  for (const [tampering, sql, expected] of [
    ['an altered entry', "UPDATE audit_log SET method = 'cases.get' WHERE seq = 3", { brokenAt: 3, reason: /entry 3 was altered/ }],
    ['a deleted entry', 'DELETE FROM audit_log WHERE seq = 4', { brokenAt: 4, reason: /entry 4 is missing/ }],
    ['reordered entries', 'UPDATE audit_log SET seq = 1000 WHERE seq = 5; UPDATE audit_log SET seq = 5 WHERE seq = 6; UPDATE audit_log SET seq = 6 WHERE seq = 1000', { brokenAt: 5, reason: /entry 5/ }],
    ['a replaced first entry', "UPDATE audit_log SET prev_hash = 'x' WHERE seq = 1", { brokenAt: 1, reason: /entry 1 does not follow/ }],
  ] as const) {
    it(`finds ${tampering}`, async () => {
      const { dir, backend } = await officeWithHistory();
      await call(backend, 'vault.lock', {});
      const raw = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
      raw.sqlite.exec(sql);
      raw.close();
      await call(backend, 'vault.unlock', { passphrase: PASSPHRASE });
      const verdict = await call(backend, 'audit.verify', {});
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) {
        expect(verdict.brokenAt).toBe(expected.brokenAt);
        expect(verdict.reason).toMatch(expected.reason);
      }
    });
  }

  it('is for coordinators and admins', async () => {
    const { backend } = await officeWithHistory();
    await call(backend, 'vault.lock', {});
    await call(backend, 'vault.unlock', { passphrase: 'one time passphrase 1' });
    await call(backend, 'vault.changePassphrase', { current: 'one time passphrase 1', next: 'Ihar own passphrase 2026' });
    expect(await backend.invoke('audit.verify', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('audit chain under any single-row tampering (SECURITY.md #16)', () => {
  it('detects an altered column, a deleted row or two swapped rows, wherever they are, naming the first broken entry', async () => {
    const { dir, backend } = await officeWithHistory();
    await call(backend, 'vault.lock', {});
    const raw = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
    const total = (raw.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const columns = ['seq', 'at', 'staff_id', 'method', 'entity', 'ids', 'before_hash', 'after_hash', 'prev_hash', 'hash'] as const;
    try {
      await fc.assert(
        fc.property(
          fc.integer({ min: 1, max: total }),
          fc.oneof(
            fc.record({ kind: fc.constant('alter' as const), column: fc.constantFrom(...columns) }),
            fc.record({ kind: fc.constant('delete' as const) }),
            fc.record({ kind: fc.constant('swap' as const), other: fc.integer({ min: 1, max: total }) }),
          ),
          (seq, mutation) => {
            fc.pre(mutation.kind !== 'swap' || mutation.other !== seq);
            raw.sqlite.exec('BEGIN');
            try {
              if (mutation.kind === 'alter') {
                const value = mutation.column === 'seq' ? 1000 + seq : `tampered-${seq}`;
                raw.sqlite.prepare(`UPDATE audit_log SET ${mutation.column} = ? WHERE seq = ?`).run(value, seq);
              } else if (mutation.kind === 'delete') {
                raw.sqlite.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
              } else {
                // Swap the contents of two rows, keeping their positions.
                const cols = columns.filter((c) => c !== 'seq').join(', ');
                raw.sqlite.exec(`CREATE TEMP TABLE swap AS SELECT seq, ${cols} FROM audit_log WHERE seq IN (${seq}, ${mutation.other})`);
                for (const c of columns.filter((c) => c !== 'seq')) {
                  raw.sqlite.exec(`UPDATE audit_log SET ${c} = (SELECT ${c} FROM swap WHERE swap.seq = (CASE audit_log.seq WHEN ${seq} THEN ${mutation.other} ELSE ${seq} END)) WHERE seq IN (${seq}, ${mutation.other})`);
                }
                raw.sqlite.exec('DROP TABLE swap');
              }
              const verdict = verifyAudit(raw.orm);
              expect(verdict.ok).toBe(false);
              if (!verdict.ok) {
                const first = mutation.kind === 'swap' ? Math.min(seq, mutation.other) : seq;
                expect(verdict.brokenAt).toBe(first);
              }
            } finally {
              raw.sqlite.exec('ROLLBACK');
            }
          },
        ),
        { numRuns: 200 },
      );
      expect(verifyAudit(raw.orm)).toEqual({ ok: true, entries: total });
    } finally {
      raw.close();
    }
  });

  it('detects entries removed from the end of the log', async () => {
    const { dir, backend } = await officeWithHistory();
    await call(backend, 'vault.lock', {});
    const raw = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
    raw.sqlite.exec('DELETE FROM audit_log WHERE seq >= 7');
    expect(verifyAudit(raw.orm)).toEqual({ ok: false, entries: 6, brokenAt: 7, reason: 'entries 7 to 8 are missing from the end of the log' });
    raw.close();
  });
});
