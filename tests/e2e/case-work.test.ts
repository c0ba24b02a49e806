import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createVaultThroughUi } from './screens';
import { launchApp, type App } from './harness';
import { call } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';
import type { NewCase } from '../../shared/domain/cases';

let app: App | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
  removeTempDirs();
});

const seed: NewCase[] = [
  { title: 'Detained after the vigil in Hrodna', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'high', violations: ['detention'], eventDate: '2021-07-14' },
  { title: 'Administrative arrest, 15 days', personName: 'Marfa Rabkova', region: 'minsk-city', priority: 'normal', violations: ['administrative-arrest'], eventDate: '2020-09' },
  { title: 'Search of the family flat', personName: 'Ігар Лосік', region: 'brest', priority: 'low', violations: ['search'], eventDate: '2020' },
  { title: 'Held incommunicado in SIZO-1', personName: 'Мікалай Статкевіч', region: 'minsk-city', priority: 'urgent', violations: ['detention', 'torture'], eventDate: '2020-05-31' },
  { title: 'Fine for a white-red-white flag', personName: 'Вольга Каралёва', region: 'vitebsk', priority: 'normal', violations: ['fine'], eventDate: '2023-03' },
];

async function openVault(): Promise<{ app: App; page: Page; adminId: string }> {
  const opened = await launchApp();
  const { page, backend } = opened;
  await createVaultThroughUi(page);
  const status = await call(backend, 'status.get', {});
  await call(backend, 'cases.createMany', { cases: seed });
  await page.reload();
  await page.getByText('5 cases').waitFor();
  return { app: opened, page, adminId: status.user.id };
}

const titles = (page: Page) => page.locator('tbody tr[data-case-id] td.col-title').allInnerTexts();

