import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createVaultThroughUi } from './screens';
import { launchApp, type App } from './harness';
import { call } from '../fixtures/backend';
import { removeTempDirs, tempDir } from '../fixtures/data-dir';

let app: App | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
  removeTempDirs();
});

function documentedScript(): string {
  const doc = readFileSync('docs/evidence-package.md', 'utf8');
  return /```sh\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf('## Checking a package')))![1]!;
}

describe('evidence package from the case page', () => {
  it('warns that a zip is not encrypted, offers encryption, and saves a package the documented check accepts', async () => {
    app = await launchApp();
    const { page, backend } = app;
    await createVaultThroughUi(page);
    const created = await call(backend, 'cases.create', { title: 'Detained after the vigil in Hrodna', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'high' });
    await call(backend, 'attachments.add', { caseId: created.id, fileName: 'ruling.pdf', dataBase64: Buffer.from('%PDF ruling').toString('base64') });
    await page.reload();
    await page.locator('tbody tr', { hasText: 'Detained after the vigil' }).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Detained after the vigil in Hrodna', level: 2 }).waitFor();

    await page.getByRole('button', { name: 'Evidence package…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save an evidence package' });
    await dialog.getByText(/A plain zip is NOT encrypted/).waitFor();
    // Cancelling writes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await call(backend, 'audit.list', { entityId: created.id })).rows.map((r) => r.method)).not.toContain('cases.exportEvidence');

    await page.getByRole('button', { name: 'Evidence package…' }).click();
    await dialog.getByLabel('Package passphrase').fill('lawyer1234567');
    await dialog.getByText('Not strong enough yet: add more unrelated words.').waitFor();
    await dialog.getByRole('button', { name: 'Save encrypted' }).click();
    await dialog.getByText('This passphrase is too easy to guess. Add more unrelated words.').waitFor();
    await dialog.getByLabel('Package passphrase').fill('');
    await dialog.getByRole('button', { name: 'Save unencrypted' }).click();
    const saved = page.getByText(/^Evidence package saved \(not encrypted\): /);
    await saved.waitFor();
    const path = (await saved.innerText()).replace(/^Evidence package saved \(not encrypted\): /, '').trim();
    expect(path).toMatch(new RegExp(`evidence-${created.reference}\\.zip$`));

    const dir = tempDir('caseboard-e2e-evidence-');
    execFileSync('unzip', ['-q', path, '-d', dir]);
    const [folder] = readdirSync(dir);
    const checked = spawnSync('bash', ['-c', documentedScript()], { cwd: join(dir, folder!), encoding: 'utf8' });
    expect(checked.stdout).toMatch(/files: OK\nchain links: OK \(\d+ entries\)\nchain head: OK/);
    expect(checked.status).toBe(0);
    expect(dirname(path)).not.toBe(app.dataDir);
  });

  it('copies the reference and the name to the clipboard, and takes them off again', async () => {
    app = await launchApp();
    const { page, backend } = app;
    await createVaultThroughUi(page);
    const created = await call(backend, 'cases.create', { title: 'Search of the family flat', personName: 'Ігар Лосік', region: 'brest', priority: 'low' });
    await page.reload();
    await page.locator('tbody tr', { hasText: 'Search of the family flat' }).click();
    await page.getByRole('heading', { name: 'Search of the family flat', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Copy the case reference' }).click();
    await page.getByText('Copied. It leaves the clipboard in 3 seconds, and when the vault locks.').first().waitFor();
    expect(app.clipboard.text).toBe(created.reference);
    await expect.poll(() => app!.clipboard.text, { timeout: 10_000 }).toBe('');
    await page.getByRole('button', { name: 'Copy the name Ігар Лосік' }).click();
    await expect.poll(() => app!.clipboard.text).toBe('Ігар Лосік');
    await page.keyboard.press('Control+Shift+L');
    await page.getByRole('button', { name: 'Unlock' }).waitFor();
    await expect.poll(() => app!.clipboard.text).toBe('');
  });
});
