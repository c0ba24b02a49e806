import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { vaultPaths } from '../../db/paths';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { estimatePassphrase, MIN_GUESSES_LOG10 } from '../../shared/passphrase/strength';
import { call, newBackend, testPlatform } from '../fixtures/backend';
import { createBackend } from '../../backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

describe('passphrase strength estimate', () => {
  it('rates dictionary passwords, keyboard walks and repeats weak, several unrelated words strong', () => {
    for (const weak of ['password1234', 'qwertyuiopasdf', 'aaaaaaaaaaaaaaaa', '1234567890123', 'Viasna2026Viasna']) {
      const strength = estimatePassphrase(weak, ['Viasna']);
      expect(strength.acceptable, weak).toBe(false);
      expect(strength.guessesLog10).toBeLessThan(MIN_GUESSES_LOG10);
    }
    expect(estimatePassphrase('password1234').warning).toBe('similarToCommon');
    expect(estimatePassphrase('aaaaaaaaaaaaaaaa').warning).toBe('simpleRepeat');
    for (const strong of [PASSPHRASE, 'Жыве Беларусь 2026 — вольная', 'offsite backup passphrase 7', 'kx7q-m2dr-9pwt-h4zc']) {
      expect(estimatePassphrase(strong).acceptable, strong).toBe(true);
    }
  });

  it("counts the office's and the person's names as known words", () => {
    const alone = estimatePassphrase('Hrodna Viasna Nasta 2026');
    const known = estimatePassphrase('Hrodna Viasna Nasta 2026', ['Viasna Hrodna', 'Nasta']);
    expect(known.guessesLog10).toBeLessThan(alone.guessesLog10 - 3);
    expect(estimatePassphrase('Viasna Hrodna Nasta', ['Viasna Hrodna', 'Nasta']).acceptable).toBe(false);
  });
});

describe('the backend refuses a weak new passphrase everywhere one is chosen', () => {
  it('vault.create: WEAK_PASSPHRASE naming the reason, and no vault is written', async () => {
    const dir = join(tempDir(), 'vault');
    const { backend } = newBackend(dir);
    const result = await backend.invoke('vault.create', { office: 'Viasna', user: 'Nasta', passphrase: 'password1234' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSPHRASE', message: expect.stringMatching(/^passphrase is too easy to guess \(about 10\^4 guesses; at least 10\^12 are needed\): This is similar to a commonly used password\./) },
    });
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    // The office's own name does not make a passphrase.
    expect(await backend.invoke('vault.create', { office: 'Viasna Hrodna', user: 'Nasta', passphrase: 'Viasna Hrodna Nasta' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSPHRASE' } });
    expect(await backend.invoke('vault.create', { office: 'Viasna', user: 'Nasta', passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('passphrase change, one-time passphrases and backup passphrases: refused, nothing changed', async () => {
    const dir = tempDir();
    const { platform } = testPlatform(dir);
    platform.saveFile = async () => join(tempDir(), 'never-written.age');
    const backend = createBackend(platform);
    await call(backend, 'vault.create', { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE });
    const keysBefore = readFileSync(vaultPaths(dir).keys);

    expect(await backend.invoke('vault.changePassphrase', { current: PASSPHRASE, next: 'qwertyuiopasdf' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSPHRASE', message: expect.stringMatching(/^next is too easy to guess/) } });
    expect(await backend.invoke('staff.add', { name: 'Ihar', role: 'caseworker', oneTimePassphrase: 'Ihar Ihar Ihar' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSPHRASE', message: expect.stringMatching(/^oneTimePassphrase is too easy/) } });
    expect(await backend.invoke('vault.backup', { passphrase: '123456789012' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSPHRASE' } });
    expect(await call(backend, 'staff.list', {})).toHaveLength(1);
    expect(await call(backend, 'audit.verify', {})).toEqual({ ok: true, entries: 1 });
    expect(readFileSync(vaultPaths(dir).keys)).toEqual(keysBefore);
    expect(await backend.invoke('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  });
});
