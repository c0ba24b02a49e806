import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createVaultThroughUi } from './screens';
import { launchApp, type App } from './harness';
import { call } from '../fixtures/backend';
import { removeTempDirs, tempDir } from '../fixtures/data-dir';

let apps: App[] = [];

afterEach(async () => {
  for (const app of apps) await app.close();
  apps = [];
  removeTempDirs();
});

async function openPartners(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Partners' }).click();
  await page.getByRole('heading', { level: 2, name: 'Partners' }).waitFor();
}

async function saveCard(app: App): Promise<string> {
  await openPartners(app.page);
  await app.page.getByRole('button', { name: 'Save office card…' }).click();
  await app.page.getByText(/Office card saved to/).waitFor();
  const path = join(app.exportDir, 'caseboard-office-card.json');
  expect(existsSync(path)).toBe(true);
  return path;
}

async function addPartner(app: App, card: string, office: string, fingerprint: string) {
  const { page } = app;
  await page.getByRole('button', { name: 'Add partner…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a partner office' });
  await dialog.getByLabel('Office card file').setInputFiles(card);
  await dialog.getByText(`Read these digits with ${office}`).waitFor();
  expect(await dialog.getByLabel(`Fingerprint: ${fingerprint}`).isVisible()).toBe(true);
  const add = dialog.getByRole('button', { name: 'Add partner' });
  expect(await add.isDisabled()).toBe(true);
  await dialog.getByLabel(`I compared these digits with ${office} and they are the same.`).check();
  await add.click();
  await page.getByText(`${office} added as a partner.`).waitFor();
  await page.getByRole('article', { name: office }).waitFor();
}

async function exportBundle(app: App, partner: string): Promise<string> {
  const { page } = app;
  await page.getByRole('button', { name: `Export a bundle for ${partner}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a bundle' });
  await dialog.getByText('Cases: 1', { exact: true }).waitFor();
  await dialog.getByRole('button', { name: 'Save bundle…' }).click();
  const saved = await dialog.getByText(/^Bundle for .* saved to /).innerText();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return saved.replace(/^Bundle for .* saved to /, '').replace(/\. Hand it over.*$/, '');
}

describe('two offices in Chromium', () => {
  it('exchange cards, export, import, see the shared case, and resolve a conflict side by side', async () => {
    const viasna = await launchApp();
    const brest = await launchApp();
    apps = [viasna, brest];
    await createVaultThroughUi(viasna.page, 'Viasna');
    await createVaultThroughUi(brest.page, 'Brest Watch');
    const viasnaId = await call(viasna.backend, 'sync.identity', {});
    const brestId = await call(brest.backend, 'sync.identity', {});

    const viasnaCard = await saveCard(viasna);
    const brestCard = await saveCard(brest);
    // The card itself is copied away before the next save overwrites the name.
    const cards = tempDir();
    copyFileSync(viasnaCard, join(cards, 'viasna.json'));
    copyFileSync(brestCard, join(cards, 'brest.json'));
    await addPartner(brest, join(cards, 'viasna.json'), 'Viasna', viasnaId.fingerprint);
    await addPartner(viasna, join(cards, 'brest.json'), 'Brest Watch', brestId.fingerprint);

    const shared = await call(viasna.backend, 'cases.create', { title: 'Detained after the vigil', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent', consentShare: true });
    await call(viasna.backend, 'cases.create', { title: 'Stays at Viasna', personName: 'Марфа Рабкова', region: 'minsk', priority: 'low' });
    await viasna.page.reload();
    await openPartners(viasna.page);
    const bundle = await exportBundle(viasna, 'Brest Watch');

    await brest.page.getByRole('button', { name: 'Import bundle…' }).click();
    const importing = brest.page.getByRole('dialog', { name: 'Import a bundle' });
    await importing.getByLabel('Bundle file').setInputFiles(bundle);
    await importing.getByRole('heading', { name: 'Imported from Viasna' }).waitFor();
    await importing.getByText('Cases: 1 new, 0 changed, 0 deleted', { exact: true }).waitFor();
    await importing.getByRole('button', { name: 'Close' }).click();
    await brest.page.getByRole('article', { name: 'Viasna' }).getByText(/Last received/).waitFor();
    await brest.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Cases' }).click();
    await brest.page.getByRole('button', { name: 'Detained after the vigil', exact: true }).click();
    await brest.page.getByText(`from Viasna, their reference ${shared.reference}`).waitFor();
    await brest.page.getByRole('button', { name: 'Back to cases' }).click();
    expect(await brest.page.getByText('Stays at Viasna').count()).toBe(0);

    // Both offices retitle the case before they exchange again.
    await call(viasna.backend, 'cases.update', { id: shared.id, patch: { title: 'Detained at Akrestsina' } });
    await call(brest.backend, 'cases.update', { id: shared.id, patch: { title: 'Detained at Okrestina' } });
    await viasna.page.reload();
    await openPartners(viasna.page);
    const second = await exportBundle(viasna, 'Brest Watch');
    await openPartners(brest.page);
    await brest.page.getByRole('button', { name: 'Import bundle…' }).click();
    await importing.getByLabel('Bundle file').setInputFiles(second);
    await importing.getByRole('heading', { name: 'Conflicts to resolve' }).waitFor();
    await importing.getByRole('button', { name: /^Compare the values of .* · Title$/ }).click();
    const resolve = brest.page.getByRole('dialog', { name: 'Which Title is right?' });
    const mine = resolve.getByRole('region', { name: 'Value from Brest Watch' });
    const theirs = resolve.getByRole('region', { name: 'Value from Viasna' });
    await mine.getByText('Detained at Okrestina').waitFor();
    await theirs.getByText('Detained at Akrestsina').waitFor();
    if (process.env.UPDATE_SCREENSHOTS) await brest.page.screenshot({ path: 'docs/screenshots/conflict.png' });
    await theirs.getByRole('button', { name: 'Keep this value' }).click();
    await importing.getByText('Resolved').waitFor();
    await importing.getByRole('button', { name: 'Close' }).click();
    await brest.page.getByText('No conflicts.').waitFor();
    if (process.env.UPDATE_SCREENSHOTS) await brest.page.screenshot({ path: 'docs/screenshots/partners.png' });
    expect((await call(brest.backend, 'cases.get', { id: shared.id })).title).toBe('Detained at Akrestsina');

    // The choice travels back: Viasna has no conflict, and the same title.
    await brest.page.getByRole('button', { name: 'Export a bundle for Viasna' }).click();
    const back = brest.page.getByRole('dialog', { name: 'Export a bundle' });
    await back.getByRole('button', { name: 'Save bundle…' }).click();
    const path = (await back.getByText(/^Bundle for .* saved to /).innerText()).replace(/^Bundle for .* saved to /, '').replace(/\. Hand it over.*$/, '');
    await back.getByRole('button', { name: 'Close' }).click();
    await viasna.page.getByRole('button', { name: 'Import bundle…' }).click();
    const viasnaImport = viasna.page.getByRole('dialog', { name: 'Import a bundle' });
    await viasnaImport.getByLabel('Bundle file').setInputFiles(path);
    await viasnaImport.getByRole('heading', { name: 'Imported from Brest Watch' }).waitFor();
    expect(await call(viasna.backend, 'conflicts.list', {})).toEqual([]);
    expect((await call(viasna.backend, 'cases.get', { id: shared.id })).title).toBe('Detained at Akrestsina');
  });
});
