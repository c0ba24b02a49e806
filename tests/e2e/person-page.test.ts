import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createVaultThroughUi } from './screens';
import { launchApp, type App } from './harness';
import { call } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs } from '../fixtures/data-dir';
import { signInAs } from '../fixtures/staff';
import type { NewCase } from '../../shared/domain/cases';

let app: App | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
  removeTempDirs();
});

const seed: NewCase[] = [
  { title: 'Detained after the vigil in Hrodna', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'high', violations: ['detention'], eventDate: '2021-07-14' },
  { title: 'Search of the family flat', personName: 'Ігар Лосік', region: 'brest', priority: 'low', violations: ['search'], eventDate: '2020' },
];
const TITLE = seed[0]!.title;
const NAME = 'Алесь Бяляцкі';

async function openVault(): Promise<{ app: App; page: Page; caseId: string; personId: string }> {
  const opened = await launchApp();
  const { page, backend } = opened;
  await createVaultThroughUi(page);
  const { ids } = await call(backend, 'cases.createMany', { cases: seed });
  const caseId = ids[0]!;
  const personId = (await call(backend, 'cases.get', { id: caseId })).persons[0]!.personId;
  await page.reload();
  await page.getByText('2 cases').waitFor();
  return { app: opened, page, caseId, personId };
}

async function openCase(page: Page): Promise<void> {
  await page.getByRole('button', { name: TITLE, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
}

async function openPerson(page: Page): Promise<void> {
  await page.getByRole('button', { name: `Open ${NAME}` }).click();
  await page.getByRole('heading', { level: 2, name: NAME }).waitFor();
}

describe('person page in Chromium', () => {
  it('edits a person, rejects a bad birth date, adds and removes a relative, and goes back to the case', async () => {
    const opened = await openVault();
    app = opened.app;
    const { page, personId, caseId } = opened;
    const backend = app.backend;

    await openCase(page);
    await openPerson(page);
    // The name in its own script, the Latin spelling read-only.
    expect(await page.getByLabel('Given name').inputValue()).toBe('Алесь');
    expect(await page.getByLabel('Family name').inputValue()).toBe('Бяляцкі');
    const latin = page.getByLabel('Latin spelling');
    expect(await latin.getAttribute('readonly')).not.toBeNull();
    expect(await latin.inputValue()).toMatch(/Bia?liatski/i);
    // The person's cases: reference, title and role.
    await page.getByRole('button', { name: `Open case ${TITLE}` }).waitFor();

    // Edit the birth date and a status flag; only those fields change.
    const before = await call(backend, 'persons.get', { id: personId });
    await page.getByLabel('Birth date').fill('1962-09');
    await page.getByRole('checkbox', { name: 'Recognised political prisoner' }).check();
    await page.getByRole('button', { name: 'Save person' }).click();
    await page.getByText('Person saved.').waitFor();
    const saved = await call(backend, 'persons.get', { id: personId });
    expect(saved.birthDate).toBe('1962-09');
    expect(saved.flags).toEqual({ ...before.flags, politicalPrisoner: true });
    expect({ ...saved, birthDate: null, flags: null, updatedAt: null, group: null }).toEqual({ ...before, birthDate: null, flags: null, updatedAt: null, group: null });

    // An impossible month: the message shows and nothing is stored.
    await page.getByLabel('Birth date').fill('1962-13');
    await page.getByRole('button', { name: 'Save person' }).click();
    await page.getByRole('alert').filter({ hasText: 'Birth date: use YYYY, YYYY-MM or YYYY-MM-DD' }).waitFor();
    expect(await page.getByLabel('Birth date').getAttribute('aria-invalid')).toBe('true');
    expect(await call(backend, 'persons.get', { id: personId })).toEqual(saved);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await page.getByLabel('Birth date').inputValue()).toBe('1962-09');

    // A relative recorded in Cyrillic, found by a Latin spelling, added as spouse.
    const wife = await call(backend, 'persons.create', { givenName: 'Наталля', familyName: 'Пінчук' });
    await page.getByLabel('Relation', { exact: true }).selectOption({ label: 'Spouse' });
    await page.getByLabel('Find a relative').fill('Pinchuk');
    await page.getByRole('button', { name: 'Add relative Наталля Пінчук' }).click();
    await page.getByRole('button', { name: 'Remove relative Наталля Пінчук' }).waitFor();
    expect((await call(backend, 'persons.get', { id: personId })).relatives).toEqual([
      { personId: wife.id, displayName: 'Наталля Пінчук', relation: 'spouse' },
    ]);

    // Removed again.
    await page.getByRole('button', { name: 'Remove relative Наталля Пінчук' }).click();
    await page.getByText('No relatives recorded.').waitFor();
    expect((await call(backend, 'persons.get', { id: personId })).relatives).toEqual([]);

    // Back returns to the case the person was opened from.
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    expect((await call(backend, 'cases.get', { id: caseId })).persons.map((p) => p.personId)).toEqual([personId]);
  });

  it('saves an unencrypted copy of an attachment only after a warning', async () => {
    const opened = await openVault();
    app = opened.app;
    const { page, caseId } = opened;
    const bytes = Buffer.from('%PDF-1.4\nprotocol of detention, Hrodna\n\u0000\u00ff binary tail', 'latin1');
    await openCase(page);
    await page.getByText('No attachments.').waitFor();
    await call(app.backend, 'attachments.add', { caseId, fileName: 'protocol.pdf', mediaType: 'application/pdf', dataBase64: bytes.toString('base64') });
    await page.reload();
    await openCase(page);
    await page.getByRole('button', { name: 'Save a copy of protocol.pdf' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('The copy is NOT encrypted. Anyone who gets the file can read it. Save anyway?').waitFor();
    await dialog.getByRole('button', { name: 'Save anyway' }).click();
    const message = page.getByRole('status').filter({ hasText: 'Saved a copy of “protocol.pdf” to ' });
    await message.waitFor();
    const path = (await message.innerText()).replace(/^.*? to /s, '').trim();
    expect(path).toMatch(/protocol\.pdf$/);
    expect(readFileSync(path).equals(bytes)).toBe(true);

    // Cancelling the warning saves nothing.
    await page.getByRole('button', { name: 'Save a copy of protocol.pdf' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('shows a viewer the person read-only', async () => {
    const opened = await openVault();
    app = opened.app;
    const { page } = opened;
    await call(app.backend, 'vault.lock', {});
    await signInAs(app.backend, PASSPHRASE, 'Valiantsin Stefanovic', 'viewer');
    await page.reload();
    await page.getByText('2 cases').waitFor();

    await openCase(page);
    await openPerson(page);
    await page.getByText('Your role can read this person’s record but not change it.').waitFor();
    expect(await page.getByRole('button', { name: 'Save person' }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByLabel('Find a relative').count()).toBe(0);
    await page.getByRole('button', { name: `Open case ${TITLE}` }).click();
    await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
  });
});
