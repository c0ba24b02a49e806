import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createVaultThroughUi } from './screens';
import { launchApp, type App } from './harness';
import { call } from '../fixtures/backend';
import { removeTempDirs } from '../fixtures/data-dir';
import type { NewCase } from '../../shared/domain/cases';

let app: App | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
  removeTempDirs();
});

const titles = (page: Page) => page.locator('tbody tr[data-case-id] td.col-title').allInnerTexts();

/** 1,100 cases: 1,050 of one (common) person, so that a search for them counts past the cap. */
const seed: NewCase[] = Array.from({ length: 1100 }, (_, i) => ({
  title: `Case ${String(i).padStart(4, '0')}`,
  personName: i < 1050 ? 'Алесь Бяляцкі' : 'Марфа Рабкова',
  region: 'grodno',
  priority: 'normal',
}));

describe('paging the triage table in Chromium', () => {
  it('pages forward and back by cursor, and shows a capped search count as 1,000+', async () => {
    app = await launchApp();
    const { page, backend } = app;
    await createVaultThroughUi(page);
    await call(backend, 'cases.createMany', { cases: seed });
    await page.reload();
    await page.getByText('1,100 cases').waitFor();
    await page.locator('th', { has: page.getByRole('button', { name: /Title/ }) }).getByRole('button').click();

    const range = page.locator('.pager-range');
    const next = page.getByRole('button', { name: 'Next' });
    const previous = page.getByRole('button', { name: 'Previous' });
    await expect.poll(async () => (await titles(page))[0]).toBe('Case 0000');
    await expect(range.innerText()).resolves.toBe('Showing 1–100');
    await next.click();
    await expect.poll(async () => (await titles(page))[0]).toBe('Case 0100');
    await expect(range.innerText()).resolves.toBe('Showing 101–200');
    await next.click();
    await expect.poll(async () => (await titles(page))[0]).toBe('Case 0200');
    await previous.click();
    await expect.poll(async () => (await titles(page))[0]).toBe('Case 0100');
    await previous.click();
    await expect.poll(async () => (await titles(page))[0]).toBe('Case 0000');
    await expect(previous.isDisabled()).resolves.toBe(true);

    // Reversing the order starts again on the first page.
    await next.click();
    await expect.poll(async () => (await titles(page))[0]).toBe('Case 0100');
    await page.locator('th', { has: page.getByRole('button', { name: /Title/ }) }).getByRole('button').click();
    await expect.poll(async () => (await titles(page))[0]).toBe('Case 1099');
    await expect(range.innerText()).resolves.toBe('Showing 1–100');

    const search = page.getByLabel('Search', { exact: true });
    await search.fill('Bialiatski');
    await page.getByText('1,000+ cases').waitFor();
    await expect(next.isDisabled()).resolves.toBe(false);
    await search.fill('Rabkova');
    await page.getByText('50 cases').waitFor();
    await expect.poll(() => next.isDisabled()).toBe(true);
    await expect(range.innerText()).resolves.toBe('Showing 1–50');
  });
});
