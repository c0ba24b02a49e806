import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createVaultThroughUi } from './screens';
import { launchApp, type App } from './harness';
import { call } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs } from '../fixtures/data-dir';
import type { NewCase } from '../../shared/domain/cases';

let app: App | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
  removeTempDirs();
});

const BACKUP_PASSPHRASE = 'a separate backup passphrase, kept offsite';

const seed: NewCase[] = [
  { title: 'Detained after the vigil in Hrodna', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'high', violations: ['detention'], eventDate: '2021-07-14' },
  { title: 'Search of the family flat', personName: 'Ігар Лосік', region: 'brest', priority: 'low', violations: ['search'], eventDate: '2020' },
];

const auditActions = (page: Page) => page.getByRole('table', { name: 'Audit entries' }).locator('tbody td.audit-method').allInnerTexts();

describe('audit log, backup, quick lock and wipe in Chromium', () => {
  it('an admin reads and verifies the audit log, backs up, quick-locks and wipes the vault', async () => {
    app = await launchApp();
    const { page, backend } = app;
    await createVaultThroughUi(page);
    const { ids } = await call(backend, 'cases.createMany', { cases: seed });
    await page.reload();
    await page.getByText('2 cases').waitFor();

    // The Lock button names its shortcut.
    const lock = page.getByRole('button', { name: 'Lock' });
    expect(await lock.getAttribute('title')).toContain('Ctrl+Shift+L');
    const hintId = (await lock.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${hintId}"]`).innerText()).toContain('Ctrl+Shift+L');

    // The audit log, from Settings: newest first, humanised actions, the staff member's name.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 2 }).waitFor();
    await expect.poll(() => auditActions(page)).toEqual(['Cases created', 'Vault created']);
    const table = page.getByRole('table', { name: 'Audit entries' });
    expect(await table.locator('tbody tr').first().innerText()).toContain('Nasta Loika');
    expect(await table.locator('tbody tr').first().locator('code').innerText()).toMatch(/^[0-9a-f]{12}$/);

    // Filters: a record id narrows to the entries naming it; a staff member keeps both.
    await page.getByLabel('Record id').fill(ids[0]!);
    await expect.poll(() => auditActions(page)).toEqual(['Cases created']);
    await page.getByLabel('Record id').fill('');
    await page.getByLabel('Filter by staff member').selectOption({ label: 'Nasta Loika' });
    await page.getByLabel('From').fill('2000');
    await expect.poll(() => auditActions(page)).toEqual(['Cases created', 'Vault created']);
    await page.getByLabel('To').fill('2001-06');
    await page.getByText('No entries match.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => auditActions(page)).toEqual(['Cases created', 'Vault created']);

    // The chain checks out.
    const verdict = await call(backend, 'audit.verify', {});
    expect(verdict).toMatchObject({ ok: true });
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText(`The audit log is intact: ${verdict.entries} entries.`).waitFor();

    // An encrypted backup, saved where the (stand-in) save dialog says.
    await page.getByRole('button', { name: 'Back to settings' }).click();
    await page.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASSPHRASE);
    await page.getByLabel('Confirm backup passphrase').fill('not the same passphrase');
    await page.getByRole('button', { name: 'Create backup' }).click();
    await page.getByText('The two backup passphrases do not match.').waitFor();
    await page.getByLabel('Confirm backup passphrase').fill(BACKUP_PASSPHRASE);
    await page.getByRole('button', { name: 'Create backup' }).click();
    const saved = page.getByText(/^Backup saved: /);
    await saved.waitFor();
    const path = (await saved.innerText()).replace(/^Backup saved: /, '').trim();
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path).subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');
    expect(readFileSync(path).includes(Buffer.from('Detained after the vigil'))).toBe(false);
    expect(await page.getByLabel('Backup passphrase', { exact: true }).inputValue()).toBe('');

    // Quick lock from the case table.
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.locator('tbody tr', { hasText: 'Search of the family flat' }).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('tbody tr[aria-selected="true"]').count()).toBe(1);
    await page.keyboard.press('Control+Shift+L');
    await page.getByRole('button', { name: 'Unlock' }).waitFor();
    expect(await call(backend, 'vault.state', {})).toEqual({ state: 'locked' });

    // Unlock and wipe: nothing happens until the word WIPE is typed.
    await page.getByLabel('Passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    const wipe = page.getByRole('button', { name: 'Wipe this vault' });
    expect(await wipe.isDisabled()).toBe(true);
    await page.getByLabel('Type WIPE to confirm').fill('wipe');
    expect(await wipe.isDisabled()).toBe(true);
    await page.getByLabel('Type WIPE to confirm').fill('WIPE');
    expect(await wipe.isEnabled()).toBe(true);
    await wipe.click();
    await page.getByRole('button', { name: 'Create vault' }).waitFor();
    expect(await call(backend, 'vault.state', {})).toEqual({ state: 'none' });
  });
});
