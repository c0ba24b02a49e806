import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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

const ONE_TIME = 'one-time passphrase for Ales';
const ALES_OWN = 'Ales chooses his own 2026';

/** Every Content-Security-Policy violation the page reports, from the first script on. */
async function watchCsp(page: Page) {
  await page.context().addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`));
  });
  await page.reload();
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

async function addCoordinatorThroughUi(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Full name').fill('Ales Bialiatski');
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Coordinator' });
  await page.getByLabel('One-time passphrase').fill(ONE_TIME);
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await page.getByText('Ales Bialiatski added.').waitFor();
}

async function signIn(page: Page, passphrase: string) {
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

describe('aid in the browser', () => {
  it('request → approval by a second user → payment → the report and the person page show it', async () => {
    app = await launchApp();
    const { page, backend } = app;
    await createVaultThroughUi(page);
    const violations = await watchCsp(page);
    await page.getByRole('button', { name: 'Lock' }).waitFor();
    const { ids } = await call(backend, 'cases.createMany', { cases: [{ title: 'Detained after the vigil', personName: 'Наталля Пінчук', region: 'grodno', priority: 'high' }] });
    await addCoordinatorThroughUi(page);

    // The admin sets up a programme and requests a disbursement.
    await page.getByRole('button', { name: 'Aid', exact: true }).click();
    await page.getByRole('button', { name: 'Programmes' }).click();
    await page.getByRole('button', { name: 'New programme' }).click();
    const programmeForm = page.getByRole('form', { name: 'New programme' });
    await programmeForm.getByLabel('Name').fill('Families 2026');
    await programmeForm.getByLabel('Donor').fill('Civil Rights Defenders');
    await programmeForm.getByLabel('Budget').fill('1000.00');
    await programmeForm.getByLabel('Starts').fill('2026-01-01');
    await programmeForm.getByLabel('Ends').fill('2026-12-31');
    await programmeForm.getByLabel('Four-eyes threshold').fill('100.00');
    await programmeForm.getByRole('button', { name: 'Create programme' }).click();
    await page.getByText('Families 2026 · Civil Rights Defenders · 1000.00 EUR').waitFor();

    await page.getByRole('button', { name: 'New disbursement' }).click();
    await page.getByLabel('Recipient', { exact: true }).fill('Pinchuk');
    await page.getByRole('button', { name: 'Choose' }).click();
    await page.getByText('Recipient: Наталля Пінчук').waitFor();
    await page.getByLabel('Linked case').selectOption({ index: 1 });
    await page.getByLabel('Amount', { exact: true }).fill('250.00');
    await page.getByLabel('Purpose').fill('Lawyer for the appeal');
    await page.getByLabel('Aid type').selectOption({ label: 'Legal fees' });
    await page.getByLabel('Method').selectOption({ label: 'Payment to lawyer' });
    await page.getByLabel('Value date').fill('2026-03-02');
    await page.getByRole('button', { name: 'Request', exact: true }).click();
    await page.getByRole('heading', { name: '250.00 EUR to Наталля Пінчук' }).waitFor();
    // Above the threshold the requester cannot approve, and an admin is no second pair of eyes.
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(/needs approval by a second coordinator/).waitFor();

    // The coordinator signs in with the one-time passphrase, chooses their own, and approves from the queue.
    await signIn(page, ONE_TIME);
    await page.getByLabel('One-time passphrase').fill(ONE_TIME);
    await page.getByLabel('New passphrase', { exact: true }).fill(ALES_OWN);
    await page.getByLabel('Confirm new passphrase').fill(ALES_OWN);
    await page.getByRole('button', { name: 'Set my passphrase' }).click();
    await page.getByRole('button', { name: 'Aid', exact: true }).click();
    await page.getByRole('button', { name: 'Approval queue' }).click();
    const item = page.locator('.aid-queue-item', { hasText: 'Наталля Пінчук' });
    await item.getByText('Needs a second coordinator').waitFor();
    await item.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Nothing is waiting for approval.').waitFor();

    // Paid from the ledger table: the row opens the disbursement.
    await page.getByRole('button', { name: 'Disbursements' }).click();
    await page.getByRole('table').getByText('Наталля Пінчук').click();
    await page.getByRole('button', { name: 'Mark as paid' }).click();
    await page.getByLabel('Payment reference').fill('BANK-2026-0302');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('This payment is final.', { exact: false }).waitFor();
    const status = await page.locator('.read-item', { hasText: 'Status' }).locator('dd').innerText();
    expect(status).toBe('Paid');
    expect(await page.locator('.read-item', { hasText: 'Approved' }).locator('dd').innerText()).toMatch(/^Ales Bialiatski, /);

    // The report counts it, with a chart drawn inside the CSP.
    await page.getByRole('button', { name: 'Reports' }).click();
    const total = page.locator('.aid-total');
    await total.waitFor();
    expect(await total.innerText()).toMatch(/Total\s+1\s+250\.00\s+EUR/);
    await page.locator('.aid-chart svg.recharts-surface').first().waitFor();
    await page.getByLabel('Group by').selectOption({ label: 'Aid type' });
    await page.locator('.aid-report-table td', { hasText: 'Legal fees' }).waitFor();
    await page.getByLabel('Convert totals to').selectOption('BYN');
    await page.getByLabel('1 EUR = ? BYN').fill('3.4521');
    await page.getByText('Converted at the rates entered (rounded half to even, once per currency): 863.02 BYN').waitFor();
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/aid-report.png' });

    // The programme page shows the burn-down.
    await page.getByRole('button', { name: 'Programmes' }).click();
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByText('25.0 % of the budget used').waitFor();
    await page.locator('.aid-chart svg.recharts-surface').first().waitFor();

    // The case and the person carry the aid history.
    await page.getByRole('button', { name: 'Cases', exact: true }).click();
    await page.getByRole('button', { name: 'Detained after the vigil', exact: true }).click();
    const caseAid = page.locator('.aid-history');
    await caseAid.getByText('Paid: 250.00 EUR').waitFor();
    await page.getByRole('button', { name: 'Open Наталля Пінчук' }).click();
    await page.locator('.aid-history').getByText('2026-03-02 · 250.00 EUR · Legal fees · Paid · Families 2026').waitFor();

    expect(await violations()).toEqual([]);
    const paid = await call(backend, 'aid.disbursements.list', { filter: { status: ['paid'] } });
    expect(paid.rows).toEqual([expect.objectContaining({ caseId: ids[0], amount: '250.00', requestedBy: expect.objectContaining({ name: 'Nasta Loika' }), approvedBy: expect.objectContaining({ name: 'Ales Bialiatski' }) })]);
  });

  it('saves the ledger’s filter and sort as a view, re-applies it after a built-in one, and deletes it', async () => {
    app = await launchApp();
    const { page, backend } = app;
    await createVaultThroughUi(page);
    const { ids } = await call(backend, 'persons.createMany', { persons: [{ name: 'Наталля Пінчук', region: 'grodno' }, { name: 'Ігар Лосік', region: 'brest' }] });
    const [natallia, ihar] = ids as [string, string];
    const programme = await call(backend, 'aid.programmes.create', { name: 'Families 2026', donor: 'Libereco', currency: 'EUR', budget: '1000.00', startsOn: '2026-01-01', endsOn: '2026-12-31', fourEyesThreshold: '500.00' });
    const base = { programmeId: programme.id, currency: 'EUR', type: 'parcel', method: 'parcel', date: '2026-03-02' } as const;
    await call(backend, 'aid.disbursements.create', { ...base, recipientId: natallia, amount: '40.00' });
    const { disbursement: approved } = await call(backend, 'aid.disbursements.create', { ...base, recipientId: ihar, amount: '60.00' });
    await call(backend, 'aid.disbursements.approve', { id: approved.id });

    await page.getByRole('button', { name: 'Aid', exact: true }).click();
    const table = page.getByRole('table');
    await table.getByText('Наталля Пінчук').waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Approved' });
    await page.getByRole('heading', { name: '1 disbursement' }).waitFor();
    const amountHeader = page.getByRole('columnheader', { name: 'Amount' });
    await amountHeader.getByRole('button').click();
    const amountSort = await amountHeader.getAttribute('aria-sort');
    expect(amountSort).toMatch(/^(ascending|descending)$/);
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByLabel('View name').fill('  Parcels to pay  ');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('View “Parcels to pay” saved.').waitFor();
    const views = page.getByLabel('Saved ledger view');
    expect(await views.locator('option:checked').innerText()).toBe('Parcels to pay');

    // A built-in view replaces the filter; choosing the saved one brings its filter back.
    await views.selectOption({ label: 'Awaiting approval' });
    await page.getByRole('heading', { name: '1 disbursement' }).waitFor();
    await table.getByText('Наталля Пінчук').waitFor();
    expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('requested');
    expect(await amountHeader.getAttribute('aria-sort')).toBe('none');
    await views.selectOption({ label: 'Parcels to pay' });
    await table.getByText('Ігар Лосік').waitFor();
    expect(await table.getByText('Наталля Пінчук').count()).toBe(0);
    expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('approved');
    expect(await amountHeader.getAttribute('aria-sort')).toBe(amountSort);

    // A name already taken is refused in words, and the list stays as it was.
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByLabel('View name').fill('parcels to pay');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('You already have a view called “parcels to pay”. Choose another name.').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Delete view' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete view' }).click();
    await page.getByText('View deleted.').waitFor();
    expect(await views.locator('option').allInnerTexts()).toEqual(['Choose a view…', 'Awaiting approval', 'Approved, not yet paid', 'From partner offices']);
    expect((await call(backend, 'aid.views.list', {})).map((v) => v.name)).toEqual(['Awaiting approval', 'Approved, not yet paid', 'From partner offices']);
  });
});
