import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../backend';
import { recipientCode } from '../../backend/aid/pseudonym';
import { call, testPlatform } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

/** The element order of `iati-activity` in the IATI 2.03 activity schema (its xsd:sequence). */
const activitySequence = [
  'iati-identifier', 'reporting-org', 'title', 'description', 'participating-org', 'other-identifier', 'activity-status', 'activity-date',
  'contact-info', 'activity-scope', 'recipient-country', 'recipient-region', 'location', 'sector', 'country-budget-items', 'humanitarian-scope',
  'policy-marker', 'collaboration-type', 'default-flow-type', 'default-finance-type', 'default-aid-type', 'default-tied-status', 'budget',
  'planned-disbursement', 'capital-spend', 'transaction', 'document-link', 'related-activity', 'legacy-data', 'conditions', 'result', 'crs-add', 'fss',
];
const transactionSequence = ['transaction-type', 'transaction-date', 'value', 'description', 'provider-org', 'receiver-org', 'disbursement-channel', 'sector', 'recipient-country', 'recipient-region', 'flow-type', 'finance-type', 'aid-type', 'tied-status'];

async function officeWithPayments() {
  const dir = tempDir();
  const { platform } = testPlatform(dir);
  const saved: { name: string; data: Uint8Array }[] = [];
  platform.saveFile = async (name, data) => {
    saved.push({ name, data });
    return join(dir, name);
  };
  const backend = createBackend(platform);
  await call(backend, 'vault.create', { office: 'Вясна & partners <Vilnius>', user: 'Nasta', passphrase: PASSPHRASE });
  const { ids } = await call(backend, 'persons.createMany', { persons: [{ name: 'Наталля Пінчук', region: 'minsk-city' }, { name: 'Ігар Лосік', region: 'brest' }] });
  const [a, b] = ids as [string, string];
  const base = { currency: 'EUR', startsOn: '2026-01-01', endsOn: '2026-12-31', fourEyesThreshold: '100000.00', budget: '50000.00' };
  const crd = await call(backend, 'aid.programmes.create', { ...base, name: 'Families 2026', donor: 'Civil Rights Defenders', iatiIdentifier: 'LT-RC-305583477-FAM26' });
  const other = await call(backend, 'aid.programmes.create', { ...base, name: 'Lawyers 2026', donor: 'Libereco' });
  const pay = async (programmeId: string, recipientId: string, amount: string, date: string, type: 'cash-support' | 'legal-fees' = 'cash-support') => {
    const { disbursement } = await call(backend, 'aid.disbursements.create', { programmeId, recipientId, amount, currency: 'EUR', type, method: 'bank-transfer', purpose: `Help ${date}`, date });
    await call(backend, 'aid.disbursements.approve', { id: disbursement.id });
    await call(backend, 'aid.disbursements.pay', { id: disbursement.id, reference: `IBAN-REF-${date}` });
    return disbursement.id;
  };
  const first = await pay(crd.id, a, '150.00', '2026-02-01');
  await pay(crd.id, b, '99.99', '2026-02-10');
  await pay(crd.id, a, '250.00', '2026-04-15', 'legal-fees');
  await call(backend, 'aid.disbursements.reverse', { id: first, reason: 'Returned by the bank', date: '2026-02-20' });
  await pay(other.id, a, '500.00', '2026-02-05', 'legal-fees');
  return { dir, backend, saved, crd, other, people: { a, b }, first };
}

