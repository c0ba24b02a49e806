import type { BackupScheduleState } from '../../shared/domain/backup-schedule';
import { call, listOf, unlocked, whole, type Command } from '../context';
import { CliError } from '../errors';
import { printJson } from '../output';

export const backupUsage = `  backup schedule --folder DIR --every HOURS --keep N --recipient age1…   back up into DIR every HOURS hours
                                   while the app has the vault unlocked, keeping the newest N (encrypted to the
                                   recipients: no backup secret is stored); --off stops it; --json for the state
  backup status [--json]           the schedule, the last success and the last failure (and why)`;

function printState(state: BackupScheduleState): void {
  const { schedule, status, nextDueAt } = state;
  const lines = [
    schedule?.folder ? `Folder:        ${schedule.folder}` : 'Folder:        (none chosen)',
    schedule ? `Schedule:      ${schedule.enabled ? `every ${schedule.intervalHours} h, keeping ${schedule.keep}` : 'off'}` : 'Schedule:      off',
    `Last success:  ${status.lastSuccessAt ? `${status.lastSuccessAt} ${status.lastSuccessFile}` : 'never'}`,
    `Last failure:  ${status.lastFailureAt ? `${status.lastFailureAt} ${status.lastFailureReason}: ${status.lastFailureMessage}` : 'none'}`,
    `Next:          ${nextDueAt ?? '—'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export const backupCommands: Record<string, Command> = {
  'backup schedule': {
    async run({ flags, backend }) {
      await unlocked(backend);
      let state = await call(backend, 'backups.schedule', {});
      if (flags.off) {
        if (state.schedule) state = await call(backend, 'backups.configure', { ...pick(state), enabled: false });
      } else {
        if (!flags.every || !flags.keep || !flags.recipient?.length) throw new CliError('USAGE', 'backup schedule needs --every HOURS, --keep N and --recipient age1… (and --folder DIR the first time).');
        if (flags.folder) state = await call(backend, 'backups.chooseFolder', {});
        state = await call(backend, 'backups.configure', {
          enabled: true,
          intervalHours: whole(flags.every, 'every', 24),
          keep: whole(flags.keep, 'keep', 7),
          recipients: listOf(flags.recipient) ?? [],
        });
      }
      if (flags.json) printJson(state);
      else printState(state);
    },
  },
  'backup status': {
    async run({ flags, backend }) {
      await unlocked(backend);
      const state = await call(backend, 'backups.schedule', {});
      if (flags.json) printJson(state);
      else printState(state);
    },
  },
};

function pick(state: BackupScheduleState) {
  const { intervalHours, keep, recipients } = state.schedule!;
  return { intervalHours, keep, recipients };
}
