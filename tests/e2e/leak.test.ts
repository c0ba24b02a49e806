/**
 * The leak test (SECURITY.md #11): a scripted session puts a unique canary into every place a case's data
 * goes — typed into forms, imported from a spreadsheet, exported, attached, backed up, packaged, sent to
 * and received from a partner office in bundles — then
 * locks, closes the browser and searches every file it could have reached for the canary in UTF-8,
 * UTF-16LE/BE and base64 at every alignment: the data directory, this computer's state directory, the
 * browser profile, the browser's own TMPDIR, and every file under the OS temp directory written since the
 * session began (other processes write there too; their files are read as well, since the canary is ours
 * alone and cannot appear in them by chance). Only the files the person chose to write out in plaintext,
 * in the folder the save dialog points at, may hold it — and must, or the scan would prove nothing.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createVaultThroughUi } from './screens';
import { launchApp, type App } from './harness';
import { call } from '../fixtures/backend';
import { exportFor, importInto, syncOffice, type SyncOffice } from '../fixtures/sync';
import { defaultPolicy } from '../../shared/sync/policy';
import { bufferContainsAny, canary, canaryForms, filesContaining, removeTempDirs, tempDir } from '../fixtures/data-dir';

let app: App | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
  removeTempDirs();
});

interface Session {
  app: App;
  page: Page;
  secret: string;
  /** A folder outside the scan for files the person brings in (the spreadsheet to import). */
  documents: string;
}

interface SessionStep {
  name: string;
  run(session: Session): Promise<void>;
}

async function openCase(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Back to cases' }).or(page.getByRole('button', { name: 'New case' })).first().waitFor();
  await page.locator('tbody tr', { hasText: title }).first().click();
  await page.getByRole('heading', { name: title, level: 2 }).waitFor();
}

/** Everything a day's work does with a case's data; a new file format is one more step here. */
const steps: SessionStep[] = [
  {
    name: 'create the vault',
    run: async ({ page }) => createVaultThroughUi(page),
  },
  {
    name: 'add cases through the form',
    run: async ({ page, secret }) => {
      for (const n of [1, 2]) {
        if (!(await page.getByLabel('Title').isVisible())) await page.getByRole('button', { name: 'New case' }).click();
        await page.getByLabel('Title').fill(`Detention ${n} ${secret}`);
        await page.getByLabel('Person name').fill(`Алесь ${secret}`);
        await page.getByLabel('Region').selectOption('grodno');
        await page.getByLabel('Priority').selectOption('urgent');
        await page.getByLabel('Summary').fill(`Held in SIZO-1, ${secret}`);
        await page.getByRole('button', { name: 'Create case' }).click();
        await page.locator('tbody tr', { hasText: `Detention ${n} ${secret}` }).waitFor();
      }
    },
  },
  {
    name: 'import a spreadsheet',
    run: async ({ page, secret, documents }) => {
      const file = join(documents, 'register.csv');
      writeFileSync(file, `Title,Person,Region,Priority\nSearch of the flat ${secret},Ігар ${secret},Brest,low\n`);
      await page.getByRole('button', { name: 'Import spreadsheet' }).click();
      await page.getByLabel('Spreadsheet file').setInputFiles(file);
      await page.getByRole('button', { name: 'Import 1 case' }).click();
      await page.getByText('Imported 1 case.').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'export the view to a spreadsheet',
    run: async ({ page }) => {
      for (const format of ['CSV', 'XLSX (Excel)']) {
        await page.getByRole('button', { name: 'Export view' }).click();
        await page.getByRole('button', { name: format, exact: true }).click();
        await page.getByRole('button', { name: 'Export anyway' }).click();
        await page.getByText(/^Exported 3 cases/).waitFor();
      }
    },
  },
  {
    name: 'attach a file and save a copy',
    run: async ({ page, secret, documents }) => {
      await openCase(page, `Detention 1 ${secret}`);
      const file = join(documents, 'statement.txt');
      writeFileSync(file, `Statement of the witness: ${secret}`);
      await page.getByLabel('Add attachment').setInputFiles(file);
      await page.getByText('statement.txt', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Save a copy of statement.txt' }).click();
      await page.getByRole('button', { name: 'Save anyway' }).click();
      await page.getByText(/^Saved a copy of “statement\.txt”/).waitFor();
    },
  },
  {
    name: 'save an evidence package',
    run: async ({ page }) => {
      await page.getByRole('button', { name: 'Evidence package…' }).click();
      await page.getByRole('button', { name: 'Save unencrypted' }).click();
      await page.getByText(/^Evidence package saved \(not encrypted\)/).waitFor();
      await page.getByRole('button', { name: 'Back to cases' }).click();
    },
  },
  {
    name: 'take an encrypted backup',
    run: async ({ page }) => {
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Backup passphrase', { exact: true }).fill('a separate backup passphrase, kept offsite');
      await page.getByLabel('Confirm backup passphrase').fill('a separate backup passphrase, kept offsite');
      await page.getByRole('button', { name: 'Create backup' }).click();
      await page.getByText(/^Backup saved: /).waitFor();
    },
  },
  {
    name: 'exchange signed bundles with a partner office',
    run: async ({ app, page, secret, documents }) => {
      // The partner runs beside the browser, its vault in the OS temp directory the scan reads.
      const partner = await syncOffice('Brest Watch');
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Partners' }).click();
      await page.getByRole('button', { name: 'Save office card…' }).click();
      await page.getByText(/Office card saved to/).waitFor();
      await call(partner.backend, 'partners.add', { card: readFileSync(join(app.exportDir, 'caseboard-office-card.json'), 'utf8'), fingerprintConfirmed: true });
      await call(partner.backend, 'sync.saveCard', {});
      const card = join(documents, 'brest-watch.card.json');
      writeFileSync(card, partner.last());
      await page.getByRole('button', { name: 'Add partner…' }).click();
      const adding = page.getByRole('dialog', { name: 'Add a partner office' });
      await adding.getByLabel('Office card file').setInputFiles(card);
      await adding.getByLabel('I compared these digits with Brest Watch and they are the same.').check();
      await adding.getByRole('button', { name: 'Add partner' }).click();
      await page.getByText('Brest Watch added as a partner.').waitFor();
      // This session's cases carry no consent to share: the policy for this partner does not ask for it.
      const brest = (await call(app.backend, 'partners.list', {})).find((p) => p.name === 'Brest Watch')!;
      await call(app.backend, 'partners.setPolicy', { id: brest.id, policy: { ...defaultPolicy, requireConsent: false, entities: ['case', 'person', 'attachment'] } });
      await page.getByRole('button', { name: 'Export a bundle for Brest Watch' }).click();
      const exporting = page.getByRole('dialog', { name: 'Export a bundle' });
      await exporting.getByRole('button', { name: 'Save bundle…' }).click();
      const saved = (await exporting.getByText(/^Bundle for .* saved to /).innerText()).replace(/^Bundle for .* saved to /, '').replace(/\. Hand it over.*$/, '');
      await exporting.getByRole('button', { name: 'Close' }).click();
      const received = await importInto(partner, readFileSync(saved));
      expect(received.records.case?.created).toBe(3);
      // The partner answers with a case of its own, naming the canary too.
      await call(partner.backend, 'cases.create', { title: `Fined for a post ${secret}`, personName: `Марына ${secret}`, region: 'brest', priority: 'normal', consentShare: true });
      const answer = join(documents, 'from-brest.age');
      writeFileSync(answer, await exportFor(partner, { name: 'Viasna' } as SyncOffice));
      await page.getByRole('button', { name: 'Import bundle…' }).click();
      const importing = page.getByRole('dialog', { name: 'Import a bundle' });
      await importing.getByLabel('Bundle file').setInputFiles(answer);
      await importing.getByRole('heading', { name: 'Imported from Brest Watch' }).waitFor();
      await importing.getByRole('button', { name: 'Close' }).click();
      partner.backend.lockNow('user');
    },
  },
  {
    name: 'lock',
    run: async ({ page }) => {
      await page.keyboard.press('Control+Shift+L');
      await page.getByRole('button', { name: 'Unlock' }).waitFor();
    },
  },
];

/** Every regular file below `dir` (skipping what vanished or cannot be read), or only those changed since `since`. */
function filesBelow(dir: string, since = 0): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    let names: string[];
    try {
      names = readdirSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EACCES' || (error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const name of names) {
      const path = join(current, name);
      let stats;
      try {
        stats = statSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EACCES') continue;
        throw error;
      }
      if (stats.isDirectory()) walk(path);
      else if (stats.isFile() && stats.mtimeMs >= since) found.push(path);
    }
  };
  walk(dir);
  return found;
}

