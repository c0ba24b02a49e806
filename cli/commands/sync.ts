import type { ImportSummary } from '../../shared/domain/sync';
import { sharingPolicySchema } from '../../shared/sync/policy';
import { call, readInput, readJsonStdin, unlocked, whole, type Command } from '../context';
import { CliError } from '../errors';
import { printJson } from '../output';

export const syncUsage = `  identity show [--json]           this office's site id, fingerprint and public keys
  identity card --out FILE         write this office's card (public) for partners
  partner add CARDFILE [--name N]  trust a partner from its card (compare its fingerprint first)
  partner add --name N --age-recipient age1… --signing-key KEY   … or from its keys
  partner list [--json]            partners, their fingerprints, policies and last exchanges
  partner policy NAME              set a partner's sharing policy from stdin JSON
  sync export --to NAME --out FILE a signed bundle, encrypted to the partner, of what it lacks
  sync import FILE [--json]        verify and apply a partner's bundle; exit 1 with the code if refused
  conflicts list [--json]          fields partners disagree on
  conflicts resolve ID INDEX       keep value INDEX (0 is the one shown) of conflict ID
  purge case|person ID [--field F] --yes   erase a record, or a field's earlier values, here and at partners`;

function recordCounts(records: ImportSummary['records']): string {
  const parts = Object.entries(records).map(([entity, c]) => `${entity}: ${c.created} new, ${c.updated} changed, ${c.deleted} deleted`);
  return parts.length ? parts.join('; ') : 'no records changed';
}

