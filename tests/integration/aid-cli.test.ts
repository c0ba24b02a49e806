import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

function cli(dataDir: string, args: string[], stdin = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', '--data', dataDir, ...args], {
    input: stdin,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CASEBOARD_PASSPHRASE: PASSPHRASE, CASEBOARD_NEW_PASSPHRASE: PASSPHRASE, CASEBOARD_KDF_TARGET_MS: '0' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ok = (r: ReturnType<typeof cli>) => {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

const programme = {
  name: 'Parcels and lawyers 2026',
  donor: 'Libereco',
  currency: 'EUR',
  budget: '5000.00',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  fourEyesThreshold: '1000.00',
};

// Each command is a fresh process (about a second each on an idle machine): generous timeouts for a busy one.
describe('caseboard aid CLI', { timeout: 600_000 }, () => {
  it('programmes, disbursements by name, duplicates, approval, payment, list and report', async () => {
    const dir = join(tempDir(), 'vault');
    ok(cli(dir, ['init', '--office', 'Viasna', '--user', 'Hanna']));
    ok(cli(dir, ['persons', 'add'], JSON.stringify([{ name: 'Іван Іваноў', birthDate: '1970', region: 'brest' }, { name: 'Іван Іваноў', birthDate: '1985', region: 'gomel' }, { name: 'Алена Бяляцкая', region: 'minsk-city' }])));
    const [programmeId] = JSON.parse(ok(cli(dir, ['aid', 'programmes', 'add', '--json'], JSON.stringify([programme])))).map((p: { id: string }) => p.id) as [string];
    expect(JSON.parse(ok(cli(dir, ['aid', 'programmes', 'list', '--json'])))).toEqual([expect.objectContaining({ id: programmeId, budget: '5000.00', budgetMinor: 500_000 })]);

    const add = (body: Record<string, unknown>, ...flags: string[]) => cli(dir, ['aid', 'add', ...flags], JSON.stringify(body));
    const request = { recipient: 'Іван Іваноў', programme: 'parcels and lawyers 2026', amount: '150.00', currency: 'EUR', type: 'parcel', purpose: 'Parcel to colony no. 2', date: '2026-03-01' };
    const ambiguous = add(request);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stdout).toBe('');
    expect(ambiguous.stderr).toMatch(/^AMBIGUOUS_RECIPIENT: "Іван Іваноў" matches 2 persons: Іван Іваноў \(born 1970\), brest: [0-9a-f-]{36}; Іван Іваноў \(born 1985\), gomel: [0-9a-f-]{36}\. Give the id of the one you mean\.\n$/);
    expect(JSON.parse(ok(cli(dir, ['aid', 'list', '--json'])))).toEqual([]);
    const ivanId = /born 1970\), brest: ([0-9a-f-]{36})/.exec(ambiguous.stderr)![1]!;

    const first = ok(add({ ...request, recipient: ivanId })).trim();
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    // Found across scripts: the Latin spelling names the one Belarusian record.
    const alenaRun = add({ ...request, recipient: 'Alena Bialiackaja', type: 'legal-fees', purpose: 'Lawyer', amount: '400' }, '--json');
    const alena = JSON.parse(ok(alenaRun));
    expect(alena).toMatchObject({ recipient: { displayName: 'Алена Бяляцкая' }, amount: '400.00', status: 'requested', method: 'cash' });

    const duplicate = add({ ...request, recipient: ivanId, date: '2026-03-15', purpose: 'Another parcel' });
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(new RegExp(`^DUPLICATE_PAYMENT: A similar payment to this recipient exists within the duplicate window: 2026-03-01 150\\.00 EUR parcel \\(requested\\) ${first}\\. Confirm with a reason to go ahead\\.\\n$`));
    const confirmed = ok(add({ ...request, recipient: ivanId, date: '2026-03-15', purpose: 'Another parcel' }, '--confirm-duplicate', 'Second parcel allowed monthly')).trim();

    expect(cli(dir, ['aid', 'add'], JSON.stringify({ ...request, recipient: ivanId, amount: '1.999' }))).toMatchObject({ code: 1, stderr: 'INVALID_AMOUNT: EUR has 2 decimals: "1.999" has 3.\n' });
    expect(cli(dir, ['aid', 'add'], JSON.stringify({ ...request, recipient: ivanId, colour: 'red' }))).toMatchObject({ code: 1, stderr: expect.stringMatching(/^VALIDATION: stdin: unknown field colour/) });
    expect(cli(dir, ['aid', 'add'], JSON.stringify({ ...request, recipient: 'Nobody Atall' }))).toMatchObject({ code: 1, stderr: expect.stringMatching(/^NOT_FOUND: No person called "Nobody Atall"/) });

    expect(JSON.parse(ok(cli(dir, ['aid', 'queue', '--json']))).map((r: { id: string }) => r.id)).toEqual([first, alena.id, confirmed]);
    expect(JSON.parse(ok(cli(dir, ['aid', 'approve', first, '--json'])))).toMatchObject({ id: first, status: 'approved', approvedBy: { name: 'Hanna' } });
    expect(cli(dir, ['aid', 'pay', first])).toMatchObject({ code: 2, stderr: 'USAGE: --reference is required.\n' });
    expect(JSON.parse(ok(cli(dir, ['aid', 'pay', first, '--reference', 'CASH-2026-031', '--json'])))).toMatchObject({ status: 'paid', paymentReference: 'CASH-2026-031' });
    expect(cli(dir, ['aid', 'pay', first, '--reference', 'again'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^LEDGER_IMMUTABLE: /) });
    ok(cli(dir, ['aid', 'approve', alena.id]));
    ok(cli(dir, ['aid', 'pay', alena.id, '--reference', 'BANK-7781']));

    const paid = JSON.parse(ok(cli(dir, ['aid', 'list', '--json', '--status', 'paid']))) as { id: string }[];
    expect(paid.map((r) => r.id).sort()).toEqual([first, alena.id].sort());
    const report = JSON.parse(ok(cli(dir, ['aid', 'report', '--json', '--programme', 'Parcels and lawyers 2026', '--from', '2026-03-01', '--to', '2026-03-31', '--group-by', 'type'])));
    expect(report).toMatchObject({
      groupBy: 'type',
      programmeId,
      rows: [expect.objectContaining({ key: 'legal-fees', amount: '400.00', payments: 1 }), expect.objectContaining({ key: 'parcel', amount: '150.00', payments: 1 })],
      totals: [{ currency: 'EUR', minor: '55000', amount: '550.00' }],
    });
    expect(JSON.parse(ok(cli(dir, ['aid', 'report', '--json', '--programme', programmeId, '--from', '2026-04-01']))).totals).toEqual([]);

    const reversal = JSON.parse(ok(cli(dir, ['aid', 'reverse', alena.id, '--reason', 'Lawyer refunded', '--date', '2026-03-20', '--json'])));
    expect(reversal).toMatchObject({ reversesId: alena.id, amount: '-400.00' });
    expect(JSON.parse(ok(cli(dir, ['aid', 'report', '--json', '--programme', programmeId]))).totals).toEqual([{ currency: 'EUR', minor: '15000', amount: '150.00' }]);
  });

  it('exports the donor report as CSV and IATI XML; recipients only by stable codes', async () => {
    const dir = join(tempDir(), 'vault');
    ok(cli(dir, ['init', '--office', 'Viasna', '--user', 'Hanna']));
    ok(cli(dir, ['persons', 'add'], JSON.stringify([{ name: 'Марыя Калеснікава', region: 'gomel' }])));
    ok(cli(dir, ['aid', 'programmes', 'add'], JSON.stringify(programme)));
    const id = ok(cli(dir, ['aid', 'add'], JSON.stringify({ recipient: 'Марыя Калеснікава', programme: programme.name, amount: '75.50', currency: 'EUR', type: 'medical', purpose: 'Medicine for Марыя', date: '2026-02-10' }))).trim();
    ok(cli(dir, ['aid', 'approve', id]));
    ok(cli(dir, ['aid', 'pay', id, '--reference', 'SECRET-BANK-REF']));
    const out = (name: string) => join(dir, '..', name);
    const exportTo = (file: string, format: string) => cli(dir, ['aid', 'export', '--programme', programme.name, '--from', '2026-01-01', '--to', '2026-12-31', '--format', format, '--out', out(file)]);
    expect(ok(exportTo('a.csv', 'csv'))).toBe(`Wrote 1 entries to ${out('a.csv')} (NOT encrypted; recipients by code only).\n`);
    ok(exportTo('b.csv', 'csv'));
    const csv = readFileSync(out('a.csv'), 'utf8');
    expect(csv).toBe(readFileSync(out('b.csv'), 'utf8'));
    for (const secret of ['Марыя', 'Kalesnikava', 'SECRET-BANK-REF', 'Medicine']) expect(csv).not.toContain(secret);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Entry,Recipient code,Value date,Aid type,Method,Recipient category,Region,Amount (minor units),Amount,Currency,Reverses entry');
    expect(lines[1]).toMatch(new RegExp(`^${id},R-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4},2026-02-10,Medical,Cash,Other,Gomel region,7550,75\\.50,EUR,$`));
    expect(lines[2]).toBe('Total,,,,,,,7550,75.50,EUR,');

    expect(exportTo('a.xml', 'iati')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^VALIDATION: iatiOrganisationRef: set this office/) });
    ok(cli(dir, ['aid', 'settings', 'update'], JSON.stringify({ iatiOrganisationRef: 'LT-RC-305583477' })));
    ok(exportTo('a.xml', 'iati'));
    const xml = readFileSync(out('a.xml'), 'utf8');
    expect(xml).toContain('<iati-activity ');
    expect(xml).toContain('humanitarian="1"');
    expect(xml).toMatch(/<transaction ref="[0-9a-f-]{36}">\s*<transaction-type code="3"\/>\s*<transaction-date iso-date="2026-02-10"\/>\s*<value currency="EUR" value-date="2026-02-10">75\.50<\/value>/);
    for (const secret of ['Марыя', 'SECRET-BANK-REF']) expect(xml).not.toContain(secret);
    const lint = spawnSync('xmllint', ['--noout', out('a.xml')], { encoding: 'utf8' });
    expect(lint.error).toBeUndefined();
    expect(lint.status).toBe(0);
  });
});