describe('case work in Chromium', () => {
  it('triages with the keyboard, filters, bulk-assigns, opens and edits a case', async () => {
    const opened = await openVault();
    app = opened.app;
    const { page } = opened;

    // Filter by region through the column filter.
    await page.getByRole('button', { name: 'Filter by region' }).click();
    await page.getByRole('checkbox', { name: 'Minsk (city)' }).check();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await titles(page)).sort()).toEqual(['Administrative arrest, 15 days', 'Held incommunicado in SIZO-1']);

    // Select both with the keyboard and assign them to me in bulk.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect.poll(() => page.locator('tbody tr[aria-selected="true"]').count()).toBe(1);
    await page.keyboard.press('a');
    await page.getByLabel('Assign to').selectOption({ label: 'Nasta Loika' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('tbody td.col-assignee', { hasText: 'Nasta Loika' }).count()).toBe(2);
    const assigned = await call(app.backend, 'cases.list', { filter: { assignee: opened.adminId } });
    expect(assigned.rows.map((r) => r.title).sort()).toEqual(['Administrative arrest, 15 days', 'Held incommunicado in SIZO-1']);

    // Open the active row with Enter and edit it.
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2 });
    await heading.waitFor();
    const openedTitle = await heading.innerText();
    expect(['Administrative arrest, 15 days', 'Held incommunicado in SIZO-1']).toContain(openedTitle);
    await page.getByLabel('Sentence').fill('3 years, general regime');
    await page.getByLabel('Place of detention').fill('IK-4, Gomel');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const shots = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : tempDir();
    await page.getByRole('button', { name: 'Save changes' }).waitFor();
    await page.screenshot({ path: join(shots, 'case-detail.png'), fullPage: false });
    await expect
      .poll(async () => (await call(app!.backend, 'cases.list', { filter: { search: openedTitle.split(' ')[0]! } })).rows[0]?.id)
      .toBeTruthy();
    const saved = (await call(app.backend, 'cases.list', {})).rows.find((r) => r.title === openedTitle)!;
    await expect.poll(async () => (await call(app!.backend, 'cases.get', { id: saved.id })).sentence).toBe('3 years, general regime');
    expect((await call(app.backend, 'cases.get', { id: saved.id })).placeOfDetention).toBe('IK-4, Gomel');

    // The history tab shows the change, field by field.
    await page.getByRole('button', { name: 'History' }).click();
    await page.getByText('3 years, general regime').first().waitFor();
    await page.getByRole('button', { name: 'Back to cases' }).click();
    await page.getByRole('button', { name: 'Filter by region' }).waitFor();
  });

  it('saves the triage filter as a view, re-applies it after a built-in one, and deletes it', async () => {
    const opened = await openVault();
    app = opened.app;
    const { page } = opened;
    const minsk = ['Administrative arrest, 15 days', 'Held incommunicado in SIZO-1'];

    await page.getByRole('button', { name: 'Filter by region' }).click();
    await page.getByRole('checkbox', { name: 'Minsk (city)' }).check();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await titles(page)).sort()).toEqual(minsk);

    // Escape in the name field gives up naming without saving anything.
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByLabel('View name').fill('Abandoned');
    await page.getByLabel('View name').press('Escape');
    await page.getByRole('button', { name: 'Save view' }).waitFor();
    expect((await call(app.backend, 'views.list', {})).map((v) => v.name)).toEqual(['Urgent & unassigned', 'My cases']);

    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByLabel('View name').fill('  Minsk cases  ');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('View “Minsk cases” saved.').waitFor();
    const views = page.getByLabel('Saved view', { exact: true });
    expect(await views.locator('option:checked').innerText()).toBe('Minsk cases');

    // A built-in view replaces the filter; choosing the saved one brings its filter back.
    await views.selectOption({ label: 'Urgent & unassigned' });
    await expect.poll(() => titles(page)).toEqual(['Held incommunicado in SIZO-1']);
    await expect.poll(() => page.getByRole('button', { name: 'Delete view' }).count()).toBe(0);
    await views.selectOption({ label: 'Minsk cases' });
    await expect.poll(async () => (await titles(page)).sort()).toEqual(minsk);

    await page.getByRole('button', { name: 'Delete view' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete view' }).click();
    await page.getByText('View deleted.').waitFor();
    expect(await views.locator('option').allInnerTexts()).toEqual(['Choose a view…', 'Urgent & unassigned', 'My cases']);
    expect((await call(app.backend, 'views.list', {})).map((v) => v.name)).toEqual(['Urgent & unassigned', 'My cases']);
  });

  it('finds a record written in one script by a search in the other', async () => {
    const opened = await openVault();
    app = opened.app;
    const { page } = opened;
    const search = page.getByLabel('Search', { exact: true });
    for (const query of ['Bialiatski', 'Беляцкий']) {
      await search.fill(query);
      await expect.poll(() => titles(page)).toEqual(['Detained after the vigil in Hrodna']);
    }
    await search.fill('Статкевич');
    await expect.poll(() => titles(page)).toEqual(['Held incommunicado in SIZO-1']);
    await page.keyboard.press('Escape');
    await search.fill('');
    await expect.poll(async () => (await titles(page)).length).toBe(5);
  });

  it('switches the interface to Belarusian', async () => {
    const opened = await openVault();
    app = opened.app;
    const { page } = opened;
    await page.getByLabel('Language', { exact: true }).selectOption('be');
    await page.getByRole('button', { name: 'Заблакаваць' }).or(page.getByRole('button', { name: /Заблак/ })).first().waitFor();
    await page.getByText('Гродзенская вобласць').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('be');
  });

  it('shows an import report for a file with bad rows and commits nothing', async () => {
    const opened = await openVault();
    app = opened.app;
    const { page } = opened;
    const file = join(tempDir(), 'register.csv');
    writeFileSync(file, 'Title,Person,Region,Priority\nFine for a flag,Ihar Losik,Brest,low\nSearch,Someone,Atlantis,high\nArrest,Ales B,Gomel,urgent\n');
    await page.getByRole('button', { name: 'Import spreadsheet' }).click();
    await page.getByLabel('Spreadsheet file').setInputFiles(file);
    await page.getByText('"Atlantis" is not a known region').waitFor();
    const importButton = page.getByRole('button', { name: /^Import \d+ cases?$/ });
    await expect(importButton.isDisabled()).resolves.toBe(true);
    expect((await call(app.backend, 'status.get', {})).cases).toBe(5);

    // The same file, fixed and chosen again.
    writeFileSync(file, 'Title,Person,Region,Priority\nFine for a flag,Ihar Losik,Brest,low\nArrest,Ales B,Gomel,urgent\n');
    await page.getByLabel('Spreadsheet file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import 2 cases' }).click();
    await page.getByText('Imported 2 cases.').waitFor();
    expect((await call(app.backend, 'status.get', {})).cases).toBe(7);
  });
});
