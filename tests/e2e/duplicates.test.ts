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

describe('duplicates in Chromium', () => {
  it('reviews the queue, merges two records so both cases show under one person, and unmerges', async () => {
    app = await launchApp();
    const { page, backend } = app;
    await createVaultThroughUi(page);
    const { ids } = await call(backend, 'cases.createMany', {
      cases: [
        { title: 'Detention in Minsk', personName: 'Алесь Бяляцкі', region: 'minsk-city', priority: 'high' },
        { title: 'Search of the office', personName: 'Ales Bialiatski', region: 'minsk-city', priority: 'normal' },
        { title: 'Fine for a flag', personName: 'Ігар Лосік', region: 'brest', priority: 'low' },
      ],
    });
    const [first, second] = (await Promise.all(ids.slice(0, 2).map(async (id) => (await call(backend, 'cases.get', { id })).persons[0]!.personId))) as [string, string];

    await page.getByRole('button', { name: 'Duplicates' }).click();
    await page.getByRole('heading', { level: 2, name: 'Possible duplicates' }).waitFor();
    await page.getByText('Not checked yet.').waitFor();
    await page.getByRole('button', { name: 'Check for duplicates' }).click();
    const pair = page.getByRole('button', { name: 'Алесь Бяляцкі and Ales Bialiatski' });
    await pair.waitFor();
    await page.getByText('Checked: 1 possible duplicates.').waitFor();
    expect(await page.getByRole('list', { name: 'Queue' }).getByRole('listitem').count()).toBe(1);

    // Side by side: the differing fields are marked, the reasons read as sentences.
    const table = page.locator('.comparison-table');
    await table.waitFor();
    const familyRow = table.getByRole('row', { name: /Family name/ });
    expect(await familyRow.getAttribute('class')).toBe('differs');
    expect(await familyRow.getByRole('cell').allTextContents()).toEqual(['Бяляцкі', 'Bialiatski']);
    expect(await table.getByRole('row', { name: /Region/ }).getAttribute('class')).toBeNull();
    await page.getByText('Surname: the same, one written in Belarusian passport spelling').waitFor();
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/duplicates.png' });

    await page.getByRole('button', { name: 'Merge: same person' }).click();
    await page.getByText('Merged: Алесь Бяляцкі and Ales Bialiatski are now one person.').waitFor();
    await page.getByText('No likely duplicates.').waitFor();
    expect((await call(backend, 'persons.group', { id: second })).members.map((m) => m.id).sort()).toEqual([first, second].sort());

    // The person, opened from the cases: both records' cases under one person.
    await page.getByRole('button', { name: 'Cases' }).click();
    await page.getByRole('button', { name: 'Search of the office', exact: true }).click();
    await page.getByRole('button', { name: 'Open Ales Bialiatski' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ales Bialiatski' }).waitFor();
    await page.getByRole('button', { name: 'Open case Detention in Minsk' }).waitFor();
    await page.getByRole('button', { name: 'Open case Search of the office' }).waitFor();
    await page.getByText('main record').waitFor();

    await page.getByRole('button', { name: 'Unmerge Алесь Бяляцкі' }).click();
    await page.getByText('Алесь Бяляцкі is a separate person again.').waitFor();
    await page.getByRole('button', { name: 'Open case Detention in Minsk' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Open case Search of the office' }).waitFor();
    await page.getByText('No other record is merged with this one.').waitFor();
    expect((await call(backend, 'persons.group', { id: second })).members.map((m) => m.id)).toEqual([second]);
  });

  it('warns on the case form when the person likely exists already', async () => {
    app = await launchApp();
    const { page, backend } = app;
    await createVaultThroughUi(page);
    await call(backend, 'persons.create', { givenName: 'Мікалай', familyName: 'Статкевіч', birthDate: '1956' });
    await page.reload();
    await page.getByRole('button', { name: 'Lock' }).waitFor();
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByLabel('Person name').fill('Николай Статкевич');
    await page.getByText('This person may already be recorded:').waitFor();
    await page.getByText(/Мікалай Статкевіч — \d+ % alike/).waitFor();
    await page.getByLabel('Person name').fill('Ганна Кавалёва');
    await page.getByText('This person may already be recorded:').waitFor({ state: 'detached' });
  });
});
