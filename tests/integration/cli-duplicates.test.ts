import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, removeTempDirs, snapshotDir, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

function cli(dataDir: string, args: string[], stdin = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', '--data', dataDir, ...args], {
    input: stdin,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CASEBOARD_PASSPHRASE: PASSPHRASE, CASEBOARD_KDF_TARGET_MS: '0' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface DuplicateJson {
  a: string;
  b: string;
  score: number;
  reasons: { code: string; params: Record<string, unknown>; text: string }[];
}

describe('persons duplicates / merge / not-same / unmerge', () => {
  it('lists likely duplicates as JSON, merges, rejects, unmerges, and refuses bad input with the vault unchanged', () => {
    const dir = join(tempDir(), 'vault');
    expect(cli(dir, ['init', '--office', 'Viasna', '--user', 'Hanna']).code).toBe(0);
    const added = cli(dir, ['persons', 'add', '--json'], JSON.stringify([
      { name: 'Алесь Бяляцкі', birthDate: '1962', region: 'minsk-city' },
      { name: 'Ales Bialiatski', birthDate: '1963' },
      { name: 'Наталля Пінчук', birthDate: '1964' },
      { name: 'Natallia Pinchuk' },
    ]));
    expect(added.stderr).toBe('');
    const [be, latin, pinchuk, pinchukLatin] = JSON.parse(added.stdout) as [string, string, string, string];

    const listed = cli(dir, ['persons', 'duplicates', '--json']);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    const duplicates = JSON.parse(listed.stdout) as DuplicateJson[];
    expect(duplicates).toHaveLength(2);
    expect(duplicates.map((d) => d.score)).toEqual([...duplicates.map((d) => d.score)].sort((x, y) => y - x));
    for (const d of duplicates) {
      expect(Object.keys(d)).toEqual(['a', 'b', 'score', 'reasons']);
      expect(d.a < d.b).toBe(true);
      expect(d.score).toBeGreaterThan(0);
      expect(d.score).toBeLessThanOrEqual(1);
    }
    const bialiatski = duplicates.find((d) => [d.a, d.b].includes(be))!;
    expect([bialiatski.a, bialiatski.b].sort()).toEqual([be, latin].sort());
    expect(bialiatski.reasons).toContainEqual({
      code: 'name.transliteration',
      params: { part: 'family', system: 'be-passport' },
      text: 'same surname: one is the other in Belarusian passport spelling',
    });
    expect(bialiatski.reasons).toContainEqual({ code: 'birth.year-off', params: { years: 1 }, text: 'birth year differs by 1' });

    expect(cli(dir, ['persons', 'merge', latin, be])).toEqual({ code: 0, stdout: 'Merged.\n', stderr: '' });
    expect(cli(dir, ['persons', 'not-same', pinchuk, pinchukLatin])).toEqual({ code: 0, stdout: 'Marked as not the same person.\n', stderr: '' });
    expect(JSON.parse(cli(dir, ['persons', 'duplicates', '--json']).stdout)).toEqual([]);

    const before = snapshotDir(dir);
    const refusals: [string[], number, RegExp][] = [
      [['persons', 'merge', be, be], 1, /^SAME_PERSON: A record cannot be merged with itself/],
      [['persons', 'merge', be, latin], 1, /^ALREADY_LINKED: .* are already merged\.\n$/],
      [['persons', 'merge', be, '01900000-0000-7000-8000-000000000000'], 1, /^NOT_FOUND: No person with id 01900000-0000-7000-8000-000000000000\.\n$/],
      [['persons', 'unmerge', pinchuk, pinchukLatin], 1, /^NOT_LINKED: .*marked as not the same person\.\n$/],
      [['persons', 'merge', be], 2, /^USAGE: persons merge takes two person ids\.\n$/],
    ];
    for (const [args, code, stderr] of refusals) {
      const result = cli(dir, args);
      expect(result.code).toBe(code);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(stderr);
      expect(result.stderr.split('\n')).toHaveLength(2);
    }
    expect(snapshotDir(dir)).toEqual(before);

    expect(cli(dir, ['persons', 'unmerge', be, latin])).toEqual({ code: 0, stdout: 'Unmerged.\n', stderr: '' });
    const again = cli(dir, ['persons', 'unmerge', be, latin]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^NOT_LINKED: .*they are not merged\.\n$/);
    const relisted = JSON.parse(cli(dir, ['persons', 'duplicates', '--json', '--full']).stdout) as DuplicateJson[];
    expect(relisted.map((d) => [d.a, d.b].sort())).toEqual([[be, latin].sort()]);
  });
});
