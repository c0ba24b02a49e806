import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type App } from './harness';
import { createVaultThroughUi } from './screens';
import { call } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs } from '../fixtures/data-dir';

let app: App | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
  removeTempDirs();
});

describe('choosing and typing passphrases in Chromium', () => {
  it('shows the strength estimate while typing and refuses a weak passphrase before sending it', async () => {
    app = await launchApp();
    const { page, backend } = app;
    await page.getByRole('button', { name: 'Create vault' }).waitFor();
    await page.getByLabel('Office name').fill('Viasna');
    await page.getByLabel('Your name').fill('Nasta Loika');
    const field = page.getByLabel('Passphrase', { exact: true });

    await field.fill('password1234');
    const meter = page.locator(`[id="${await field.getAttribute('aria-details')}"]`);
    await meter.getByText('Not strong enough yet: add more unrelated words.').waitFor();
    expect(await meter.innerText()).toContain('Strength: Weak');
    expect(await meter.innerText()).toContain('This is close to a commonly used password.');
    expect(await meter.innerText()).toContain('Add more words, less common ones.');
    await page.getByLabel('Confirm passphrase').fill('password1234');
    await page.getByRole('button', { name: 'Create vault' }).click();
    await page.getByText('This passphrase is too easy to guess. Add more unrelated words.').waitFor();
    expect(await call(backend, 'vault.state', {})).toEqual({ state: 'none' });

    // The office's own name counts as a known word.
    await field.fill('Viasna Nasta Loika');
    await meter.getByText('Not strong enough yet: add more unrelated words.').waitFor();

    await field.fill(PASSPHRASE);
    await meter.getByText('Strong enough.').waitFor();
    expect(await meter.innerText()).toContain('Strength: Strong');
    expect(await meter.innerText()).toMatch(/would need about (centuries|[\d,]+ years) to guess it/);
    await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create vault' }).click();
    await page.getByRole('button', { name: 'Lock' }).waitFor();

    // In Belarusian the estimate and its advice are Belarusian too.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Interface language').selectOption('be');
    const next = page.getByLabel('Новая парольная фраза', { exact: true });
    await next.fill('qwertyuiopasdf');
    const beMeter = page.locator(`[id="${await next.getAttribute('aria-details')}"]`);
    await beMeter.getByText('Пакуль недастаткова надзейная: дадайце яшчэ некалькі не звязаных паміж сабой слоў.').waitFor();
    expect(await beMeter.innerText()).toContain('Надзейнасць: Слабая');
    await page.getByLabel('Мова інтэрфейсу').selectOption('en');
  });

  it('after three wrong passphrases the unlock screen makes the person wait, and says for how long', async () => {
    app = await launchApp();
    const { page } = app;
    await page.getByRole('button', { name: 'Create vault' }).waitFor();
    await call(app.backend, 'vault.create', { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE });
    await call(app.backend, 'vault.lock', {});
    await page.reload();
    const unlock = page.getByRole('button', { name: 'Unlock' });
    for (let i = 0; i < 3; i++) {
      await page.getByLabel('Passphrase').fill(`wrong passphrase number ${i}`);
      await unlock.click();
      await page.getByText('That passphrase does not open this vault.').waitFor();
    }
    await page.getByText(/^Too many wrong passphrases\. The next try is possible in [1-5] seconds?\.$/).waitFor();
    expect(await unlock.isDisabled()).toBe(true);
    // The wait survives a reload: it is counted by the backend, outside the vault.
    await page.reload();
    await page.getByText(/^Too many wrong passphrases\. The next try is possible in/).waitFor();
    await page.getByText(/^Too many wrong passphrases/).waitFor({ state: 'detached', timeout: 10_000 });
    app.idle(5_000);
    await page.getByLabel('Passphrase').fill(PASSPHRASE);
    await unlock.click();
    await page.getByRole('button', { name: 'Lock' }).waitFor();
  });

  it('an admin sets a duress passphrase that opens an empty vault of the same office', async () => {
    app = await launchApp();
    const { page, backend } = app;
    await createVaultThroughUi(page);
    await call(backend, 'cases.create', { title: 'Detained after the vigil', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'high' });
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Duress passphrase' }).waitFor();
    await page.getByText('No duress passphrase is set.').waitFor();
    await page.getByLabel(/^Empty vault/).check();
    await page.getByLabel('Name in the empty vault').fill('Hanna');
    await page.getByLabel('Duress passphrase', { exact: true }).fill('quiet river under the old bridge');
    await page.getByLabel('Confirm duress passphrase').fill('quiet river under the old bridge');
    await page.getByLabel('Your current passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Set duress passphrase' }).click();
    await page.getByText('Duress passphrase set.').waitFor();
    await page.getByText('A duress passphrase is set: it opens an empty vault.').waitFor();

    await page.keyboard.press('Control+Shift+L');
    await page.getByLabel('Passphrase').fill('quiet river under the old bridge');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('No cases yet').waitFor();
    expect(await call(backend, 'status.get', {})).toMatchObject({ office: 'Viasna', cases: 0, user: { name: 'Hanna' } });
  });
});