function containing(paths: string[], forms: Buffer[]): string[] {
  return paths.filter((path) => {
    try {
      return bufferContainsAny(readFileSync(path), forms);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') return false;
      throw error;
    }
  });
}

describe('leak scan after a scripted session', () => {
  it('finds the canary nowhere but in the files the person chose to write out', async () => {
    const started = Date.now() - 1000;
    const secret = canary('LEAKCANARY');
    const documents = tempDir('caseboard-e2e-documents-');
    app = await launchApp();
    const session: Session = { app, page: app.page, secret, documents };
    for (const step of steps) {
      try {
        await step.run(session);
      } catch (error) {
        throw new Error(`session step "${step.name}" failed: ${(error as Error).message}`);
      }
    }
    expect(await call(app.backend, 'vault.state', {})).toEqual({ state: 'locked' });
    const { dataDir, stateDir, profileDir, browserTempDir, exportDir } = app;
    await app.close();
    app = null;

    const forms = canaryForms(secret);
    // The control: the uncompressed plaintext files the person confirmed do hold it, so the scan can see it
    // (XLSX and zip files are deflated; the backup is encrypted and must not).
    const written = filesBelow(exportDir).map((path) => relative(exportDir, path));
    expect(written).toEqual(expect.arrayContaining([expect.stringMatching(/\.xlsx$/), expect.stringMatching(/^evidence-.*\.zip$/), expect.stringMatching(/^caseboard-backup-.*\.age$/)]));
    const chosen = containing(filesBelow(exportDir), forms).map((path) => relative(exportDir, path)).sort();
    expect(chosen).toEqual([expect.stringMatching(/^caseboard-cases-.*\.csv$/), 'statement.txt']);

    for (const [where, dir] of [['data directory', dataDir], ['state directory', stateDir], ['browser profile', profileDir], ['browser TMPDIR', browserTempDir]] as const) {
      expect(filesBelow(dir).length, `${where} was scanned`).toBeGreaterThanOrEqual(where === 'data directory' || where === 'browser profile' ? 1 : 0);
      expect(filesContaining(dir, secret), where).toEqual([]);
    }
    const outside = [exportDir, documents].map((dir) => dir + sep);
    const recentTemp = filesBelow(tmpdir(), started).filter((path) => !outside.some((dir) => path.startsWith(dir)));
    expect(recentTemp.length).toBeGreaterThan(0);
    expect(containing(recentTemp, forms)).toEqual([]);
  });
});
