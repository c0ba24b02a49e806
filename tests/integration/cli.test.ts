import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../fixtures/cli';
import { OTHER_PASSPHRASE, PASSPHRASE, removeTempDirs, snapshotDir, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

function listJson(dir: string) {
  const listed = cli(dir, ['cases', 'list', '--json']);
  expect(listed.code).toBe(0);
  return JSON.parse(listed.stdout) as Record<string, unknown>[];
}

async function initialised() {
  const dir = join(tempDir(), 'vault');
  const init = cli(dir, ['init', '--office', 'Viasna (Vilnius)', '--user', 'Hanna']);
  expect(init.stderr).toBe('');
  expect(init.code).toBe(0);
  expect(init.stdout).toBe(`Created the vault of Viasna (Vilnius) in ${dir}; Hanna is its admin.\n`);
  return dir;
}

describe('caseboard CLI', () => {
  it('init, add one and many, list, status', async () => {
    const dir = await initialised();
    expect(JSON.parse(cli(dir, ['status', '--json']).stdout)).toMatchObject({ office: 'Viasna (Vilnius)', cases: 0, user: { name: 'Hanna', role: 'admin' } });

    const one = cli(dir, ['cases', 'add'], {
      stdin: JSON.stringify({ title: 'Arrest at the border', personName: 'Мікола Статкевіч', region: 'minsk', priority: 'urgent', summary: 'Held incommunicado' }),
    });
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    const many = cli(dir, ['cases', 'add', '--json'], {
      stdin: JSON.stringify([
        { title: 'Search of flat', personName: 'Maria Kalesnikava', region: 'gomel', priority: 'low' },
        { title: 'Fine for a flag', personName: 'Ігар Лосік', region: 'abroad', priority: 'normal' },
      ]),
    });
    expect(many.code).toBe(0);
    const ids = JSON.parse(many.stdout) as string[];
    expect(ids).toHaveLength(2);

    const rows = listJson(dir);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([...ids, one.stdout.trim()]));
    const statkevich = rows.find((r) => r.personName === 'Мікола Статкевіч');
    expect(statkevich).toMatchObject({ title: 'Arrest at the border', region: 'minsk', priority: 'urgent', status: 'new', summary: 'Held incommunicado' });
    for (const row of rows) expect(Object.keys(row)).toEqual(expect.arrayContaining(['id', 'title', 'personName', 'region', 'priority', 'status']));

    const sorted = JSON.parse(cli(dir, ['cases', 'list', '--json', '--sort', 'priority']).stdout) as { priority: string }[];
    expect(sorted.map((r) => r.priority)).toEqual(['urgent', 'normal', 'low']);
    const table = cli(dir, ['cases', 'list']).stdout.split('\n');
    expect(table[0]).toMatch(/^ID\s+PRIORITY\s+STATUS\s+REGION\s+PERSON\s+TITLE$/);
    expect(table).toContainEqual(expect.stringMatching(/urgent\s+new\s+minsk\s+Мікола Статкевіч\s+Arrest at the border$/));
    expect(JSON.parse(cli(dir, ['status', '--json']).stdout)).toMatchObject({ cases: 3 });
  });

  it('rejects a wrong passphrase: non-zero exit, one line naming the code, nothing printed or changed', async () => {
    const dir = await initialised();
    const before = snapshotDir(dir);
    const result = cli(dir, ['status', '--json'], { passphrase: 'this is not the one' });
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('WRONG_PASSPHRASE: The passphrase does not open this vault.\n');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('rejects malformed JSON and invalid cases without writing anything', async () => {
    const dir = await initialised();
    cli(dir, ['cases', 'add'], { stdin: JSON.stringify({ title: 'Kept', personName: 'A B', region: 'vitebsk', priority: 'high' }) });
    const before = snapshotDir(dir);

    const malformed = cli(dir, ['cases', 'add'], { stdin: '{"title": "Half a case",' });
    expect(malformed.code).not.toBe(0);
    expect(malformed.stdout).toBe('');
    expect(malformed.stderr).toMatch(/^VALIDATION: stdin is not valid JSON \(.+\)\.\n$/);
    expect(snapshotDir(dir)).toEqual(before);

    const invalid = cli(dir, ['cases', 'add'], {
      stdin: JSON.stringify([
        { title: 'Good one', personName: 'C D', region: 'grodno', priority: 'low' },
        { title: 'Bad one', personName: 'E F', region: 'atlantis', priority: 'low' },
      ]),
    });
    expect(invalid.code).not.toBe(0);
    expect(invalid.stderr).toMatch(/^VALIDATION: cases\.1\.region: Invalid option.*\n$/);
    expect(invalid.stderr.split('\n')).toHaveLength(2);
    expect(listJson(dir).map((r) => r.title)).toEqual(['Kept']);

    const empty = cli(dir, ['cases', 'add'], { stdin: '[]' });
    expect(empty.stderr).toMatch(/^VALIDATION: cases: /);
    expect(listJson(dir)).toHaveLength(1);
  });

  it('refuses a second init, unknown commands and a passphrase given as an argument', async () => {
    const dir = await initialised();
    const again = cli(dir, ['init', '--office', 'Other', '--user', 'X']);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/^VAULT_EXISTS: /);
    expect(cli(dir, ['frobnicate']).stderr).toMatch(/^USAGE: Unknown command "frobnicate"/);
    const argument = cli(dir, ['status', '--passphrase', PASSPHRASE]);
    expect(argument.code).toBe(2);
    expect(argument.stderr).toMatch(/^USAGE: Unknown option '--passphrase'/);
    expect(cli(join(tempDir(), 'none'), ['status']).stderr).toMatch(/^NO_VAULT: There is no Caseboard vault in /);
  });

  it('changes the passphrase', async () => {
    const dir = await initialised();
    const changed = cli(dir, ['passphrase', 'change'], { env: { CASEBOARD_NEW_PASSPHRASE: OTHER_PASSPHRASE } });
    expect(changed.stderr).toBe('');
    expect(changed.stdout).toBe('Passphrase changed.\n');
    expect(cli(dir, ['status']).stderr).toMatch(/^WRONG_PASSPHRASE/);
    expect(cli(dir, ['status'], { passphrase: OTHER_PASSPHRASE }).stdout).toMatch(/Office: Viasna \(Vilnius\)/);
    const weak = cli(dir, ['passphrase', 'change'], { passphrase: OTHER_PASSPHRASE, env: { CASEBOARD_NEW_PASSPHRASE: 'short' } });
    expect(weak.stderr).toMatch(/^VALIDATION: next: must be at least 12 characters/);
  });

  it('imports a spreadsheet all-or-nothing, lists with filters and search, adds and lists persons', async () => {
    const dir = await initialised();
    const folder = tempDir();
    const good = join(folder, 'cases.csv');
    writeFileSync(
      good,
      '\ufeffНазва;Імя;Вобласць;Прыярытэт;Парушэнні;Дата\n' +
        'Затрыманне пасля акцыі;Алесь Бяляцкі;Гродзенская вобласць;тэрмінова;затрыманне, катаванні;14.07.2021\n' +
        'Search of the flat;Marfa Rabkova;Minsk (city);low;search;2020-09\n',
    );
    const imported = cli(dir, ['cases', 'import', good, '--json']);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toHaveLength(2);

    const bad = join(folder, 'bad.csv');
    writeFileSync(bad, 'Case,Victim,Place\nFine,Ihar Losik,Brest\nSearch,Someone,Atlantis\n');
    const mapped = cli(dir, ['cases', 'import', bad, '--map', JSON.stringify({ title: 'Case', personName: 'Victim', region: 'Place' })]);
    expect(mapped.code).not.toBe(0);
    expect(mapped.stderr).toMatch(/^VALIDATION: 1 of 2 rows are invalid; nothing was imported \(line 3: .*Atlantis/);
    expect(listJson(dir)).toHaveLength(2);
    const badMap = cli(dir, ['cases', 'import', bad, '--map', '{oops']);
    expect(badMap.stderr).toMatch(/^VALIDATION: --map is not valid JSON/);
    expect(cli(dir, ['cases', 'import', join(folder, 'missing.xlsx')]).stderr).toMatch(/^USAGE: Cannot read .*missing\.xlsx: ENOENT/);

    const urgent = JSON.parse(cli(dir, ['cases', 'list', '--json', '--priority', 'urgent']).stdout) as { personName: string; violations: string[] }[];
    expect(urgent).toEqual([expect.objectContaining({ personName: 'Алесь Бяляцкі', violations: expect.arrayContaining(['detention', 'torture']) })]);
    const found = JSON.parse(cli(dir, ['cases', 'list', '--json', '--search', 'Беляцкий']).stdout) as { title: string }[];
    expect(found.map((c) => c.title)).toEqual(['Затрыманне пасля акцыі']);
    expect(JSON.parse(cli(dir, ['cases', 'list', '--json', '--status', 'new,closed', '--region', 'minsk-city']).stdout)).toHaveLength(1);
    expect(cli(dir, ['cases', 'list', '--json', '--status', 'lost']).stderr).toMatch(/^VALIDATION: filter\.status\.0/);

    const added = cli(dir, ['persons', 'add', '--json'], {
      stdin: JSON.stringify([{ name: 'Наталля Пінчук', birthDate: '1963', region: 'minsk-city' }, { name: 'Ihar Losik' }]),
    });
    expect(added.stderr).toBe('');
    expect(JSON.parse(added.stdout)).toHaveLength(2);
    const people = JSON.parse(cli(dir, ['persons', 'list', '--json']).stdout) as { displayName: string; birthDate: string | null }[];
    expect(people.map((p) => p.displayName).sort()).toEqual(['Ihar Losik', 'Marfa Rabkova', 'Алесь Бяляцкі', 'Наталля Пінчук']);
    expect(people.find((p) => p.displayName === 'Наталля Пінчук')?.birthDate).toBe('1963');
    const badPerson = cli(dir, ['persons', 'add'], { stdin: JSON.stringify({ name: 'X', birthDate: '1963-13' }) });
    expect(badPerson.stderr).toMatch(/^VALIDATION: persons\.0\.birthDate: must be a date/);
    expect(JSON.parse(cli(dir, ['persons', 'list', '--json']).stdout)).toHaveLength(4);

    const exported = join(folder, 'view.csv');
    const exportRun = cli(dir, ['cases', 'export', '--format', 'csv', '--out', exported, '--priority', 'low']);
    expect(exportRun.stdout).toBe(`Wrote 1 cases to ${exported} (not encrypted).\n`);
    expect(readFileSync(exported, 'utf8')).toMatch(/Marfa Rabkova/);
  });

  it('verifies the audit chain', async () => {
    const dir = await initialised();
    cli(dir, ['cases', 'add'], { stdin: JSON.stringify({ title: 'A', personName: 'B C', region: 'brest', priority: 'low' }) });
    const intact = cli(dir, ['audit', 'verify']);
    expect(intact.stderr).toBe('');
    expect(intact.stdout).toBe('Audit log intact: 2 entries.\n');
    expect(JSON.parse(cli(dir, ['audit', 'verify', '--json']).stdout)).toEqual({ ok: true, entries: 2 });
  });

  it('wipes a vault with --yes and needs no passphrase to do it', async () => {
    const dir = await initialised();
    expect(cli(dir, ['wipe']).stderr).toMatch(/^USAGE: wipe destroys the vault for good: confirm with --yes\./);
    const wiped = cli(dir, ['wipe', '--yes'], { env: { CASEBOARD_PASSPHRASE: '' } });
    expect(wiped.stderr).toBe('');
    expect(wiped.stdout).toMatch(/^Wiped: 1 key slots destroyed, \d files overwritten and removed\.\n$/);
    expect(cli(dir, ['status']).stderr).toMatch(/^NO_VAULT/);
  });

  it('backs up and restores into a new directory', async () => {
    const dir = await initialised();
    cli(dir, ['cases', 'add'], { stdin: JSON.stringify({ title: 'Kept in the backup', personName: 'B C', region: 'brest', priority: 'low' }) });
    const file = join(tempDir(), 'office.age');
    const env = { CASEBOARD_BACKUP_PASSPHRASE: 'offsite backup passphrase 7' };
    const backup = cli(dir, ['backup', '--out', file], { env });
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toBe(`Wrote an encrypted backup to ${file}.\n`);
    const target = join(tempDir(), 'restored');
    const restored = cli(target, ['restore', file], { env });
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(new RegExp(`^Restored the vault of Viasna \\(Vilnius\\) \\(backup of .+\\) into ${target}\\.\\n$`));
    expect(listJson(target).map((c) => c.title)).toEqual(['Kept in the backup']);
    const wrong = cli(join(tempDir(), 'other'), ['restore', file], { env: { CASEBOARD_BACKUP_PASSPHRASE: 'wrong backup passphrase' } });
    expect(wrong.stderr).toBe('WRONG_PASSPHRASE: The backup passphrase or key does not open this backup.\n');
  });
});
