import type { Backend } from '../../backend';
import { roles, type Role } from '../../shared/domain/staff';
import type { StaffRecord } from '../../shared/domain/staff-accounts';
import { call, readJsonStdin, unlocked, type Command, type Flags } from '../context';
import { CliError } from '../errors';
import { generateOneTimePassphrase } from '../one-time-passphrase';
import { printJson } from '../output';

export const staffUsage = `  staff list [--json]              the active staff accounts
  staff add --name NAME --role ROLE [--json]   a new account (or {"name","role"} as JSON on stdin); prints its
                                   one-time passphrase once: hand it over in person
  staff role ACCOUNT ROLE [--json]  change a role (ACCOUNT: an id or an exact name); roles: ${roles.join(' ')}
  staff remove ACCOUNT [--json]    remove an account: its key slot goes at once, its history stays`;

function parseRole(value: unknown): Role {
  if (typeof value === 'string' && (roles as readonly string[]).includes(value)) return value as Role;
  throw new CliError('USAGE', `The role must be one of ${roles.join(', ')}.`);
}

async function newAccount(flags: Flags): Promise<{ name: string; role: Role }> {
  if (flags.name !== undefined || flags.role !== undefined) {
    if (!flags.name || !flags.role) throw new CliError('USAGE', 'staff add needs both --name NAME and --role ROLE (or JSON on stdin).');
    return { name: flags.name, role: parseRole(flags.role) };
  }
  const input = await readJsonStdin();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new CliError('VALIDATION', 'stdin must hold one object {"name", "role"}.');
  const { name, role } = input as Record<string, unknown>;
  if (typeof name !== 'string') throw new CliError('VALIDATION', 'name: is required');
  return { name, role: parseRole(role) };
}

/** An account by its id, or by its exact name when exactly one active account bears it. */
async function findAccount(backend: Backend, ref: string): Promise<StaffRecord> {
  const accounts = await call(backend, 'staff.list', {});
  const byId = accounts.find((a) => a.id === ref);
  if (byId) return byId;
  const wanted = ref.normalize('NFC').trim().toLocaleLowerCase();
  const named = accounts.filter((a) => a.name.normalize('NFC').toLocaleLowerCase() === wanted);
  if (named.length === 1) return named[0]!;
  if (named.length > 1) throw new CliError('VALIDATION', `${named.length} accounts are named "${ref}": give the id (staff list).`);
  throw new CliError('NOT_FOUND', `No active staff account with the id or name "${ref}".`);
}

function printTable(rows: readonly StaffRecord[]): void {
  const header = ['ID', 'ROLE', 'NAME', 'NOTE'];
  const lines = rows.map((r) => [r.id, r.role, r.name, r.mustChangePassphrase ? 'one-time passphrase not yet replaced' : '']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => [...l[i]!].length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  process.stdout.write(`${[format(header), ...lines.map(format)].join('\n')}\n`);
}

export const staffCommands: Record<string, Command> = {
  'staff list': {
    async run({ flags, backend }) {
      await unlocked(backend);
      const accounts = await call(backend, 'staff.list', {});
      if (flags.json) printJson(accounts);
      else printTable(accounts);
    },
  },
  'staff add': {
    async run({ flags, backend }) {
      const account = await newAccount(flags);
      await unlocked(backend);
      const oneTimePassphrase = generateOneTimePassphrase();
      const record = await call(backend, 'staff.add', { ...account, oneTimePassphrase });
      if (flags.json) {
        printJson({ ...record, oneTimePassphrase });
        return;
      }
      process.stdout.write(
        `Added ${record.name} (${record.role}), id ${record.id}.\n` +
          'One-time passphrase, shown only now: hand it over in person; it opens the account once, to choose their own.\n' +
          `  ${oneTimePassphrase}\n`,
      );
    },
  },
  'staff role': {
    args: { min: 2, max: 2, what: 'an ACCOUNT (id or name) and a ROLE' },
    async run({ flags, args, backend }) {
      const [ref, roleArg] = args as [string, string];
      const role = parseRole(roleArg);
      await unlocked(backend);
      const account = await findAccount(backend, ref);
      const record = await call(backend, 'staff.setRole', { id: account.id, role });
      if (flags.json) printJson(record);
      else process.stdout.write(`${record.name} is now ${record.role}.\n`);
    },
  },
  'staff remove': {
    args: { min: 1, max: 1, what: 'one ACCOUNT (id or name)' },
    async run({ flags, args, backend }) {
      const [ref] = args as [string];
      await unlocked(backend);
      const account = await findAccount(backend, ref);
      await call(backend, 'staff.remove', { id: account.id });
      if (flags.json) printJson({ removed: true, id: account.id, name: account.name });
      else process.stdout.write(`Removed ${account.name}: their passphrase no longer opens the vault.\n`);
    },
  },
};
