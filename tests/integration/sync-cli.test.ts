import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSecrets } from '../../db/sync/identity';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';
import { withVault } from '../fixtures/sync';

afterEach(removeTempDirs);

function cli(dataDir: string, args: string[], stdin = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', '--data', dataDir, ...args], {
    input: stdin,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CASEBOARD_PASSPHRASE: PASSPHRASE, CASEBOARD_KDF_TARGET_MS: '0' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function ok(result: ReturnType<typeof cli>) {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('sync from the command line', () => {
  it('identity, cards, partners, export, import, replay refusal, conflicts; age decrypts the bundle', async () => {
    const root = tempDir();
    const viasna = join(root, 'viasna');
    const brest = join(root, 'brest');
    ok(cli(viasna, ['init', '--office', 'Viasna', '--user', 'Nasta']));
    ok(cli(brest, ['init', '--office', 'Brest Watch', '--user', 'Ales']));

    const identity = JSON.parse(ok(cli(viasna, ['identity', 'show', '--json']))) as Record<string, string>;
    expect(Object.keys(identity).sort()).toEqual(['ageRecipient', 'fingerprint', 'office', 'signingKey', 'siteId']);
    expect(identity).toMatchObject({ office: 'Viasna', siteId: expect.stringMatching(/^[0-9a-f]{32}$/), signingKey: expect.stringMatching(/^[0-9a-f]{64}$/), ageRecipient: expect.stringMatching(/^age1/), fingerprint: expect.stringMatching(/^\d{5}( \d{5}){5}$/) });

    const cardViasna = join(root, 'viasna.card');
    const cardBrest = join(root, 'brest.card');
    expect(ok(cli(viasna, ['identity', 'card', '--out', cardViasna]))).toBe(`Wrote the card of Viasna to ${cardViasna}.\nFingerprint: ${identity.fingerprint}\n`);
    ok(cli(brest, ['identity', 'card', '--out', cardBrest]));
    expect(JSON.parse(readFileSync(cardViasna, 'utf8'))).toMatchObject({ format: 'caseboard-office-card', office: 'Viasna', fingerprint: identity.fingerprint });
    expect(readFileSync(cardViasna, 'utf8')).not.toMatch(/SECRET/);

    expect(ok(cli(viasna, ['partner', 'add', cardBrest]))).toMatch(/^Added partner Brest Watch\.\nFingerprint: \d{5}( \d{5}){5}\nCompare it/);
    ok(cli(brest, ['partner', 'add', cardViasna]));
    const duplicate = cli(brest, ['partner', 'add', cardViasna]);
    expect(duplicate).toMatchObject({ code: 1, stdout: '' });
    expect(duplicate.stderr).toMatch(/^PARTNER_EXISTS: /);
    const partners = JSON.parse(ok(cli(brest, ['partner', 'list', '--json']))) as { name: string; fingerprint: string }[];
    expect(partners).toEqual([expect.objectContaining({ name: 'Viasna', fingerprint: identity.fingerprint })]);

    const caseId = ok(cli(viasna, ['cases', 'add'], JSON.stringify({ title: 'Detention at the vigil', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent', consentShare: true }))).trim();
    const bundle = join(root, 'to-brest.age');
    expect(ok(cli(viasna, ['sync', 'export', '--to', 'Brest Watch', '--out', bundle]))).toMatch(new RegExp(`^Wrote a bundle for Brest Watch to ${bundle}: 1 case, 1 person, 1 casePerson \\(\\d+ operations\\)\\.\\n$`));
    expect(ok(cli(brest, ['sync', 'import', bundle]))).toMatch(/^Imported a bundle from Viasna: (\d+) of \1 operations new; case: 1 new, 0 changed, 0 deleted; person: 1 new, 0 changed, 0 deleted; casePerson: 1 new, 0 changed, 0 deleted; 0 conflicts\.\n$/);
    const listed = JSON.parse(ok(cli(brest, ['cases', 'list', '--json', '--search', 'Bialiatski']))) as { id: string; title: string }[];
    expect(listed.map((c) => [c.id, c.title])).toEqual([[caseId, 'Detention at the vigil']]);

    const again = cli(brest, ['sync', 'import', bundle]);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe('BUNDLE_REPLAY: This bundle was imported already; importing it again changes nothing.\n');
    expect(JSON.parse(ok(cli(brest, ['conflicts', 'list', '--json'])))).toEqual([]);

    // Debian's age opens the bundle with the recipient's identity: it is a standard age file.
    const keyFile = join(root, 'brest.key');
    writeFileSync(keyFile, `${await withVault(brest, (v) => loadSecrets(v.sqlite).ageIdentity)}\n`, { mode: 0o600 });
    const age = spawnSync('age', ['-d', '-i', keyFile, bundle]);
    expect(age.status, age.stderr?.toString()).toBe(0);
    expect(age.stdout.subarray(0, 17).toString()).toBe('caseboard-bundle\n');
    expect(JSON.parse(age.stdout.subarray(17, age.stdout.indexOf(0x0a, 17)).toString())).toMatchObject({ version: 1, from: { office: 'Viasna' }, to: { office: 'Brest Watch' }, seq: 1, prev: null });
    // Each command is its own process (about a second each on an idle machine).
  }, 600_000);

  it('adds a partner from its keys alone, and refuses bad keys and files with their codes', () => {
    const root = tempDir();
    const one = join(root, 'one');
    const two = join(root, 'two');
    ok(cli(one, ['init', '--office', 'One', '--user', 'A']));
    ok(cli(two, ['init', '--office', 'Two', '--user', 'B']));
    const other = JSON.parse(ok(cli(two, ['identity', 'show', '--json']))) as Record<string, string>;
    const added = JSON.parse(ok(cli(one, ['partner', 'add', '--name', 'Two', '--age-recipient', other.ageRecipient!, '--signing-key', other.signingKey!, '--json'])));
    expect(added).toMatchObject({ name: 'Two', fingerprint: other.fingerprint, siteId: null });
    const badKey = cli(one, ['partner', 'add', '--name', 'Three', '--age-recipient', other.ageRecipient!, '--signing-key', 'not-a-key']);
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toMatch(/^VALIDATION: signingKey: must be an Ed25519 public key/);
    const notCard = join(root, 'x.card');
    writeFileSync(notCard, '{"format":"something else"}');
    expect(cli(one, ['partner', 'add', notCard]).stderr).toMatch(/^CARD_FORMAT: /);
    expect(cli(one, ['sync', 'export', '--to', 'Nobody', '--out', join(root, 'b.age')]).stderr).toMatch(/^UNKNOWN_PARTNER: There is no partner called Nobody\./);
    expect(existsSync(join(root, 'b.age'))).toBe(false);
    expect(cli(one, ['sync', 'import', notCard]).stderr).toMatch(/^BUNDLE_FORMAT: /);
    expect(cli(one, ['sync', 'export', '--to', 'Two'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^USAGE: /) });
  }, 600_000);
});
