import type { Page } from 'playwright-core';
import { PASSPHRASE } from '../fixtures/data-dir';

/** The first-run screen, filled in as a new office would; returns once the vault is open. */
export async function createVaultThroughUi(page: Page, office = 'Viasna'): Promise<void> {
  await page.getByRole('button', { name: 'Create vault' }).waitFor();
  await page.getByLabel('Office name').fill(office);
  await page.getByLabel('Your name').fill('Nasta Loika');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('button', { name: 'Lock' }).waitFor();
}
