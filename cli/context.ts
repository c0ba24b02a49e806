/**
 * What every CLI command gets: the parsed flags, its positional arguments, the backend, and the small
 * helpers that turn terminal input into backend calls and backend errors into CLI errors.
 */
import { readFileSync } from 'node:fs';
import type { parseArgs } from 'node:util';
import type { Backend } from '../backend';
import type { Platform } from '../backend/platform';
import type { Input, Method, Output } from '../shared/api';
import { CliError } from './errors';
import { promptHidden } from './prompt';

/** Every flag any command takes; parseArgs is strict, so a flag must be declared here to be accepted. */
export const options = {
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
  full: { type: 'boolean', default: false },
  name: { type: 'string' },
  folder: { type: 'string' },
  every: { type: 'string' },
  keep: { type: 'string' },
  off: { type: 'boolean', default: false },
  role: { type: 'string' },
  // aid
  'confirm-duplicate': { type: 'string' },
  'budget-override': { type: 'string' },
  reference: { type: 'string' },
  reason: { type: 'string' },
  programme: { type: 'string' },
  'group-by': { type: 'string' },
  date: { type: 'string' },
  language: { type: 'string' },
  'age-recipient': { type: 'string' },
  'signing-key': { type: 'string' },
  field: { type: 'string' },
  possible: { type: 'boolean', default: false },
} as const;

export type Flags = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

export interface CliContext {
  flags: Flags;
  /** Positional arguments after the command's own words. */
  args: string[];
  dataDir: string;
  platform: Platform;
  backend: Backend;
}

export interface Command {
  /** The positional arguments it takes (default none), and how the usage error names them. */
  args?: { min: number; max: number; what: string };
  run(ctx: CliContext): Promise<void>;
}

export async function call<M extends Method>(backend: Backend, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new CliError(result.error.code, result.error.message);
  return result.value as Output<M>;
}

export async function passphrase(variable: string, question: string): Promise<string> {
  return process.env[variable] ?? promptHidden(question);
}

export async function newPassphrase(): Promise<string> {
  const fromEnv = process.env.CASEBOARD_NEW_PASSPHRASE;
  if (fromEnv !== undefined) return fromEnv;
  const first = await promptHidden('New passphrase: ');
  const again = await promptHidden('Repeat new passphrase: ');
  if (first !== again) throw new CliError('VALIDATION', 'The two passphrases differ.');
  return first;
}

/** Unlocks and returns the passphrase that did it, for commands that must present it again. */
export async function unlocked(backend: Backend): Promise<string> {
  const current = await passphrase('CASEBOARD_PASSPHRASE', 'Passphrase: ');
  await call(backend, 'vault.unlock', { passphrase: current });
  return current;
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError('USAGE', 'Pipe the JSON into stdin, e.g. `... cases add < cases.json`.');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJson(text: string, source = 'stdin'): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError('VALIDATION', `${source} is not valid JSON (${(error as Error).message}).`);
  }
}

export async function readJsonStdin(): Promise<unknown> {
  return parseJson(await readStdin(), 'stdin');
}

export function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new CliError('USAGE', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
}

export function whole(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new CliError('USAGE', `--${name} takes a whole number.`);
  return Number(value);
}

export const listOf = (values: string[] | undefined) => values?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

/** Prints ids one a line, or as a JSON array with --json. */
export function printIds(ctx: CliContext, ids: readonly string[]): void {
  if (ctx.flags.json) process.stdout.write(`${JSON.stringify(ids, null, 2)}\n`);
  else process.stdout.write(`${ids.join('\n')}\n`);
}