describe('donor report', () => {
  it('pseudonymises recipients with stable per-donor codes and reconciles with the ledger (CSV and XLSX)', async () => {
    const { backend, saved, crd, other } = await officeWithPayments();
    const period = { from: '2026-01-01', to: '2026-12-31' };
    expect(await call(backend, 'aid.export', { programmeId: crd.id, ...period, format: 'xlsx' })).toMatchObject({ entries: 4 });
    expect(saved[0]!.name).toBe('Families-2026-2026-01-01-2026-12-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(saved[0]!.data) as never);
    const sheet = workbook.getWorksheet('Disbursements')!;
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1).map(String));
    const entries = rows.filter((r) => r[0] !== 'Total');
    expect(entries).toHaveLength(4);
    const total = rows.find((r) => r[0] === 'Total')!;
    const report = await call(backend, 'aid.report', { groupBy: 'type', programmeId: crd.id, ...period });
    expect(report.totals).toEqual([{ currency: 'EUR', minor: '34999', amount: '349.99' }]);
    expect(total.slice(7, 10)).toEqual(['34999', '349.99', 'EUR']);
    expect(entries.reduce((sum, r) => sum + BigInt(r[7]!), 0n)).toBe(34_999n);
    const text = JSON.stringify(workbook.model) + rows.flat().join('|');
    for (const secret of ['Наталля', 'Пінчук', 'Losik', 'Лосік', 'IBAN-REF', 'Help 2026']) expect(text).not.toContain(secret);
    // The reversal carries the code of the payment it reverses, and names the entry.
    const codes = entries.map((r) => r[1]!);
    expect(codes[0]).toBe(codes[2]);
    expect(entries[2]![10]).toBe(entries[0]![0]);
    expect(new Set(codes).size).toBe(2);

    await call(backend, 'aid.export', { programmeId: crd.id, from: '2026-02-01', to: '2026-02-28', format: 'csv', language: 'be' });
    const csv = new TextDecoder().decode(saved[1]!.data);
    expect([...saved[1]!.data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.split('\r\n')[0]).toBe('Запіс;Код атрымальніка;Дата выплаты;Від дапамогі;Спосаб;Катэгорыя атрымальніка;Рэгіён;Сума (мін. адзінкі);Сума;Валюта;Старнуе запіс');
    for (const code of new Set(codes)) expect(csv).toContain(code);
    expect(csv).toContain('Разам;;;;;;;9999;99.99;EUR;');

    // Same recipient, another donor: another code, so two donors cannot join their reports.
    await call(backend, 'aid.export', { programmeId: other.id, ...period, format: 'csv' });
    const otherCsv = new TextDecoder().decode(saved[2]!.data);
    for (const code of codes) expect(otherCsv).not.toContain(code);
    const audit = await call(backend, 'audit.list', { limit: 5 });
    expect(audit.rows[0]).toMatchObject({ method: 'aid.export', entity: 'export', ids: [other.id] });
  });

  it('refuses a bad period, an unknown programme, or a front end that cannot write files, and writes nothing', async () => {
    const { dir, backend, saved, crd } = await officeWithPayments();
    expect(await backend.invoke('aid.export', { programmeId: crd.id, from: '2026-05-01', to: '2026-04-01', format: 'csv' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'to: must not be before from' } });
    expect(await backend.invoke('aid.export', { programmeId: '01900000-0000-7000-8000-0000000000ff', from: '2026-01-01', to: '2026-04-01', format: 'csv' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.invoke('aid.export', { programmeId: crd.id, from: '2026-01-01', to: '2026-04-01', format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(saved).toHaveLength(0);
    // The same vault through a front end with no way to save a file (no --out, no dialog).
    await call(backend, 'vault.lock', {});
    const { platform } = testPlatform(dir);
    const bare = createBackend(platform);
    await call(bare, 'vault.unlock', { passphrase: PASSPHRASE });
    expect(await bare.invoke('aid.export', { programmeId: crd.id, from: '2026-01-01', to: '2026-04-01', format: 'csv' })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'This front end cannot write files.' } });
    await call(bare, 'vault.lock', {});
  });

  it('codes are HMACs: deterministic for one key and donor, unrelated across keys and donors', () => {
    const key = Buffer.alloc(32, 7);
    const code = recipientCode(key, 'Civil Rights Defenders', '01900000-0000-7000-8000-000000000001');
    expect(code).toMatch(/^R-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(recipientCode(key, ' civil rights defenders ', '01900000-0000-7000-8000-000000000001')).toBe(code);
    expect(recipientCode(Buffer.alloc(32, 8), 'Civil Rights Defenders', '01900000-0000-7000-8000-000000000001')).not.toBe(code);
    expect(recipientCode(key, 'Libereco', '01900000-0000-7000-8000-000000000001')).not.toBe(code);
    const many = new Set(Array.from({ length: 20_000 }, (_, i) => recipientCode(key, 'D', `person-${i}`)));
    expect(many.size).toBe(20_000);
  });
});

describe('IATI 2.03 activity file', () => {
  it('holds one humanitarian activity whose paid entries are type-3 transactions with currency and value date', async () => {
    const { dir, backend, saved, crd } = await officeWithPayments();
    await call(backend, 'aid.settings.update', { iatiOrganisationRef: 'LT-RC-305583477' });
    await call(backend, 'aid.export', { programmeId: crd.id, from: '2026-01-01', to: '2026-12-31', format: 'iati' });
    const xml = new TextDecoder().decode(saved[0]!.data);
    const file = join(dir, 'activity.xml');
    writeFileSync(file, xml);
    const lint = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<iati-activities version="2\.03" generated-datetime="2026-11-24T09:00:00Z">/);
    expect(xml).toContain('<iati-activity last-updated-datetime="2026-11-24T09:00:00Z" xml:lang="en" default-currency="EUR" humanitarian="1">');
    expect(xml).toContain('<iati-identifier>LT-RC-305583477-FAM26</iati-identifier>');
    expect(xml).toContain('<reporting-org ref="LT-RC-305583477" type="22"><narrative>Вясна &amp; partners &lt;Vilnius&gt;</narrative></reporting-org>');
    const children = [...xml.matchAll(/^ {4}<([a-z-]+)/gm)].map((m) => m[1]!);
    const positions = children.map((name) => activitySequence.indexOf(name));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    const transactions = [...xml.matchAll(/<transaction ref="([0-9a-f-]{36})">([\s\S]*?)<\/transaction>/g)];
    expect(transactions).toHaveLength(4);
    for (const [, , body] of transactions) {
      const order = [...body!.matchAll(/^ {6}<([a-z-]+)/gm)].map((m) => transactionSequence.indexOf(m[1]!));
      expect([...order].sort((x, y) => x - y)).toEqual(order);
      expect(body).toMatch(/<transaction-type code="3"\/>\s*<transaction-date iso-date="(\d{4}-\d{2}-\d{2})"\/>\s*<value currency="EUR" value-date="\1">-?\d+\.\d{2}<\/value>/);
    }
    expect(transactions.map(([, , body]) => /">(-?[\d.]+)<\/value>/.exec(body!)![1])).toEqual(['150.00', '99.99', '-150.00', '250.00']);
    for (const secret of ['Наталля', 'Лосік', 'IBAN-REF', 'Help 2026']) expect(xml).not.toContain(secret);
  });

  // The official schema is not packaged for npm or Debian; point IATI_SCHEMA_DIR at a copy of IATI-Schemas
  // (version-2.03: iati-activities-schema.xsd, iati-common.xsd, xml.xsd) to validate against it.
  const schemaDir = process.env.IATI_SCHEMA_DIR;
  it.runIf(schemaDir !== undefined && existsSync(join(schemaDir, 'iati-activities-schema.xsd')))('validates against the official IATI 2.03 activity schema', async () => {
    const { dir, backend, saved, crd } = await officeWithPayments();
    await call(backend, 'aid.settings.update', { iatiOrganisationRef: 'LT-RC-305583477' });
    await call(backend, 'aid.export', { programmeId: crd.id, from: '2026-01-01', to: '2026-12-31', format: 'iati' });
    const file = join(dir, 'activity.xml');
    writeFileSync(file, saved[0]!.data);
    const result = spawnSync('xmllint', ['--noout', '--schema', join(schemaDir!, 'iati-activities-schema.xsd'), file], { encoding: 'utf8' });
    expect(result.stderr).toBe(`${file} validates\n`);
    expect(result.status).toBe(0);
  });
});
