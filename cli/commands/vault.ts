import { restoreDataDir, wipeDataDir } from '../../backend/maintenance';
import { call, newPassphrase, passphrase, readInput, unlocked, type Command } from '../context';
import { CliError } from '../errors';
import { printJson } from '../output';
import { promptHidden } from '../prompt';

export const vaultUsage = `  init --office NAME --user NAME   create a vault; NAME becomes its first admin
  status [--json]                  office, your account, number of cases
  passphrase change                re-wrap your key slot under a new passphrase
  audit verify [--json]            recompute the audit chain; exit 1 naming the first broken entry
  wipe --yes                       crypto-erase the vault in --data (no passphrase needed; cannot be undone)
  backup --out FILE [--recipient age1…]   an encrypted backup (age); the backup passphrase comes from
                                   CASEBOARD_BACKUP_PASSPHRASE or a prompt unless only recipients are given
  restore FILE --data NEWDIR [--identity KEYFILE]   restore into a new directory and check it opens`;

export const vaultCommands: Record<string, Command> = {
  init: {
    async run({ flags, backend, dataDir }) {
      if (!flags.office || !flags.user) throw new CliError('USAGE', 'init needs --office NAME and --user NAME.');
      const pass = process.env.CASEBOARD_PASSPHRASE ?? (await newPassphrase());
      const info = await call(backend, 'vault.create', { office: flags.office, user: flags.user, passphrase: pass });
      if (flags.json) printJson({ dataDir, ...info });
      else process.stdout.write(`Created the vault of ${info.office} in ${dataDir}; ${info.user.name} is its admin.\n`);
    },
  },
  status: {
    async run({ flags, backend }) {
      await unlocked(backend);
      const status = await call(backend, 'status.get', {});
      if (flags.json) printJson(status);
      else process.stdout.write(`Office: ${status.office}\nUser:   ${status.user.name} (${status.user.role})\nCases:  ${status.cases}\n`);
    },
  },
  'passphrase change': {
    async run({ backend }) {
      const current = await unlocked(backend);
      const next = await newPassphrase();
      await call(backend, 'vault.changePassphrase', { current, next });
      process.stdout.write('Passphrase changed.\n');
    },
  },
  'audit verify': {
    async run({ flags, backend }) {
      await unlocked(backend);
      const verdict = await call(backend, 'audit.verify', {});
      if (flags.json) printJson(verdict);
      if (!verdict.ok) throw new CliError('AUDIT_BROKEN', `${verdict.reason}; ${verdict.entries} entries read.`);
      if (!flags.json) process.stdout.write(`Audit log intact: ${verdict.entries} entries.\n`);
    },
  },
  wipe: {
    async run({ flags, dataDir }) {
      if (!flags.yes) throw new CliError('USAGE', 'wipe destroys the vault for good: confirm with --yes.');
      const report = wipeDataDir(dataDir);
      if (flags.json) printJson(report);
      else process.stdout.write(`Wiped: ${report.slotsDestroyed} key slots destroyed, ${report.filesRemoved.length} files overwritten and removed.\n`);
    },
  },
  backup: {
    async run({ flags, backend }) {
      if (!flags.out) throw new CliError('USAGE', 'backup needs --out FILE.');
      const recipients = flags.recipient ?? [];
      const backupPassphrase =
        process.env.CASEBOARD_BACKUP_PASSPHRASE ?? (recipients.length > 0 ? undefined : await promptHidden('Backup passphrase: '));
      await unlocked(backend);
      const result = await call(backend, 'vault.backup', {
        ...(backupPassphrase ? { passphrase: backupPassphrase } : {}),
        ...(recipients.length > 0 ? { recipients } : {}),
      });
      if (flags.json) printJson(result);
      else process.stdout.write(`Wrote an encrypted backup to ${result.path}.\n`);
    },
  },
  restore: {
    args: { min: 1, max: 1, what: 'one backup FILE, and --data NEWDIR' },
    async run({ flags, args, dataDir, platform }) {
      const [file] = args as [string];
      if (!flags.data) throw new CliError('USAGE', 'restore needs --data NEWDIR, an empty or new directory.');
      const identities = flags.identity
        ? readInput(flags.identity).toString('utf8').split('\n').map((l) => l.trim()).filter((l) => l.startsWith('AGE-SECRET-KEY-'))
        : [];
      const backupPassphrase = process.env.CASEBOARD_BACKUP_PASSPHRASE ?? (identities.length > 0 ? undefined : await promptHidden('Backup passphrase: '));
      const staff = await passphrase('CASEBOARD_PASSPHRASE', 'Your passphrase in the restored vault (to check it opens): ');
      const restored = await restoreDataDir(readInput(file), { passphrase: backupPassphrase, identities }, dataDir, staff, platform.vault);
      if (flags.json) printJson({ dataDir, ...restored });
      else process.stdout.write(`Restored the vault of ${restored.office} (backup of ${restored.createdAt}) into ${dataDir}.\n`);
    },
  },
};
