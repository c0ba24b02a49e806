import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../backend';
import { RETRY_AFTER_FAILURE_MS } from '../../backend/backups/scheduler';
import { restoreBackup } from '../../db/backup';
import { call, testPlatform } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

const HOUR = 3_600_000;

async function office() {
  const { platform, advance } = testPlatform(join(tempDir(), 'vault'));
  const drive = join(tempDir(), 'usb');
  mkdirSync(drive);
  platform.chooseFolder = async () => drive;
  const backend = createBackend(platform);
  await call(backend, 'vault.create', { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE });
  await call(backend, 'settings.update', { autoLockMinutes: 240 });
  await call(backend, 'cases.create', { title: 'Detention after the vigil', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent' });
  const identity = await generateIdentity();
  const recipient = await identityToRecipient(identity);
  /** Time passes while someone works: the idle lock does not come, the timer ticks. */
  const later = async (ms: number) => {
    advance(ms);
    await call(backend, 'session.activity', {});
    await backend.tick();
  };
  return { backend, drive, identity, recipient, later };
}

const backups = (drive: string) => readdirSync(drive).filter((name) => name.endsWith('.age')).sort();

describe('scheduled backups', () => {
  it('run on the timer while unlocked, into the chosen folder, encrypted to the recipient, keeping the newest N', async () => {
    const { backend, drive, identity, recipient, later } = await office();
    expect(await call(backend, 'backups.schedule', {})).toEqual({
      schedule: null,
      status: { lastSuccessAt: null, lastSuccessFile: null, lastFailureAt: null, lastFailureReason: null, lastFailureMessage: null },
      nextDueAt: null,
    });
    expect(await backend.invoke('backups.configure', { enabled: true, intervalHours: 1, keep: 2, recipients: [recipient] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/choose the folder/) } });
    expect((await call(backend, 'backups.chooseFolder', {})).schedule).toMatchObject({ folder: drive, enabled: false });
    expect(await backend.invoke('backups.configure', { enabled: true, intervalHours: 1, keep: 2, recipients: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/recipients: at least one age recipient/) } });
    const configured = await call(backend, 'backups.configure', { enabled: true, intervalHours: 1, keep: 2, recipients: [recipient] });
    expect(configured.nextDueAt).toBe('2026-11-24T09:00:00.000Z');

    await backend.tick();
    expect(backups(drive)).toEqual(['caseboard-backup-20261124T090000Z.age']);
    const state = await call(backend, 'backups.schedule', {});
    expect(state.status).toMatchObject({ lastSuccessAt: '2026-11-24T09:00:00.000Z', lastSuccessFile: join(drive, 'caseboard-backup-20261124T090000Z.age'), lastFailureAt: null });
    expect(state.nextDueAt).toBe('2026-11-24T10:00:00.000Z');

    // It is a real backup of the vault, opened with the offline key alone.
    const restored = await restoreBackup(readFileSync(join(drive, backups(drive)[0]!)), { identities: [identity] }, join(tempDir(), 'restored'), PASSPHRASE, { kdfTargetMs: 0 });
    expect(restored.office).toBe('Viasna');

    await later(30 * 60_000);
    expect(backups(drive)).toHaveLength(1);
    await later(30 * 60_000);
    await later(HOUR);
    // Rotation keeps the newest two and clears a write that was cut short earlier.
    writeFileSync(join(drive, '.caseboard-backup-20261124T100000Z.age.partial-0123456789ab'), 'half');
    writeFileSync(join(drive, 'notes.txt'), 'not ours');
    await later(HOUR);
    expect(readdirSync(drive).sort()).toEqual(['caseboard-backup-20261124T110000Z.age', 'caseboard-backup-20261124T120000Z.age', 'notes.txt']);
    const log = await call(backend, 'audit.list', {});
    expect(log.rows.filter((r) => r.method === 'backups.scheduled')).toHaveLength(4);
  });

  it('reports a missing drive, retries every few minutes without filling the audit log, and recovers', async () => {
    const { backend, drive, recipient, later } = await office();
    await call(backend, 'backups.chooseFolder', {});
    await call(backend, 'backups.configure', { enabled: true, intervalHours: 1, keep: 3, recipients: [recipient] });
    rmSync(drive, { recursive: true });
    await backend.tick();
    const failed = await call(backend, 'backups.schedule', {});
    expect(failed.status).toMatchObject({ lastSuccessAt: null, lastFailureAt: '2026-11-24T09:00:00.000Z', lastFailureReason: 'folder-missing', lastFailureMessage: `${drive} is not there (is the drive plugged in?)` });
    expect(failed.nextDueAt).toBe(new Date(Date.parse('2026-11-24T09:00:00Z') + RETRY_AFTER_FAILURE_MS).toISOString());
    const entries = (await call(backend, 'audit.list', {})).total;
    await later(60_000);
    await later(RETRY_AFTER_FAILURE_MS);
    expect((await call(backend, 'audit.list', {})).total).toBe(entries);

    mkdirSync(drive);
    await later(RETRY_AFTER_FAILURE_MS);
    const recovered = await call(backend, 'backups.schedule', {});
    expect(recovered.status).toMatchObject({ lastSuccessAt: expect.any(String), lastFailureReason: 'folder-missing' });
    expect(backups(drive)).toHaveLength(1);
  });

  it('does nothing while switched off or locked', async () => {
    const { backend, drive, recipient, later } = await office();
    await call(backend, 'backups.chooseFolder', {});
    await call(backend, 'backups.configure', { enabled: false, intervalHours: 1, keep: 3, recipients: [recipient] });
    await later(HOUR);
    expect(backups(drive)).toEqual([]);
    await call(backend, 'backups.configure', { enabled: true, intervalHours: 1, keep: 3, recipients: [recipient] });
    await call(backend, 'vault.lock', {});
    await backend.tick();
    expect(backups(drive)).toEqual([]);
  });
});
