import { copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { duressModeOf } from '../../db/duress';
import { readKeyFile } from '../../db/keyfile';
import { vaultPaths } from '../../db/paths';
import { unlockVault } from '../../db/vault';
import { call, newBackend } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';
import { ownPassphrase, signInAs } from '../fixtures/staff';

afterEach(removeTempDirs);

const DURESS = 'quiet river under the old bridge';

async function office() {
  const dir = join(tempDir(), 'vault');
  const { backend } = newBackend(dir);
  await call(backend, 'vault.create', { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE });
  await signInAs(backend, PASSPHRASE, 'Ihar', 'caseworker');
  await call(backend, 'vault.lock', {});
  await call(backend, 'vault.unlock', { passphrase: PASSPHRASE });
  await call(backend, 'cases.createMany', {
    cases: [
      { title: 'Detention after the vigil', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent' },
      { title: 'Search of the flat', personName: 'Ігар Лосік', region: 'brest', priority: 'low' },
    ],
  });
  return { dir, backend };
}

const filesAndSizes = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, statSync(join(dir, name)).size]));

describe('duress passphrase (ADR 005)', () => {
  it('is one more slot of the same shape: nothing in the key file tells it apart', async () => {
    const { dir, backend } = await office();
    const before = readKeyFile(vaultPaths(dir).keys);
    expect(await call(backend, 'duress.set', { current: PASSPHRASE, passphrase: DURESS, mode: 'wipe' })).toEqual({ mode: 'wipe', decoyName: 'Nasta' });
    const after = readKeyFile(vaultPaths(dir).keys);
    expect(after.slots).toHaveLength(before.slots.length + 1);
    const added = after.slots.find((slot) => !before.slots.some((old) => old.id === slot.id))!;
    const ordinary = before.slots[0]!;
    expect(Object.keys(added)).toEqual(Object.keys(ordinary));
    expect(Object.keys(added.kdf)).toEqual(Object.keys(ordinary.kdf));
    expect(added.id).toMatch(/^[0-9a-f]{32}$/);
    expect([added.nonce.length, added.wrappedKey.length, added.aead]).toEqual([ordinary.nonce.length, ordinary.wrappedKey.length, ordinary.aead]);
    // Without the database key its id is just random bytes.
    for (let i = 0; i < 50; i++) expect(duressModeOf(randomBytes(32), added.id)).toBeNull();
    expect(await call(backend, 'duress.get', {})).toEqual({ mode: 'wipe', decoyName: 'Nasta' });
  });

  it('decoy: destroys the real vault and opens an empty one of the same office; the real passphrases open nothing', async () => {
    const { dir, backend } = await office();
    const realCreatedAt = (await call(backend, 'audit.list', {})).rows.at(-1)!.at;
    await call(backend, 'duress.set', { current: PASSPHRASE, passphrase: DURESS, mode: 'decoy', decoyName: 'Hanna' });
    await call(backend, 'vault.lock', {});
    const oldKeys = join(tempDir(), 'keys-before');
    copyFileSync(vaultPaths(dir).keys, oldKeys);

    const info = await call(backend, 'vault.unlock', { passphrase: DURESS });
    expect(info).toMatchObject({ office: 'Viasna', user: { name: 'Hanna', role: 'admin' }, mustChangePassphrase: false });
    expect(await call(backend, 'status.get', {})).toMatchObject({ office: 'Viasna', cases: 0 });
    expect((await call(backend, 'staff.list', {})).map((s) => s.name)).toEqual(['Hanna']);
    expect(await call(backend, 'duress.get', {})).toEqual({ mode: null, decoyName: null });
    // Its history begins when the real vault's did.
    const log = await call(backend, 'audit.list', {});
    expect(log.rows.map((r) => [r.method, r.at])).toEqual([['vault.create', realCreatedAt]]);
    expect(await call(backend, 'audit.verify', {})).toEqual({ ok: true, entries: 1 });
    expect(readFileSync(vaultPaths(dir).db).includes(Buffer.from('Detention'))).toBe(false);

    await call(backend, 'vault.lock', {});
    for (const passphrase of [PASSPHRASE, ownPassphrase('Ihar')]) {
      expect(await backend.invoke('vault.unlock', { passphrase })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    }
    // The old key file still unwraps the old key, but that key opens nothing that is left.
    copyFileSync(oldKeys, vaultPaths(dir).keys);
    await expect(unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 })).rejects.toMatchObject({ code: 'VAULT_DAMAGED' });
  });

  it('wipe: destroys the key material and answers as a wrong passphrase would, leaving files of the same names and sizes', async () => {
    const { dir, backend } = await office();
    await call(backend, 'duress.set', { current: PASSPHRASE, passphrase: DURESS, mode: 'wipe' });
    await call(backend, 'vault.lock', {});
    const shape = filesAndSizes(dir);
    const oldKeys = join(tempDir(), 'keys-before');
    copyFileSync(vaultPaths(dir).keys, oldKeys);

    expect(await backend.invoke('vault.unlock', { passphrase: DURESS })).toEqual({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'The passphrase does not open this vault.' } });
    expect(filesAndSizes(dir)).toEqual(shape);
    expect(await call(backend, 'vault.state', {})).toEqual({ state: 'locked' });
    expect(readKeyFile(vaultPaths(dir).keys).slots).toHaveLength(3);
    for (const passphrase of [PASSPHRASE, ownPassphrase('Ihar')]) {
      expect(await backend.invoke('vault.unlock', { passphrase }), passphrase).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    }
    // A copy of the slots taken before the wipe unwraps the key, but the database no longer opens with it.
    copyFileSync(oldKeys, vaultPaths(dir).keys);
    await expect(unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 })).rejects.toMatchObject({ code: 'VAULT_DAMAGED' });
  });

  it('refuses a wrong own passphrase, a staff passphrase, a weak one and other roles, changing nothing; can be removed', async () => {
    const { dir, backend } = await office();
    const keys = readFileSync(vaultPaths(dir).keys);
    expect(await backend.invoke('duress.set', { current: 'not my passphrase at all', passphrase: DURESS, mode: 'wipe' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await backend.invoke('duress.set', { current: PASSPHRASE, passphrase: ownPassphrase('Ihar'), mode: 'wipe' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'passphrase: must differ from every staff member’s passphrase' },
    });
    expect(await backend.invoke('duress.set', { current: PASSPHRASE, passphrase: 'password12345', mode: 'decoy' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSPHRASE' } });
    expect(await backend.invoke('duress.set', { current: PASSPHRASE, passphrase: DURESS, mode: 'panic' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(readFileSync(vaultPaths(dir).keys)).toEqual(keys);

    await call(backend, 'duress.set', { current: PASSPHRASE, passphrase: DURESS, mode: 'wipe' });
    expect(await call(backend, 'duress.clear', { current: PASSPHRASE })).toEqual({ removed: true });
    await call(backend, 'vault.lock', {});
    expect(await backend.invoke('vault.unlock', { passphrase: DURESS })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await call(backend, 'vault.unlock', { passphrase: ownPassphrase('Ihar') });
    expect(await call(backend, 'status.get', {})).toMatchObject({ cases: 2 });
    expect(await backend.invoke('duress.get', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
