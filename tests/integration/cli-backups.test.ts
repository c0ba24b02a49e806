import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../fixtures/cli';
import { removeTempDirs, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

describe('caseboard backup schedule', () => {
  it('sets the folder and schedule from flags, shows the status, and switches it off', async () => {
    const dir = join(tempDir(), 'vault');
    const drive = join(tempDir(), 'usb');
    mkdirSync(drive);
    expect(cli(dir, ['init', '--office', 'Viasna', '--user', 'Hanna']).code).toBe(0);
    const recipient = await identityToRecipient(await generateIdentity());

    const usage = cli(dir, ['backup', 'schedule', '--folder', drive]);
    expect(usage.stderr).toMatch(/^USAGE: backup schedule needs --every HOURS, --keep N and --recipient/);
    expect(usage.code).toBe(2);

    const set = cli(dir, ['backup', 'schedule', '--folder', drive, '--every', '12', '--keep', '5', '--recipient', recipient, '--json']);
    expect(set.stderr).toBe('');
    expect(JSON.parse(set.stdout)).toMatchObject({ schedule: { folder: drive, enabled: true, intervalHours: 12, keep: 5, recipients: [recipient] }, status: { lastSuccessAt: null } });
    expect(cli(dir, ['backup', 'status']).stdout).toMatch(new RegExp(`^Folder: +${drive}\\nSchedule: +every 12 h, keeping 5\\nLast success: +never\\nLast failure: +none\\n`));
    const off = cli(dir, ['backup', 'schedule', '--off', '--json']);
    expect(JSON.parse(off.stdout)).toMatchObject({ schedule: { enabled: false, folder: drive }, nextDueAt: null });
  });
});
