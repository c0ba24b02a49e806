import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { api, type EventName } from '../../shared/api';
import { dispatchFromSender } from '../../electron/dispatch';
import { APP_ENTRY } from '../../electron/policy';
import { freshKdf, newSlotId, readKeyFile, sealSlot, unwrapDatabaseKey, writeKeyFile } from '../../db/keyfile';
import { vaultPaths } from '../../db/paths';
import { unlockVault } from '../../db/vault';
import { staff } from '../../db/schema';
import { call, newBackend } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, snapshotDir, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

const aCase = { title: 'Detention after the march', personName: 'Ihar Losik', region: 'brest', priority: 'urgent' } as const;

async function unlockedBackend() {
  const dir = tempDir();
  const made = newBackend(dir);
  await call(made.backend, 'vault.create', { office: 'Office', user: 'Admin', passphrase: PASSPHRASE });
  return { dir, ...made };
}

async function caseCount(backend: Awaited<ReturnType<typeof unlockedBackend>>['backend']) {
  return (await call(backend, 'status.get', {})).cases;
}

describe('the contract at the boundary', () => {
  it('walks a new office from no vault to unlocked', async () => {
    const dir = tempDir();
    const { backend } = newBackend(dir);
    expect(await call(backend, 'vault.state', {})).toEqual({ state: 'none' });
    const info = await call(backend, 'vault.create', { office: 'Вясна', user: 'Наста', passphrase: PASSPHRASE });
    expect(info).toMatchObject({ office: 'Вясна', user: { name: 'Наста', role: 'admin' }, autoLockMinutes: 10 });
    expect(await call(backend, 'vault.state', {})).toMatchObject({ state: 'unlocked', office: 'Вясна' });
    await call(backend, 'vault.lock', {});
    expect(await call(backend, 'vault.state', {})).toEqual({ state: 'locked' });
  });

  it('refuses every data method while locked', async () => {
    const { backend } = await unlockedBackend();
    await call(backend, 'vault.lock', {});
    for (const method of ['cases.list', 'status.get', 'settings.get'] as const) {
      await expect(backend.invoke(method, {})).resolves.toEqual({
        ok: false,
        error: { code: 'LOCKED', message: 'The vault is locked. Unlock it first.' },
      });
    }
  });

  it('rejects unknown methods', async () => {
    const { backend } = newBackend(tempDir());
    for (const method of ['cases.drop', '__proto__', 'constructor', 42, null]) {
      const result = await backend.invoke(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('validates input and writes nothing on a bad case', async () => {
    const { backend } = await unlockedBackend();
    await call(backend, 'cases.create', aCase);
    const bad = [
      [{ ...aCase, title: '   ' }, /title: is required/],
      [{ ...aCase, region: 'moscow' }, /region: Invalid option/],
      [{ ...aCase, priority: 1 }, /priority/],
      [{ ...aCase, extra: 'field' }, /Unrecognized key/],
      ['not an object', /input/],
    ] as const;
    for (const [input, message] of bad) {
      const result = await backend.invoke('cases.create', input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.message).toMatch(message);
      }
    }
    const batch = await backend.invoke('cases.createMany', { cases: [aCase, aCase, { ...aCase, personName: '' }] });
    expect(batch).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/cases\.2\.personName/) } });
    expect(await caseCount(backend)).toBe(1);
  });

  it('sorts in SQL by workflow and priority order, and pages stably', async () => {
    const { backend } = await unlockedBackend();
    const priorities = ['low', 'urgent', 'normal', 'high', 'urgent'] as const;
    await call(backend, 'cases.createMany', { cases: priorities.map((priority, i) => ({ ...aCase, title: `Case ${i}`, priority })) });
    const sorted = await call(backend, 'cases.list', { sort: [{ field: 'priority', direction: 'asc' }, { field: 'title', direction: 'desc' }] });
    expect(sorted.rows.map((r) => `${r.priority}:${r.title}`)).toEqual(['urgent:Case 4', 'urgent:Case 1', 'high:Case 3', 'normal:Case 2', 'low:Case 0']);
    const page1 = await call(backend, 'cases.list', { sort: [{ field: 'priority', direction: 'desc' }], limit: 2 });
    const page2 = await call(backend, 'cases.list', { sort: [{ field: 'priority', direction: 'desc' }], limit: 2, offset: 2 });
    expect(page1.total).toBe(5);
    expect(new Set([...page1.rows, ...page2.rows].map((r) => r.id)).size).toBe(4);
  });

  it('checks roles: a viewer may read but not write cases or change office settings', async () => {
    const { dir, backend } = await unlockedBackend();
    // Give the vault a second account with the staff role (account management is its own feature).
    const admin = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
    const keyFile = readKeyFile(vaultPaths(dir).keys);
    const slotId = newSlotId();
    const unwrapped = await unwrapDatabaseKey(keyFile, PASSPHRASE);
    const slot = await sealSlot(keyFile.vaultId, slotId, 'staff member passphrase', unwrapped!.key, freshKdf());
    writeKeyFile(vaultPaths(dir).keys, { ...keyFile, slots: [...keyFile.slots, slot] });
    admin.orm.insert(staff).values({ id: '01900000-0000-7000-8000-000000000001', name: 'Volunteer', role: 'viewer', slotId, createdAt: new Date().toISOString() }).run();
    admin.close();

    await call(backend, 'vault.lock', {});
    const info = await call(backend, 'vault.unlock', { passphrase: 'staff member passphrase' });
    expect(info.user).toMatchObject({ name: 'Volunteer', role: 'viewer' });
    await expect(backend.invoke('settings.update', { autoLockMinutes: 240 })).resolves.toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'The viewer role may not call settings.update.' },
    });
    expect((await call(backend, 'settings.get', {})).autoLockMinutes).toBe(10);
    for (const [method, input] of [['cases.create', aCase], ['cases.createMany', { cases: [aCase] }]] as const) {
      expect(await backend.invoke(method, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await call(backend, 'cases.list', {})).total).toBe(0);
    expect(await call(backend, 'status.get', {})).toMatchObject({ cases: 0, user: { role: 'viewer' } });
  });

  it('refuses calls from any frame but the app window (SECURITY.md #8)', async () => {
    const { backend } = await unlockedBackend();
    for (const sender of [
      { url: 'https://example.org/', isMainFrame: true },
      { url: APP_ENTRY, isMainFrame: false },
      { url: undefined, isMainFrame: true },
      { url: 'file:///tmp/evil.html', isMainFrame: true },
    ]) {
      expect(await dispatchFromSender(backend, sender, 'status.get', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await dispatchFromSender(backend, { url: APP_ENTRY, isMainFrame: true }, 'status.get', {})).toMatchObject({ ok: true });
  });

  it('survives fuzzed inputs to every method: a clear error or a value, never a throw, never a partial write', async () => {
    const { dir, backend } = await unlockedBackend();
    const methods = Object.keys(api).filter((m) => !m.startsWith('vault.'));
    await call(backend, 'cases.create', aCase);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), fc.anything({ withObjectString: true, withNullPrototype: true }), async (method, input) => {
        const before = await caseCount(backend);
        const result = await backend.invoke(method, input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(result.error.code).toMatch(/^[A-Z_]+$/);
          expect(result.error.message.length).toBeGreaterThan(0);
          expect(await caseCount(backend)).toBe(before);
        }
      }),
      { numRuns: 500 },
    );
    expect(await caseCount(backend)).toBeGreaterThanOrEqual(1);
    expect(Object.keys(snapshotDir(dir))).toEqual(expect.arrayContaining(['caseboard.db', 'caseboard.keys']));
  });
});

