/**
 * `caseboard` on the command line: the same backend as the app, for administrators' scripts.
 * The passphrase comes from CASEBOARD_PASSPHRASE or a terminal prompt, never from an argument.
 */
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createBackend, type Backend } from '../backend';
import { defaultDataDir } from '../backend/data-dir';
import { restoreDataDir, wipeDataDir } from '../backend/maintenance';
import { systemPlatform } from '../backend/platform';
import type { Input, Method, Output } from '../shared/api';
import { CliError } from './errors';
import { AppError } from '../shared/errors';
import { printCaseTable, printJson } from './output';
import { promptHidden } from './prompt';
import { caseSortFields, type CaseFilter, type CaseRecord, type CaseSort } from '../shared/domain/cases';

const USAGE = `Usage: caseboard [--data DIR] <command> [options]

Commands:
  init --office NAME --user NAME   create a vault; NAME becomes its first admin
  status [--json]                  office, your account, number of cases
  cases add [--json]               read one case or an array of cases as JSON from stdin
  cases list [--json] [--status S] [--priority P] [--region R] [--violation V] [--assignee ID|me|none]
             [--tag T] [--from DATE] [--to DATE] [--search TEXT] [--sort FIELD[:desc]] [--limit N] [--offset N]
                                   (list options take one value or several separated by commas)
  cases import FILE [--map JSON]   import a CSV or XLSX file (header row; --map '{"title":"Column"}')
  cases export --format csv|xlsx --out FILE [filters as for list]   (the file is NOT encrypted)
  persons add [--json]             read one person or an array {"name", "birthDate"?, "region"?} from stdin
  persons list [--json] [--search TEXT]
  passphrase change                re-wrap your key slot under a new passphrase
  audit verify [--json]            recompute the audit chain; exit 1 naming the first broken entry
  wipe --yes                       crypto-erase the vault in --data (no passphrase needed; cannot be undone)
  backup --out FILE [--recipient age1…]   an encrypted backup (age); the backup passphrase comes from
                                   CASEBOARD_BACKUP_PASSPHRASE or a prompt unless only recipients are given
  restore FILE --data NEWDIR [--identity KEYFILE]   restore into a new directory and check it opens

The passphrase is read from CASEBOARD_PASSPHRASE or asked on the terminal.
A new passphrase (init, passphrase change) is read from CASEBOARD_NEW_PASSPHRASE or asked.`;

const options = {
  data: { type: 'string' },
  office: { type: 'string' },
  user: { type: 'string' },
  json: { type: 'boolean', default: false },
  sort: { type: 'string', multiple: true },
  status: { type: 'string', multiple: true },
  priority: { type: 'string', multiple: true },
  region: { type: 'string', multiple: true },
  violation: { type: 'string', multiple: true },
  assignee: { type: 'string' },
  tag: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  search: { type: 'string' },
  map: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  yes: { type: 'boolean', default: false },
  recipient: { type: 'string', multiple: true },
  identity: { type: 'string' },
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

function parseJson(text: string, source = 'stdin'): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError('VALIDATION', `${source} is not valid JSON (${(error as Error).message}).`);
  }
}

