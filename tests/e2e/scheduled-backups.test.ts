import { readdirSync, rmSync } from 'node:fs';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterEach, describe, expect, it } from 'vitest';
import { createVaultThroughUi } from './screens';
import { launchApp, type App } from './harness';
import { call } from '../fixtures/backend';
import { removeTempDirs } from '../fixtures/data-dir';

let app: App | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
  removeTempDirs();
});

describe('scheduled backups in settings', () => {
  it('chooses a folder, sets the schedule, shows the last success and why the last run failed', async () => {
    app = await launchApp();
    const { page, backend, backupFolder } = app;
    await createVaultThroughUi(page);
    await call(backend, 'settings.update', { autoLockMinutes: 240 });
    const recipient = await identityToRecipient(await generateIdentity());
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Scheduled backups' }).waitFor();
    const card = page.locator('form', { has: page.getByRole('heading', { name: 'Scheduled backups' }) });
    await card.getByText('none chosen').waitFor();
    await card.getByRole('button', { name: 'Choose folder…' }).click();
    await card.getByText(backupFolder, { exact: true }).waitFor();
    await card.getByLabel('Back up on this schedule').check();
    await card.getByLabel('Every (hours)').fill('1');
    await card.getByLabel('Keep the newest').fill('2');
    await card.getByLabel('Age recipients').fill(recipient);
    await card.getByRole('button', { name: 'Save schedule' }).click();
    await card.getByText('Schedule saved.').waitFor();

    // The timer runs it while the vault is open.
    await app.idle(1000);
    expect(readdirSync(backupFolder)).toEqual([expect.stringMatching(/^caseboard-backup-\d{8}T\d{6}Z\.age$/)]);
    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).click();
    await card.getByText(new RegExp(`— ${backupFolder}/caseboard-backup-`)).waitFor();

    // The drive is pulled out: the card says so.
    rmSync(backupFolder, { recursive: true });
    await card.getByRole('button', { name: 'Back up now' }).click();
    await card.getByText(/the folder is not there; is the drive plugged in\?/).waitFor();
  });
});
