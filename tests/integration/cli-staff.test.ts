import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../fixtures/cli';
import { removeTempDirs, snapshotDir, tempDir } from '../fixtures/data-dir';
import { estimatePassphrase } from '../../shared/passphrase/strength';

afterEach(removeTempDirs);

interface Account {
  id: string;
  name: string;
  role: string;
  mustChangePassphrase: boolean;
  createdAt: string;
}

function initialised() {
  const dir = join(tempDir(), 'vault');
  expect(cli(dir, ['init', '--office', 'Viasna', '--user', 'Hanna']).code).toBe(0);
  return dir;
}

const listed = (dir: string) => JSON.parse(cli(dir, ['staff', 'list', '--json']).stdout) as Account[];

describe('caseboard staff', () => {
  it('adds an account from flags or stdin, printing its one-time passphrase once; it opens the vault once', () => {
    const dir = initialised();
    const added = cli(dir, ['staff', 'add', '--name', 'Ігар Лосік', '--role', 'caseworker']);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const match = /^Added Ігар Лосік \(caseworker\), id ([0-9a-f-]{36})\.\nOne-time passphrase, shown only now: .+\n {2}([a-z2-9]{4}(?:-[a-z2-9]{4}){5})\n$/.exec(added.stdout);
    expect(match).not.toBeNull();
    const oneTime = match![2]!;
    expect(estimatePassphrase(oneTime).acceptable).toBe(true);

    const json = cli(dir, ['staff', 'add', '--json'], { stdin: JSON.stringify({ name: 'Marfa Rabkova', role: 'coordinator' }) });
    expect(json.code).toBe(0);
    const record = JSON.parse(json.stdout) as Account & { oneTimePassphrase: string };
    expect(record).toMatchObject({ name: 'Marfa Rabkova', role: 'coordinator', mustChangePassphrase: true, oneTimePassphrase: expect.stringMatching(/^[a-z2-9-]{29}$/) });
    expect(record.oneTimePassphrase).not.toBe(oneTime);

    // The list never shows a passphrase; it marks accounts still on their one-time passphrase.
    const accounts = listed(dir);
    expect(accounts.map((a) => [a.name, a.role, a.mustChangePassphrase])).toEqual([
      ['Hanna', 'admin', false],
      ['Marfa Rabkova', 'coordinator', true],
      ['Ігар Лосік', 'caseworker', true],
    ]);
    expect(cli(dir, ['staff', 'list']).stdout).not.toContain(oneTime);
    expect(cli(dir, ['staff', 'list']).stdout).toMatch(/caseworker\s+Ігар Лосік\s+one-time passphrase not yet replaced/);

    // The one-time passphrase opens the account, which may do nothing but choose its own.
    const asIhar = cli(dir, ['cases', 'list', '--json'], { passphrase: oneTime });
    expect(asIhar.code).toBe(1);
    expect(asIhar.stderr).toMatch(/^FORBIDDEN: Choose your own passphrase first/);
    const chosen = cli(dir, ['passphrase', 'change'], { passphrase: oneTime, env: { CASEBOARD_NEW_PASSPHRASE: 'Ihar chose four unrelated words' } });
    expect(chosen.code).toBe(0);
    expect(cli(dir, ['status', '--json'], { passphrase: oneTime }).stderr).toMatch(/^WRONG_PASSPHRASE/);
    expect(JSON.parse(cli(dir, ['status', '--json'], { passphrase: 'Ihar chose four unrelated words' }).stdout)).toMatchObject({ user: { name: 'Ігар Лосік', role: 'caseworker' } });
  });

  it('changes a role and removes an account, by id or by name; the removed passphrase opens nothing', () => {
    const dir = initialised();
    const record = JSON.parse(cli(dir, ['staff', 'add', '--name', 'Ihar', '--role', 'viewer', '--json']).stdout) as Account & { oneTimePassphrase: string };
    const changed = cli(dir, ['staff', 'role', 'ihar', 'coordinator', '--json']);
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.stdout)).toMatchObject({ id: record.id, role: 'coordinator' });
    expect(cli(dir, ['staff', 'role', record.id, 'caseworker']).stdout).toBe('Ihar is now caseworker.\n');

    const removed = cli(dir, ['staff', 'remove', record.id, '--json']);
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout)).toEqual({ removed: true, id: record.id, name: 'Ihar' });
    expect(listed(dir).map((a) => a.name)).toEqual(['Hanna']);
    expect(cli(dir, ['status'], { passphrase: record.oneTimePassphrase }).stderr).toMatch(/^WRONG_PASSPHRASE/);
  });

  it('refuses bad input with a clear code and changes nothing', () => {
    const dir = initialised();
    cli(dir, ['staff', 'add', '--name', 'Ihar', '--role', 'viewer']);
    const before = snapshotDir(dir);
    const cases: [string[], string | undefined, number, RegExp][] = [
      [['staff', 'add', '--name', 'X'], undefined, 2, /^USAGE: staff add needs both --name NAME and --role ROLE/],
      [['staff', 'add', '--name', 'X', '--role', 'boss'], undefined, 2, /^USAGE: The role must be one of admin, coordinator, caseworker, viewer\./],
      [['staff', 'add'], '{"name": "half', 1, /^VALIDATION: stdin is not valid JSON/],
      [['staff', 'add'], '[{"name":"A","role":"viewer"}]', 1, /^VALIDATION: stdin must hold one object/],
      [['staff', 'add', '--name', '   ', '--role', 'viewer'], undefined, 1, /^VALIDATION: name: is required/],
      [['staff', 'role', 'Nobody', 'viewer'], undefined, 1, /^NOT_FOUND: No active staff account with the id or name "Nobody"\./],
      [['staff', 'role', 'Hanna', 'viewer'], undefined, 1, /^FORBIDDEN: You cannot change your own role\./],
      [['staff', 'remove', 'Hanna'], undefined, 1, /^FORBIDDEN: You cannot remove your own account\./],
      [['staff', 'remove'], undefined, 2, /^USAGE: staff remove takes one ACCOUNT \(id or name\)\./],
      [['staff', 'role', 'Ihar'], undefined, 2, /^USAGE: staff role takes an ACCOUNT \(id or name\) and a ROLE\./],
    ];
    for (const [args, stdin, code, message] of cases) {
      const result = cli(dir, args, stdin === undefined ? {} : { stdin });
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.code, args.join(' ')).toBe(code);
      // Refused before unlocking: not a byte changes. Refused after: the accounts and the audit log stay as they were.
      if (code === 2 || stdin !== undefined) expect(snapshotDir(dir)).toEqual(before);
    }
    expect(listed(dir).map((a) => [a.name, a.role])).toEqual([['Hanna', 'admin'], ['Ihar', 'viewer']]);
    expect(JSON.parse(cli(dir, ['audit', 'verify', '--json']).stdout)).toEqual({ ok: true, entries: 2 });
  });
});
