/**
 * `caseboard` on the command line: the same backend as the app, for administrators' scripts.
 * The passphrase comes from CASEBOARD_PASSPHRASE or a terminal prompt, never from an argument.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { createBackend, type Backend } from '../backend';
import { defaultDataDir } from '../backend/data-dir';
import { systemPlatform } from '../backend/platform';
import type { Input, Method, Output } from '../shared/api';
import { CliError } from './errors';
import { printCaseTable, printJson } from './output';
import { promptHidden } from './prompt';
import { caseSortFields, type CaseRecord, type CaseSort } from '../shared/domain/cases';

const USAGE = `Usage: caseboard [--data DIR] <command> [options]

Commands:
  init --office NAME --user NAME   create a vault; NAME becomes its first admin
  status [--json]                  office, your account, number of cases
  cases add [--json]               read one case or an array of cases as JSON from stdin
  cases list [--json] [--sort FIELD[:desc]] [--limit N] [--offset N]
  passphrase change                re-wrap your key slot under a new passphrase

The passphrase is read from CASEBOARD_PASSPHRASE or asked on the terminal.
A new passphrase (init, passphrase change) is read from CASEBOARD_NEW_PASSPHRASE or asked.`;

const options = {
  data: { type: 'string' },
  office: { type: 'string' },
  user: { type: 'string' },
  json: { type: 'boolean', default: false },
  sort: { type: 'string', multiple: true },
  limit: { type: 'string' },
  offset: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

async function call<M extends Method>(backend: Backend, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new CliError(result.error.code, result.error.message);
  return result.value as Output<M>;
}

async function passphrase(variable: string, question: string): Promise<string> {
  return process.env[variable] ?? promptHidden(question);
}

async function newPassphrase(): Promise<string> {
  const fromEnv = process.env.CASEBOARD_NEW_PASSPHRASE;
  if (fromEnv !== undefined) return fromEnv;
  const first = await promptHidden('New passphrase: ');
  const again = await promptHidden('Repeat new passphrase: ');
  if (first !== again) throw new CliError('VALIDATION', 'The two passphrases differ.');
  return first;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError('USAGE', 'Pipe the JSON into stdin, e.g. `... cases add < cases.json`.');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError('VALIDATION', `stdin is not valid JSON (${(error as Error).message}).`);
  }
}

function whole(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new CliError('USAGE', `--${name} takes a whole number.`);
  return Number(value);
}

function parseSort(values: string[] | undefined): CaseSort[] {
  return (values ?? []).map((value) => {
    const [field, direction = 'asc'] = value.split(':');
    if (!(caseSortFields as readonly string[]).includes(field ?? '') || !['asc', 'desc'].includes(direction)) {
      throw new CliError('USAGE', `--sort takes FIELD[:asc|desc] with FIELD one of ${caseSortFields.join(', ')}.`);
    }
    return { field: field as CaseSort['field'], direction: direction as CaseSort['direction'] };
  });
}

/** Unlocks and returns the passphrase that did it, for commands that must present it again. */
async function unlocked(backend: Backend): Promise<string> {
  const current = await passphrase('CASEBOARD_PASSPHRASE', 'Passphrase: ');
  await call(backend, 'vault.unlock', { passphrase: current });
  return current;
}

async function listAll(backend: Backend, flags: Flags): Promise<CaseRecord[]> {
  const sort = parseSort(flags.sort);
  const offset = whole(flags.offset, 'offset', 0);
  const limit = flags.limit === undefined ? Number.POSITIVE_INFINITY : whole(flags.limit, 'limit', 0);
  const rows: CaseRecord[] = [];
  while (rows.length < limit) {
    const page = await call(backend, 'cases.list', { sort, offset: offset + rows.length, limit: Math.min(1000, limit - rows.length) });
    rows.push(...page.rows);
    if (page.rows.length === 0 || offset + rows.length >= page.total) break;
  }
  return rows;
}

async function run(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError('USAGE', (error as Error).message);
  }
  const { values: flags, positionals } = parsed;
  const command = positionals.join(' ');
  if (flags.help || command === '' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const dataDir = resolve(flags.data ?? process.env.CASEBOARD_DATA ?? defaultDataDir());
  const kdfTarget = process.env.CASEBOARD_KDF_TARGET_MS;
  const backend = createBackend(systemPlatform(dataDir, kdfTarget ? { kdfTargetMs: Number(kdfTarget) } : undefined));

  try {
    switch (command) {
      case 'init': {
        if (!flags.office || !flags.user) throw new CliError('USAGE', 'init needs --office NAME and --user NAME.');
        const pass = process.env.CASEBOARD_PASSPHRASE ?? (await newPassphrase());
        const info = await call(backend, 'vault.create', { office: flags.office, user: flags.user, passphrase: pass });
        if (flags.json) printJson({ dataDir, ...info });
        else process.stdout.write(`Created the vault of ${info.office} in ${dataDir}; ${info.user.name} is its admin.\n`);
        return;
      }
      case 'status': {
        await unlocked(backend);
        const status = await call(backend, 'status.get', {});
        if (flags.json) printJson(status);
        else process.stdout.write(`Office: ${status.office}\nUser:   ${status.user.name} (${status.user.role})\nCases:  ${status.cases}\n`);
        return;
      }
      case 'cases add': {
        const input = parseJson(await readStdin());
        await unlocked(backend);
        const { ids } = await call(backend, 'cases.createMany', { cases: (Array.isArray(input) ? input : [input]) as never });
        if (flags.json) printJson(ids);
        else process.stdout.write(`${ids.join('\n')}\n`);
        return;
      }
      case 'cases list': {
        await unlocked(backend);
        const rows = await listAll(backend, flags);
        if (flags.json) printJson(rows);
        else printCaseTable(rows);
        return;
      }
      case 'passphrase change': {
        const current = await unlocked(backend);
        const next = await newPassphrase();
        await call(backend, 'vault.changePassphrase', { current, next });
        process.stdout.write('Passphrase changed.\n');
        return;
      }
      default:
        throw new CliError('USAGE', `Unknown command "${command}". Run with --help for the list.`);
    }
  } finally {
    backend.lockNow('user');
  }
}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    const code = error instanceof CliError ? error.code : 'INTERNAL';
    const message = error instanceof CliError ? error.message : 'An unexpected error occurred.';
    process.stderr.write(`${code}: ${message}\n`);
    process.exit(code === 'USAGE' ? 2 : 1);
  },
);
