/**
 * Crash safety of an import: a child process importing a large bundle is killed (SIGKILL) while it writes.
 * The vault then opens with everything from before, or everything from after — never a part.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vaultPaths } from '../../db/paths';
import { verifyAudit } from '../../db/audit';
import type { NewCase } from '../../shared/domain/cases';
import { regions } from '../../shared/domain/cases';
import { call } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';
import { exportFor, makePartners, syncOffice, withVault } from '../fixtures/sync';

afterAll(removeTempDirs);

const CASES = 1200;

function importInChild(dataDir: string, file: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', '--data', dataDir, 'sync', 'import', file], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CASEBOARD_PASSPHRASE: PASSPHRASE, CASEBOARD_KDF_TARGET_MS: '0' },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited };
}

async function state(dir: string) {
  return withVault(dir, (vault) => {
    const n = (sql: string) => (vault.sqlite.prepare(sql).get() as { n: number }).n;
    return {
      cases: n('SELECT count(*) AS n FROM cases'),
      persons: n('SELECT count(*) AS n FROM persons'),
      ops: n('SELECT count(*) AS n FROM sync_ops'),
      bundles: n("SELECT count(*) AS n FROM sync_bundles WHERE direction = 'in'"),
      audit: verifyAudit(vault.orm).ok,
    };
  });
}

describe('an import killed mid-write', () => {
  it('leaves the vault fully before or fully after', async () => {
    const a = await syncOffice('Viasna');
    const b = await syncOffice('Zhodzina');
    await makePartners(a, b);
    const cases: NewCase[] = Array.from({ length: CASES }, (_, i) => ({
      title: `Detention ${i}`,
      personName: `Person ${i} Прозвішча`,
      region: regions[i % regions.length]!,
      priority: 'normal',
      summary: `Case ${i} `.repeat(20),
      consentShare: true,
      tags: [`batch-${i % 10}`],
    }));
    await call(a.backend, 'cases.createMany', { cases });
    const file = join(tempDir(), 'big.age');
    writeFileSync(file, await exportFor(a, b));
    b.backend.lockNow('user');
    const pristine = join(tempDir(), 'pristine');
    cpSync(b.dir, pristine, { recursive: true });
    const before = await state(b.dir);

    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const dir = join(tempDir(), `attempt-${attempt}`);
      cpSync(pristine, dir, { recursive: true });
      const wal = vaultPaths(dir).wal;
      const start = existsSync(wal) ? statSync(wal).size : 0;
      const { child, exited } = importInChild(dir, file);
      // Wait until the import is writing its transaction (the WAL holds more than opening the vault writes),
      // then a little longer each attempt, and kill it.
      let killed = false;
      const watcher = (async () => {
        while (child.exitCode === null) {
          if (existsSync(wal) && statSync(wal).size > start + 512 * 1024) {
            await new Promise((r) => setTimeout(r, attempt * 100));
            killed = child.kill('SIGKILL');
            return;
          }
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      const code = await exited;
      await watcher;
      const after = await state(dir);
      expect(after.audit).toBe(true);
      if (after.bundles === 0) {
        expect(after).toEqual(before);
        outcomes.push(killed ? 'killed, before' : `exit ${code}, before`);
      } else {
        expect(after).toMatchObject({ cases: before.cases + CASES, persons: before.persons + CASES, bundles: 1 });
        outcomes.push(killed ? 'killed, after' : `exit ${code}, after`);
      }
    }
    // At least one kill landed while the import was writing.
    expect(outcomes).toContain('killed, before');
    const complete = join(tempDir(), 'complete');
    cpSync(pristine, complete, { recursive: true });
    expect(await importInChild(complete, file).exited).toBe(0);
    expect(await state(complete)).toMatchObject({ cases: before.cases + CASES, bundles: 1, audit: true });
  }, 600_000);
});