export const syncCommands: Record<string, Command> = {
  'identity show': {
    async run({ flags, backend }) {
      await unlocked(backend);
      const identity = await call(backend, 'sync.identity', {});
      if (flags.json) printJson(identity);
      else {
        process.stdout.write(
          `Office:        ${identity.office}\nSite:          ${identity.siteId}\nFingerprint:   ${identity.fingerprint}\nSigning key:   ${identity.signingKey}\nAge recipient: ${identity.ageRecipient}\n`,
        );
      }
    },
  },
  'identity card': {
    async run({ flags, backend }) {
      if (!flags.out) throw new CliError('USAGE', 'identity card needs --out FILE.');
      await unlocked(backend);
      const { path } = await call(backend, 'sync.saveCard', {});
      const identity = await call(backend, 'sync.identity', {});
      if (flags.json) printJson({ path, fingerprint: identity.fingerprint });
      else process.stdout.write(`Wrote the card of ${identity.office} to ${path}.\nFingerprint: ${identity.fingerprint}\n`);
    },
  },
  'partner add': {
    args: { min: 0, max: 1, what: 'one CARDFILE, or --name, --age-recipient and --signing-key' },
    async run({ flags, args, backend }) {
      const [file] = args;
      const name = flags.name;
      let input;
      if (file) {
        const card = readInput(file).toString('utf8');
        input = { card, fingerprintConfirmed: true as const, ...(name ? { name } : {}) };
      } else {
        if (!name || !flags['age-recipient'] || !flags['signing-key']) throw new CliError('USAGE', 'partner add needs a CARDFILE, or --name, --age-recipient and --signing-key.');
        input = { name, ageRecipient: flags['age-recipient'], signingKey: flags['signing-key'], fingerprintConfirmed: true as const };
      }
      await unlocked(backend);
      const partner = await call(backend, 'partners.add', input);
      if (flags.json) printJson(partner);
      else process.stdout.write(`Added partner ${partner.name}.\nFingerprint: ${partner.fingerprint}\nCompare it with ${partner.name} by phone or in person before exchanging bundles.\n`);
    },
  },
  'partner list': {
    async run({ flags, backend }) {
      await unlocked(backend);
      const partners = await call(backend, 'partners.list', {});
      if (flags.json) printJson(partners);
      else {
        const lines = partners.map((p) => `${p.name}  ${p.fingerprint}  last sent ${p.lastExport?.at ?? 'never'}  last received ${p.lastImport?.at ?? 'never'}`);
        process.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'No partners yet.\n');
      }
    },
  },
  'partner policy': {
    args: { min: 1, max: 1, what: 'one partner NAME, and the policy JSON on stdin' },
    async run({ flags, args, backend }) {
      const parsed = sharingPolicySchema.safeParse(await readJsonStdin());
      if (!parsed.success) throw new CliError('VALIDATION', `policy: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim());
      await unlocked(backend);
      const partner = (await call(backend, 'partners.list', {})).find((p) => p.name.toLowerCase() === args[0]!.toLowerCase() || p.id === args[0]);
      if (!partner) throw new CliError('UNKNOWN_PARTNER', `There is no partner called ${args[0]}.`);
      const updated = await call(backend, 'partners.setPolicy', { id: partner.id, policy: parsed.data });
      if (flags.json) printJson(updated);
      else process.stdout.write(`Policy for ${updated.name} saved; the next bundle carries everything it now shares.\n`);
    },
  },
  'sync export': {
    async run({ flags, backend }) {
      if (!flags.to || !flags.out) throw new CliError('USAGE', 'sync export needs --to NAME and --out FILE.');
      await unlocked(backend);
      const { path, summary } = await call(backend, 'sync.export', { partner: flags.to });
      if (flags.json) printJson({ path, summary });
      else {
        const records = Object.entries(summary.records).map(([entity, n]) => `${n} ${entity}`).join(', ') || 'no records';
        process.stdout.write(`Wrote a bundle for ${summary.partner.name} to ${path}: ${records} (${summary.ops} operations).\n`);
      }
    },
  },
  'sync import': {
    args: { min: 1, max: 1, what: 'one bundle FILE' },
    async run({ flags, args, backend }) {
      const data = readInput(args[0]!);
      await unlocked(backend);
      const summary = await call(backend, 'sync.import', { dataBase64: data.toString('base64') });
      if (flags.json) printJson(summary);
      else {
        const notes = summary.warnings.map((w) => `  note: ${w.code}${'days' in w ? ` (${w.days} days)` : 'count' in w ? ` (${w.count})` : 'records' in w ? ` (${w.records})` : ''}\n`).join('');
        process.stdout.write(
          `Imported a bundle from ${summary.partner.name}: ${summary.applied} of ${summary.ops} operations new; ${recordCounts(summary.records)}; ${summary.conflicts.length} conflicts.\n${notes}`,
        );
      }
    },
  },
  'conflicts list': {
    async run({ flags, backend }) {
      await unlocked(backend);
      const conflicts = await call(backend, 'conflicts.list', {});
      if (flags.json) printJson(conflicts);
      else {
        const lines = conflicts.map((c) => `${c.id}\n  ${c.root.label ?? c.key} · ${c.field}\n${c.values.map((v, i) => `  [${i}] ${JSON.stringify(v.value)} — ${v.office ?? v.site}, ${v.at}`).join('\n')}`);
        process.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'No conflicts.\n');
      }
    },
  },
  'conflicts resolve': {
    args: { min: 2, max: 2, what: 'a conflict ID and the INDEX of the value to keep' },
    async run({ args, backend }) {
      const choice = whole(args[1], 'INDEX', 0);
      await unlocked(backend);
      await call(backend, 'conflicts.resolve', { id: args[0]!, choice });
      process.stdout.write('Resolved; the choice goes to partners with the next bundles.\n');
    },
  },
  purge: {
    args: { min: 2, max: 2, what: 'case or person, and its ID' },
    async run({ flags, args, backend }) {
      const [entity, id] = args as [string, string];
      if (entity !== 'case' && entity !== 'person') throw new CliError('USAGE', 'purge takes case or person, then the id.');
      if (!flags.yes) throw new CliError('USAGE', 'purge erases for good, here and at partners: confirm with --yes.');
      await unlocked(backend);
      const { purged } = await call(backend, 'records.purge', { entity, id, confirm: 'PURGE', ...(flags.field ? { field: flags.field } : {}) });
      process.stdout.write(flags.field ? `Erased the earlier values of ${flags.field}.\n` : `Purged ${purged} records.\n`);
    },
  },
};