function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new CliError('USAGE', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
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

const listOf = (values: string[] | undefined) => values?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

/** The list filters from the flags; the backend validates each value and names a bad one. */
function parseFilter(flags: Flags): CaseFilter {
  const filter: Record<string, unknown> = {
    status: listOf(flags.status),
    priority: listOf(flags.priority),
    region: listOf(flags.region),
    violation: listOf(flags.violation),
    assignee: flags.assignee,
    tag: flags.tag,
    from: flags.from,
    to: flags.to,
    search: flags.search,
  };
  for (const key of Object.keys(filter)) if (filter[key] === undefined) delete filter[key];
  return filter as CaseFilter;
}

async function listAll(backend: Backend, flags: Flags): Promise<CaseRecord[]> {
  const sort = parseSort(flags.sort);
  const filter = parseFilter(flags);
  const offset = whole(flags.offset, 'offset', 0);
  const limit = flags.limit === undefined ? Number.POSITIVE_INFINITY : whole(flags.limit, 'limit', 0);
  const rows: CaseRecord[] = [];
  // Each page after the first continues from the previous one's cursor.
  let after: string | undefined;
  while (rows.length < limit) {
    const size = Math.min(1000, limit - rows.length);
    const page = await call(backend, 'cases.list', { filter, sort, limit: size, ...(after ? { after } : { offset }) });
    rows.push(...page.rows);
    if (!page.nextCursor) break;
    after = page.nextCursor;
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
  const groups = ['cases', 'persons', 'passphrase', 'audit'];
  const words = groups.includes(positionals[0] ?? '') ? 2 : 1;
  const command = positionals.slice(0, words).join(' ');
  const extra = positionals.slice(words);
  if (extra.length > 0 && command !== 'cases import' && command !== 'restore') throw new CliError('USAGE', `Unexpected argument "${extra[0]}". Run with --help for the list.`);
  if (flags.help || command === '' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const dataDir = resolve(flags.data ?? process.env.CASEBOARD_DATA ?? defaultDataDir());
  const kdfTarget = process.env.CASEBOARD_KDF_TARGET_MS;
  const platform = systemPlatform(dataDir, kdfTarget ? { kdfTargetMs: Number(kdfTarget) } : undefined);
  const out = flags.out;
  // The CLI's "save dialog" is --out: the file goes exactly where the administrator said.
  if (out) {
    platform.saveFile = async (_name, data) => {
      writeFileSync(resolve(out), data, { mode: 0o600 });
      return resolve(out);
    };
  }
  const backend = createBackend(platform);

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
        const input = parseJson(await readStdin(), 'stdin');
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
      case 'cases import': {
        const [file] = extra;
        if (!file || extra.length !== 1) throw new CliError('USAGE', 'cases import takes one FILE (.csv or .xlsx).');
        const mapping = flags.map === undefined ? undefined : parseJson(flags.map, '--map');
        const bytes = readInput(file);
        await unlocked(backend);
        const input = { fileName: basename(file), dataBase64: bytes.toString('base64'), ...(mapping === undefined ? {} : { mapping: mapping as never }) };
        const { ids } = await call(backend, 'cases.import', input);
        if (flags.json) printJson(ids);
        else process.stdout.write(`${ids.join('\n')}\n`);
        return;
      }
      case 'cases export': {
        if (flags.format !== 'csv' && flags.format !== 'xlsx') throw new CliError('USAGE', 'cases export needs --format csv or --format xlsx.');
        if (!flags.out) throw new CliError('USAGE', 'cases export needs --out FILE.');
        await unlocked(backend);
        const result = await call(backend, 'cases.export', { format: flags.format, filter: parseFilter(flags), sort: parseSort(flags.sort) });
        if (flags.json) printJson(result);
        else process.stdout.write(`Wrote ${result.rows} cases to ${result.path} (not encrypted).\n`);
        return;
      }
      case 'persons add': {
        const input = parseJson(await readStdin(), 'stdin');
        await unlocked(backend);
        const { ids } = await call(backend, 'persons.createMany', { persons: (Array.isArray(input) ? input : [input]) as never });
        if (flags.json) printJson(ids);
        else process.stdout.write(`${ids.join('\n')}\n`);
        return;
      }
      case 'persons list': {
        await unlocked(backend);
        const rows = [];
        for (let offset = 0; ; offset += 1000) {
          const page = await call(backend, 'persons.list', { offset, limit: 1000, ...(flags.search ? { search: flags.search } : {}) });
          rows.push(...page.rows);
          if (page.rows.length < 1000) break;
        }
        if (flags.json) printJson(rows);
        else process.stdout.write(`${rows.map((p) => [p.id, p.birthDate ?? '', p.displayName, p.latinName].join('  ')).join('\n')}\n`);
        return;
      }
      case 'backup': {
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
        return;
      }
      case 'restore': {
        const [file] = extra;
        if (!file || extra.length !== 1) throw new CliError('USAGE', 'restore takes one backup FILE, and --data NEWDIR.');
        if (!flags.data) throw new CliError('USAGE', 'restore needs --data NEWDIR, an empty or new directory.');
        const identities = flags.identity
          ? readInput(flags.identity).toString('utf8').split('\n').map((l) => l.trim()).filter((l) => l.startsWith('AGE-SECRET-KEY-'))
          : [];
        const backupPassphrase = process.env.CASEBOARD_BACKUP_PASSPHRASE ?? (identities.length > 0 ? undefined : await promptHidden('Backup passphrase: '));
        const staff = await passphrase('CASEBOARD_PASSPHRASE', 'Your passphrase in the restored vault (to check it opens): ');
        const restored = await restoreDataDir(readInput(file), { passphrase: backupPassphrase, identities }, dataDir, staff, platform.vault);
        if (flags.json) printJson({ dataDir, ...restored });
        else process.stdout.write(`Restored the vault of ${restored.office} (backup of ${restored.createdAt}) into ${dataDir}.\n`);
        return;
      }
      case 'wipe': {
        if (!flags.yes) throw new CliError('USAGE', 'wipe destroys the vault for good: confirm with --yes.');
        const report = wipeDataDir(dataDir);
        if (flags.json) printJson(report);
        else process.stdout.write(`Wiped: ${report.slotsDestroyed} key slots destroyed, ${report.filesRemoved.length} files overwritten and removed.\n`);
        return;
      }
      case 'audit verify': {
        await unlocked(backend);
        const verdict = await call(backend, 'audit.verify', {});
        if (flags.json) printJson(verdict);
        if (!verdict.ok) throw new CliError('AUDIT_BROKEN', `${verdict.reason}; ${verdict.entries} entries read.`);
        if (!flags.json) process.stdout.write(`Audit log intact: ${verdict.entries} entries.\n`);
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
    const known = error instanceof CliError || error instanceof AppError;
    const code = known ? error.code : 'INTERNAL';
    const message = known ? error.message : 'An unexpected error occurred.';
    process.stderr.write(`${code}: ${message}\n`);
    process.exit(code === 'USAGE' ? 2 : 1);
  },
);