describe('auto-lock (SECURITY.md #12)', () => {
  it('locks after the idle limit: the vault closes, an event fires, calls are refused', async () => {
    const { backend, advance } = await unlockedBackend();
    const events: EventName[] = [];
    backend.subscribe((event) => events.push(event));
    advance(9 * 60_000);
    backend.tick();
    await call(backend, 'session.activity', {});
    advance(9 * 60_000);
    backend.tick();
    expect(events).toEqual([]);
    advance(60_001);
    backend.tick();
    expect(events).toEqual(['vault.locked']);
    expect(await backend.invoke('cases.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('follows the configured limit, and a call after the limit is refused even without the timer', async () => {
    const { backend, advance } = await unlockedBackend();
    expect(await call(backend, 'settings.update', { autoLockMinutes: 1 })).toEqual({ autoLockMinutes: 1 });
    advance(61_000);
    expect(await backend.invoke('status.get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await call(backend, 'vault.state', {})).toEqual({ state: 'locked' });
    await call(backend, 'vault.unlock', { passphrase: PASSPHRASE });
    expect((await call(backend, 'settings.get', {})).autoLockMinutes).toBe(1);
  });

  it('a lock that arrives while an unlock is deriving its key wins', async () => {
    const { backend } = await unlockedBackend();
    await call(backend, 'vault.lock', {});
    const unlocking = backend.invoke('vault.unlock', { passphrase: PASSPHRASE });
    await new Promise((resolve) => setTimeout(resolve, 5));
    backend.lockNow('user');
    expect(await unlocking).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await call(backend, 'vault.state', {})).toEqual({ state: 'locked' });
  });
});
