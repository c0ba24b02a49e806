import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readKeyFile, unwrapDatabaseKey, writeKeyFile } from '../../db/keyfile';
import { vaultPaths } from '../../db/paths';
import { unlockVault } from '../../db/vault';
import { wipeVault } from '../../db/wipe';
import { AppError } from '../../shared/errors';
import { call, newBackend } from '../fixtures/backend';
import { canary, filesContaining, PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

async function vaultWithCases(dir: string) {
  const { backend } = newBackend(dir);
  await call(backend, 'vault.create', { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE });
  await call(backend, 'cases.create', { title: `Detention ${canary()}`, personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent' });
  return backend;
}

describe('wipe (SECURITY.md #15)', () => {
  it('destroys the slots, then the files: no passphrase opens the vault afterwards', async () => {
    const dir = tempDir();
    const backend = await vaultWithCases(dir);
    await call(backend, 'vault.lock', {});
    const slotBefore = join(tempDir(), 'keys-before');
    copyFileSync(vaultPaths(dir).keys, slotBefore);

    const report = wipeVault(dir);
    expect(report.slotsDestroyed).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
    await expect(unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 })).rejects.toMatchObject({ code: 'NO_VAULT' });
    // A copy of the key file taken before still unwraps the old key, but there is no database left to open.
    expect(await unwrapDatabaseKey(readKeyFile(slotBefore), PASSPHRASE)).not.toBeNull();
    writeKeyFile(vaultPaths(dir).keys, readKeyFile(slotBefore));
    await expect(unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 })).rejects.toMatchObject({ code: 'VAULT_DAMAGED' });
  });

  it('overwrites the key slots in place first, so a key file caught mid-wipe opens nothing', async () => {
    const dir = tempDir();
    await vaultWithCases(dir);
    const keys = vaultPaths(dir).keys;
    const original = readKeyFile(keys);
    // Simulate the wipe stopping right after its first step.
    const scrambled = { ...original, slots: original.slots.map((s) => ({ ...s, wrappedKey: Buffer.alloc(48, 7).toString('base64') })) };
    writeKeyFile(keys, scrambled);
    await expect(unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
  });

  it('an admin can wipe from the app (other roles are refused with the other writes); a wrong confirmation changes nothing', async () => {
    const dir = tempDir();
    const backend = await vaultWithCases(dir);
    expect(await backend.invoke('vault.wipe', { confirm: 'wipe' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'confirm: must be the word WIPE' } });
    expect(existsSync(vaultPaths(dir).db)).toBe(true);
    expect(await call(backend, 'vault.wipe', { confirm: 'WIPE' })).toMatchObject({ slotsDestroyed: 1 });
    expect(await call(backend, 'vault.state', {})).toEqual({ state: 'none' });
    expect(filesContaining(dir, 'Detention')).toEqual([]);
  });

  it('refuses a directory that holds no vault', () => {
    expect(() => wipeVault(tempDir())).toThrow(AppError);
  });
});
