import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../backend';
import { restoreBackup } from '../../db/backup';
import { call, testPlatform } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

const BACKUP_PASSPHRASE = 'offsite backup passphrase 7';

async function officeWithEvidence() {
  const dir = tempDir();
  const { platform } = testPlatform(join(dir, 'vault'));
  const saved: Uint8Array[] = [];
  platform.saveFile = async (name, data) => {
    saved.push(data);
    return join(dir, name);
  };
  const backend = createBackend(platform);
  await call(backend, 'vault.create', { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE });
  const created = await call(backend, 'cases.create', { title: 'Detention', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent' });
  const evidence = Buffer.from('scan of the court ruling');
  const meta = await call(backend, 'attachments.add', { caseId: created.id, fileName: 'ruling.pdf', dataBase64: evidence.toString('base64') });
  return { backend, saved, caseId: created.id, meta };
}

describe('encrypted backup and restore', () => {
  it('backs up to a passphrase and restores into a new directory, records and evidence intact', async () => {
    const { backend, saved, caseId, meta } = await officeWithEvidence();
    const result = await call(backend, 'vault.backup', { passphrase: BACKUP_PASSPHRASE });
    expect(result.path).toMatch(/caseboard-backup-\d{4}-\d{2}-\d{2}\.age$/);
    const backup = saved[0]!;
    expect(Buffer.from(backup).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(Buffer.from(backup).includes(Buffer.from('caseboard-backup'))).toBe(false);

    const target = join(tempDir(), 'restored');
    const restored = await restoreBackup(backup, { passphrase: BACKUP_PASSPHRASE }, target, PASSPHRASE, { kdfTargetMs: 0 });
    expect(restored.office).toBe('Viasna');
    const { platform } = testPlatform(target);
    const again = createBackend(platform);
    await call(again, 'vault.unlock', { passphrase: PASSPHRASE });
    expect((await call(again, 'cases.get', { id: caseId })).attachments).toEqual([meta]);
    expect(Buffer.from((await call(again, 'attachments.get', { id: meta.id })).dataBase64, 'base64').toString()).toBe('scan of the court ruling');
    expect(await call(again, 'audit.verify', {})).toMatchObject({ ok: true });
  });

  it('refuses a wrong backup passphrase, a tampered file and a non-empty target, writing nothing', async () => {
    const { backend, saved } = await officeWithEvidence();
    await call(backend, 'vault.backup', { passphrase: BACKUP_PASSPHRASE });
    const backup = saved[0]!;
    const target = join(tempDir(), 'restored');
    await expect(restoreBackup(backup, { passphrase: 'not the backup passphrase' }, target, PASSPHRASE)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(existsSync(target)).toBe(false);
    const tampered = Buffer.from(backup);
    tampered[tampered.length - 100]! ^= 0x01;
    await expect(restoreBackup(tampered, { passphrase: BACKUP_PASSPHRASE }, target, PASSPHRASE)).rejects.toMatchObject({ code: 'NOT_A_VAULT' });
    expect(existsSync(target)).toBe(false);
    await expect(restoreBackup(backup, { passphrase: BACKUP_PASSPHRASE }, target, 'wrong staff passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(existsSync(target)).toBe(false);
    const occupied = tempDir();
    writeFileSync(join(occupied, 'notes.txt'), 'mine');
    await expect(restoreBackup(backup, { passphrase: BACKUP_PASSPHRASE }, occupied, PASSPHRASE)).rejects.toMatchObject({ code: 'VAULT_EXISTS' });
    expect(readdirSync(occupied)).toEqual(['notes.txt']);
    expect(await backend.invoke('vault.backup', { passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await backend.invoke('vault.backup', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/passphrase or an age recipient/) } });
  });

  it('backs up to an age recipient: a standard age file that the age tool decrypts', async () => {
    const { backend, saved } = await officeWithEvidence();
    const identity = await generateIdentity();
    const recipient = await identityToRecipient(identity);
    await call(backend, 'vault.backup', { recipients: [recipient] });
    const backup = saved[0]!;
    const keyFile = join(tempDir(), 'offline.key');
    writeFileSync(keyFile, `${identity}\n`);
    const backupFile = join(tempDir(), 'backup.age');
    writeFileSync(backupFile, backup);
    const decrypted = spawnSync('age', ['-d', '-i', keyFile, backupFile]);
    expect(decrypted.status, String(decrypted.stderr)).toBe(0);
    expect(decrypted.stdout.subarray(0, 20).toString()).toBe('caseboard-backup v1\n');
    const target = join(tempDir(), 'restored');
    await expect(restoreBackup(backup, { identities: [identity] }, target, PASSPHRASE, { kdfTargetMs: 0 })).resolves.toMatchObject({ office: 'Viasna' });
  });
});
