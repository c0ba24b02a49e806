/**
 * Crash safety: the real CLI is killed with SIGKILL in the middle of a large write, a spreadsheet import,
 * a backup and a restore. Afterwards the vault opens with the state from before or after — never a part —
 * and a restore target is either a complete vault or plainly an interrupted restore.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../db/backup';
import { verifyAudit } from '../../db/audit';
import { inspectDataDir, unlockVault } from '../../db/vault';
import { vaultPaths } from '../../db/paths';
import { cli } from '../fixtures/cli';
import { call, newBackend } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

const BACKUP_PASSPHRASE = 'offsite backup passphrase 7';
const BATCH = 4000;

const aCase = (i: number) => ({ title: `Detention ${i} after the vigil`, personName: `Алесь Бяляцкі ${i}`, region: 'grodno', priority: 'normal', summary: 'x'.repeat(400) });

/**
 * Starts the CLI and kills it (SIGKILL) as soon as `midway()` sees the operation under way. Resolves to
 * whether the kill landed before the process finished on its own.
 */
function killMidway(dataDir: string, args: string[], midway: () => boolean, stdin = ''): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', '--data', dataDir, ...args], {
      env: {
        CASEBOARD_STATE: join(dirname(dataDir), 'state'),
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        CASEBOARD_PASSPHRASE: PASSPHRASE,
        CASEBOARD_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE,
        CASEBOARD_KDF_TARGET_MS: '0',
      },
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    child.stdin.end(stdin);
    let killed = false;
    const poll = setInterval(() => {
      if (!killed && midway()) {
        killed = child.kill('SIGKILL');
      }
    }, 2);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      resolve(signal === 'SIGKILL');
    });
  });
}

const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);

async function caseCount(dir: string): Promise<number> {
  const vault = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
  try {
    const row = vault.sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number };
    expect(vault.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    return row.n;
  } finally {
    vault.close();
  }
}

/** A vault with `count` cases, set up in-process (only the operation under test runs in the killed CLI). */
async function initialised(count = 2): Promise<string> {
  const dir = join(tempDir(), 'vault');
  const { backend } = newBackend(dir);
  await call(backend, 'vault.create', { office: 'Viasna', user: 'Hanna', passphrase: PASSPHRASE });
  await call(backend, 'cases.createMany', { cases: Array.from({ length: count }, (_, i) => aCase(i)) as never });
  backend.lockNow('user');
  return dir;
}

describe('SIGKILL in the middle of an operation', () => {
  it(`a large write (${BATCH} cases in one transaction): before or after, never a part`, async () => {
    const dir = await initialised();
    const wal = vaultPaths(dir).wal;
    const cases = JSON.stringify(Array.from({ length: BATCH }, (_, i) => aCase(i + 2)));
    // The WAL passing 1 MiB means the transaction is writing pages and has not committed.
    const killed = await killMidway(dir, ['cases', 'add'], () => sizeOf(wal) > 1024 * 1024, cases);
    expect(killed).toBe(true);
    expect([2, BATCH + 2]).toContain(await caseCount(dir));
    const vault = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
    expect(verifyAudit(vault.orm)).toMatchObject({ ok: true });
    vault.close();
  });

  it('a spreadsheet import: before or after, never a part', async () => {
    const dir = await initialised();
    const file = join(dirname(dir), 'register.csv');
    const rows = Array.from({ length: BATCH }, (_, i) => `Detention ${i};Ігар Лосік ${i};brest;low;${'y'.repeat(300)}`);
    writeFileSync(file, `Title;Person;Region;Priority;Summary\n${rows.join('\n')}\n`);
    const wal = vaultPaths(dir).wal;
    const killed = await killMidway(dir, ['cases', 'import', file, '--map', JSON.stringify({ title: 'Title', personName: 'Person', region: 'Region', priority: 'Priority', summary: 'Summary' })], () => sizeOf(wal) > 1024 * 1024);
    expect(killed).toBe(true);
    expect([2, BATCH + 2]).toContain(await caseCount(dir));
  });

  it('a backup: the named file is complete or absent; the vault is untouched', async () => {
    const dir = await initialised(BATCH + 2);
    const outDir = tempDir('caseboard-backups-');
    const out = join(outDir, 'office.age');
    const killed = await killMidway(dir, ['backup', '--out', out], () => readdirSync(outDir).some((name) => name.includes('.partial-')));
    expect(killed).toBe(true);
    // A half-written backup only ever exists under its temporary, plainly partial name.
    for (const name of readdirSync(outDir)) expect(name === 'office.age' || /^\.office\.age\.partial-[0-9a-f]{12}$/.test(name)).toBe(true);
    if (existsSync(out)) {
      const restored = await restoreBackup(readFileSync(out), { passphrase: BACKUP_PASSPHRASE }, join(tempDir(), 'r'), PASSPHRASE, { kdfTargetMs: 0 });
      expect(restored.office).toBe('Viasna');
    }
    expect(await caseCount(dir)).toBe(BATCH + 2);
  });

  it('a restore: the target is a complete vault, or absent, or plainly an interrupted restore', async () => {
    const dir = await initialised(BATCH + 2);
    const backup = join(dirname(dir), 'office.age');
    expect(cli(dir, ['backup', '--out', backup], { env: { CASEBOARD_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE } }).code).toBe(0);
    for (let attempt = 0; attempt < 2; attempt++) {
      const target = join(tempDir(), 'restored');
      const killed = await killMidway(target, ['restore', backup], () => existsSync(vaultPaths(target).restoring));
      if (!killed) {
        expect(await caseCount(target)).toBe(BATCH + 2);
        continue;
      }
      if (!existsSync(target) || readdirSync(target).length === 0) continue;
      let state: string;
      try {
        state = inspectDataDir(target);
      } catch (error) {
        state = (error as Error).message;
      }
      if (state === 'vault') expect(await caseCount(target)).toBe(BATCH + 2);
      else expect(state).toMatch(/holds an interrupted restore: delete the directory and restore again/);
      // And the CLI refuses to treat it as anything but what it is.
      if (state !== 'vault') expect(cli(target, ['status']).stderr).toMatch(/^VAULT_DAMAGED: .*interrupted restore/);
    }
  });
});
