import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../backend';
import { ClipboardGuard, type SystemClipboard } from '../../backend/clipboard-guard';
import { call, testPlatform } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';

afterEach(() => {
  vi.useRealTimers();
  removeTempDirs();
});

function memoryClipboard(clearAfterMs?: number) {
  const state = { text: '' };
  const clipboard: SystemClipboard = {
    write: async (text) => {
      state.text = text;
    },
    read: async () => state.text,
    clear: async () => {
      state.text = '';
    },
    ...(clearAfterMs === undefined ? {} : { clearAfterMs }),
  };
  return { state, clipboard };
}

describe('clipboard guard', () => {
  it('takes the copied value off after 30 s, but leaves anything copied since', async () => {
    vi.useFakeTimers();
    const { state, clipboard } = memoryClipboard();
    const guard = new ClipboardGuard(clipboard);
    await guard.copy('2026-00123');
    expect(state.text).toBe('2026-00123');
    await vi.advanceTimersByTimeAsync(29_000);
    expect(state.text).toBe('2026-00123');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(state.text).toBe('');

    await guard.copy('Алесь Бяляцкі');
    state.text = 'a shopping list the person copied meanwhile';
    await vi.advanceTimersByTimeAsync(30_000);
    expect(state.text).toBe('a shopping list the person copied meanwhile');
  });
});

describe('clipboard.copy', () => {
  it("copies a case's reference or person name from the vault and clears it when the vault locks", async () => {
    const { platform } = testPlatform(join(tempDir(), 'vault'));
    const { state, clipboard } = memoryClipboard(60_000);
    platform.clipboard = clipboard;
    const backend = createBackend(platform);
    await call(backend, 'vault.create', { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE });
    const created = await call(backend, 'cases.create', { title: 'Detention', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent' });
    expect(await call(backend, 'clipboard.copy', { caseId: created.id, field: 'reference' })).toEqual({ clearsInSeconds: 60 });
    expect(state.text).toBe(created.reference);
    await call(backend, 'clipboard.copy', { caseId: created.id, field: 'personName' });
    expect(state.text).toBe('Алесь Бяляцкі');
    expect(await backend.invoke('clipboard.copy', { caseId: created.id, field: 'summary' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await backend.invoke('clipboard.copy', { caseId: '01890000-0000-7000-8000-000000000000', field: 'reference' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(state.text).toBe('Алесь Бяляцкі');
    await call(backend, 'vault.lock', {});
    await vi.waitFor(() => expect(state.text).toBe(''));
    expect(await backend.invoke('clipboard.copy', { caseId: created.id, field: 'reference' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('is refused where there is no clipboard (the CLI)', async () => {
    const { platform } = testPlatform(join(tempDir(), 'vault'));
    const backend = createBackend(platform);
    await call(backend, 'vault.create', { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE });
    const created = await call(backend, 'cases.create', { title: 'Detention', personName: 'A B', region: 'grodno', priority: 'urgent' });
    expect(await backend.invoke('clipboard.copy', { caseId: created.id, field: 'reference' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
