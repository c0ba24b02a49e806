import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createVaultThroughUi } from './screens';
import { launchApp, type App } from './harness';
import { call } from '../fixtures/backend';
import { canary, filesContaining, PASSPHRASE, removeTempDirs } from '../fixtures/data-dir';
import type { NewCase } from '../../shared/domain/cases';

let app: App | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
  removeTempDirs();
});

async function createCaseThroughUi(page: Page, fields: { title: string; person: string; region: string; priority: string; summary?: string }) {
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Title').fill(fields.title);
  await page.getByLabel('Person name').fill(fields.person);
  await page.getByLabel('Region').selectOption(fields.region);
  await page.getByLabel('Priority').selectOption(fields.priority);
  if (fields.summary) await page.getByLabel('Summary').fill(fields.summary);
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.locator('tbody tr', { hasText: fields.title }).waitFor();
}

const titlesInTable = (page: Page) => page.locator('tbody tr[data-case-id] td.col-title').allInnerTexts();

const seed = [
  { title: 'Detained after the vigil in Hrodna', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'high', violations: ['detention', 'torture'], eventDate: '2021-07-14' },
  { title: 'Administrative arrest, 15 days', personName: 'Marfa Rabkova', region: 'minsk-city', priority: 'normal', violations: ['administrative-arrest'], eventDate: '2020-09' },
  { title: 'Search of the family flat', personName: 'Ігар Лосік', region: 'brest', priority: 'low', violations: ['search'], eventDate: '2020' },
  { title: 'Held incommunicado in SIZO-1', personName: 'Мікалай Статкевіч', region: 'minsk-city', priority: 'urgent', violations: ['detention'], eventDate: '2020-05-31' },
  { title: '"Extremist" listing of a blogger', personName: 'Maryja Kalesnikava', region: 'gomel', priority: 'normal', violations: ['extremist-listing'], eventDate: '2022-11' },
  { title: 'Dismissal for a signature', personName: 'Павел Севярынец', region: 'mogilev', priority: 'low', violations: ['dismissal'], eventDate: '2021' },
  { title: 'Fine for a white-red-white flag', personName: 'Вольга Каралёва', region: 'vitebsk', priority: 'normal', violations: ['fine'], eventDate: '2023-03' },
] satisfies NewCase[];

describe('triage screen in Chromium, real backend bound in', () => {
  it('create vault → create a case → see it → sort → lock → unlock → the case is still there', async () => {
    app = await launchApp();
    const { page } = app;
    const secret = canary('E2ECANARY');

    await page.getByRole('button', { name: 'Create vault' }).waitFor();
    await createVaultThroughUi(page, 'Viasna Human Rights Centre');
    await page.getByText('No cases yet').waitFor();

    await call(app.backend, 'cases.createMany', { cases: seed });
    const chargeTitle = 'Criminal charge under Art. 342';
    await createCaseThroughUi(page, {
      title: chargeTitle,
      person: 'Siarhei Tsikhanouski',
      region: 'gomel',
      priority: 'urgent',
      summary: `Lawyer denied access ${secret}`,
    });
    await page.getByRole('button', { name: 'Close' }).click();
    const row = page.locator('tbody tr', { hasText: chargeTitle });
    await expect(row.innerText()).resolves.toMatch(/Siarhei Tsikhanouski/);
    await page.getByText('8 cases').waitFor();

    const priorityHeader = page.locator('th', { has: page.getByRole('button', { name: /Priority/ }) });
    await priorityHeader.getByRole('button').click();
    await expect.poll(() => priorityHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(async () => (await titlesInTable(page)).slice(0, 2).sort()).toEqual(
      [chargeTitle, 'Held incommunicado in SIZO-1'].sort(),
    );
    await priorityHeader.getByRole('button').click();
    await expect.poll(() => priorityHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(async () => (await titlesInTable(page)).slice(0, 2).sort()).toEqual(
      ['Dismissal for a signature', 'Search of the family flat'],
    );

    const titleHeader = page.locator('th', { has: page.getByRole('button', { name: /Title/ }) });
    await titleHeader.getByRole('button').click();
    await expect.poll(async () => (await titlesInTable(page))[0]).toBe('"Extremist" listing of a blogger');

    const shots = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : join(tmpdir(), 'caseboard-screenshots');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'triage.png') });

    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('button', { name: 'Unlock' }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(chargeTitle);
    await expect(app.invokeFromPage('cases.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    await page.getByLabel('Passphrase').fill('not the passphrase at all');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('That passphrase does not open this vault.').waitFor();

    await page.getByLabel('Passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.locator('tbody tr', { hasText: chargeTitle }).waitFor();
    await page.getByText('8 cases').waitFor();
    await expect(app.invokeFromPage('cases.list', {})).resolves.toMatchObject({
      ok: true,
      value: { rows: expect.arrayContaining([expect.objectContaining({ summary: `Lawyer denied access ${secret}` })]) },
    });

    await app.close();
    // SECURITY.md #11: the record never reached the data directory or the browser profile in the clear.
    expect(filesContaining(app.dataDir, secret)).toEqual([]);
    expect(filesContaining(app.profileDir, secret)).toEqual([]);
    app = null;
  });

  it('auto-locks after the idle limit: the unlock screen returns and the backend refuses calls', async () => {
    app = await launchApp();
    const { page } = app;
    await createVaultThroughUi(page, 'Viasna Human Rights Centre');
    await createCaseThroughUi(page, { title: 'Detention at Okrestina', person: 'Ales Pushkin', region: 'minsk-city', priority: 'high' });

    app.idle(9 * 60_000);
    await expect(app.invokeFromPage('status.get', {})).resolves.toMatchObject({ ok: true, value: { cases: 1 } });
    app.idle(10 * 60_000 + 1);
    await page.getByRole('button', { name: 'Unlock' }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain('Okrestina');
    await expect(app.invokeFromPage('cases.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('enforces the content security policy and lets no request leave (SECURITY.md #6, #7)', async () => {
    app = await launchApp();
    const { page } = app;
    await page.getByRole('button', { name: 'Create vault' }).waitFor();
    const violation = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true });
          const script = document.createElement('script');
          script.textContent = 'window.__injected = true';
          document.body.append(script);
        }),
    );
    expect(violation).toMatch(/script-src/);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    await expect(page.evaluate(() => fetch('https://example.org/').then(() => 'reached', (e: Error) => e.name))).resolves.toBe('TypeError');
    await expect(app.invokeFromPage('cases.drop', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});
