/**
 * `caseboard` on the command line: the same backend as the app, for administrators' scripts.
 * The passphrase comes from CASEBOARD_PASSPHRASE or a terminal prompt, never from an argument.
 * Each domain's commands live in `commands/`; this file parses arguments and dispatches.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { createBackend } from '../backend';
import { defaultDataDir, defaultStateDir } from '../backend/data-dir';
import { systemPlatform } from '../backend/platform';
import { writeFileAtomic } from '../backend/atomic-file';
import { AppError } from '../shared/errors';
import { caseCommands, caseUsage } from './commands/cases';
import { personCommands, personUsage } from './commands/persons';
import { duplicateCommands, duplicateUsage } from './commands/duplicates';
import { vaultCommands, vaultUsage } from './commands/vault';
import { staffCommands, staffUsage } from './commands/staff';
import { backupCommands, backupUsage } from './commands/backups';
import { aidCommands, aidUsage } from './commands/aid';
import { syncCommands, syncUsage } from './commands/sync';
import { options, type Command } from './context';
import { CliError } from './errors';

const USAGE = `Usage: caseboard [--data DIR] <command> [options]

Commands:
${[vaultUsage, caseUsage, personUsage, duplicateUsage, staffUsage, backupUsage, aidUsage, syncUsage].join('\n')}

The passphrase is read from CASEBOARD_PASSPHRASE or asked on the terminal.
A new passphrase (init, passphrase change) is read from CASEBOARD_NEW_PASSPHRASE or asked.`;

const commands: Record<string, Command> = { ...vaultCommands, ...caseCommands, ...personCommands, ...duplicateCommands, ...staffCommands, ...backupCommands, ...aidCommands, ...syncCommands };

/** The longest run of leading words that names a command: `cases import FILE` is `cases import` + FILE. */
function findCommand(positionals: string[]): { name: string; args: string[] } {
  for (let words = Math.min(3, positionals.length); words > 0; words -= 1) {
    const name = positionals.slice(0, words).join(' ');
    if (Object.hasOwn(commands, name)) return { name, args: positionals.slice(words) };
  }
  return { name: positionals.join(' '), args: [] };
}

async function run(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError('USAGE', (error as Error).message);
  }
  const { values: flags, positionals } = parsed;
  if (flags.help || positionals.length === 0 || positionals[0] === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { name, args } = findCommand(positionals);
  const command = commands[name];
  if (!command) throw new CliError('USAGE', `Unknown command "${name}". Run with --help for the list.`);
  const expected = command.args;
  if (!expected && args.length > 0) throw new CliError('USAGE', `Unexpected argument "${args[0]}". Run with --help for the list.`);
  if (expected && (args.length < expected.min || args.length > expected.max)) throw new CliError('USAGE', `${name} takes ${expected.what}.`);

  const dataDir = resolve(flags.data ?? process.env.CASEBOARD_DATA ?? defaultDataDir());
  const kdfTarget = process.env.CASEBOARD_KDF_TARGET_MS;
  const stateDir = resolve(process.env.CASEBOARD_STATE ?? defaultStateDir());
  const platform = systemPlatform(dataDir, stateDir, kdfTarget ? { kdfTargetMs: Number(kdfTarget) } : undefined);
  const out = flags.out;
  // The CLI's "save dialog" is --out: the file goes exactly where the administrator said.
  if (out) {
    platform.saveFile = async (_name, data) => {
      writeFileAtomic(resolve(out), data);
      return resolve(out);
    };
  }
  const folder = flags.folder;
  // The CLI's folder dialog is --folder.
  if (folder) platform.chooseFolder = async () => resolve(folder);
  const backend = createBackend(platform);
  try {
    await command.run({ flags, args, dataDir, platform, backend });
  } finally {
    backend.lockNow('user');
  }
}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    const known = error instanceof CliError || error instanceof AppError;
    const code = known ? error.code : 'INTERNAL';
    const message = known ? error.message : 'An unexpected error occurred.';
    process.stderr.write(`${code}: ${message}\n`);
    process.exit(code === 'USAGE' ? 2 : 1);
  },
);
