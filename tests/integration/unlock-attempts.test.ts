import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../backend';
import { ATTEMPTS_FILE, delayAfter } from '../../backend/unlock-attempts';
import { call, testPlatform } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, snapshotDir, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

const WRONG = 'not the passphrase of this vault';

async function office() {
  const dataDir = join(tempDir(), 'vault');
  const stateDir = join(tempDir(), 'state');
  const made = testPlatform(dataDir, Date.parse('2026-11-24T09:00:00Z'), stateDir);
  const backend = createBackend(made.platform);
  await call(backend, 'vault.create', { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE });
  await call(backend, 'vault.lock', {});
  return { dataDir, stateDir, backend, advance: made.advance, platform: made.platform };
}

describe('rate-limited unlock attempts', () => {
  it('waits grow after the first few wrong passphrases, doubling up to an hour', () => {
    expect([0, 1, 2].map(delayAfter)).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map(delayAfter)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(delayAfter(30)).toBe(3_600_000);
  });

  it('refuses tries during the wait, even the right passphrase, and the vault directory never changes', async () => {
    const { dataDir, backend, advance } = await office();
    const before = snapshotDir(dataDir);
    for (let i = 0; i < 3; i++) {
      expect(await backend.invoke('vault.unlock', { passphrase: WRONG })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    }
    expect(await call(backend, 'vault.attempts', {})).toEqual({ failures: 3, retryAt: '2026-11-24T09:00:05.000Z', waitSeconds: 5 });
    expect(await backend.invoke('vault.unlock', { passphrase: PASSPHRASE })).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'Too many wrong passphrases: wait 5 s before the next try.' },
    });
    expect(snapshotDir(dataDir)).toEqual(before);
    advance(5_000);
    expect(await backend.invoke('vault.unlock', { passphrase: WRONG })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    advance(9_000);
    expect(await backend.invoke('vault.unlock', { passphrase: WRONG })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/wait 1 s/) } });
    advance(1_000);
    await call(backend, 'vault.unlock', { passphrase: PASSPHRASE });
    expect(await call(backend, 'vault.attempts', {})).toEqual({ failures: 0, retryAt: null, waitSeconds: 0 });
  });

  it('survives a restart: a new backend on the same computer remembers the count', async () => {
    const { dataDir, stateDir, backend, platform } = await office();
    for (let i = 0; i < 3; i++) await backend.invoke('vault.unlock', { passphrase: WRONG });
    const restarted = createBackend({ ...platform });
    expect(await restarted.invoke('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // The state names no path and no person: a hashed vault id and counts.
    const state = readFileSync(join(stateDir, ATTEMPTS_FILE), 'utf8');
    expect(state).not.toContain(dataDir);
    const parsed = JSON.parse(state) as { version: number; vaults: Record<string, unknown> };
    expect(parsed.version).toBe(1);
    expect(Object.keys(parsed.vaults)).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/)]);
    expect(Object.values(parsed.vaults)).toEqual([{ failures: 3, lastFailureAt: '2026-11-24T09:00:00.000Z' }]);
  });

  it('counts an attempt before trying it, so a try cut short still counts', async () => {
    const { stateDir, backend } = await office();
    const pending = backend.invoke('vault.unlock', { passphrase: WRONG });
    // The count is on disk before Argon2id has finished.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(JSON.parse(readFileSync(join(stateDir, ATTEMPTS_FILE), 'utf8')).vaults).not.toEqual({});
    await pending;
  });

  it('a damaged state file starts a fresh count; an unwritable state directory refuses the try', async () => {
    const { stateDir, backend, platform } = await office();
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(join(stateDir, ATTEMPTS_FILE), '{ not json');
    expect(await backend.invoke('vault.unlock', { passphrase: WRONG })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await call(backend, 'vault.attempts', {})).toMatchObject({ failures: 1 });

    const blocked = join(tempDir(), 'a-file');
    writeFileSync(blocked, '');
    const readOnly = createBackend({ ...platform, stateDir: join(blocked, 'state') });
    expect(await readOnly.invoke('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/Cannot record the unlock attempt/) } });
    expect(existsSync(join(blocked, 'state'))).toBe(false);
  });
});
