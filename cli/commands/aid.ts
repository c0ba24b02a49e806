import type { Backend } from '../../backend';
import { disbursementStatuses, reportGroupings, type DisbursementFilter, type DisbursementRecord, type ProgrammeRecord } from '../../shared/domain/aid';
import { call, listOf, printIds, readJsonStdin, unlocked, type CliContext, type Command } from '../context';
import { CliError } from '../errors';
import { printJson } from '../output';

export const aidUsage = `  aid programmes add [--json]      read one programme or an array from stdin: {"name", "donor", "currency", "budget": "5000.00",
                                   "startsOn", "endsOn", "eligibleTypes"?, "fourEyesThreshold"?: "300.00", "iatiIdentifier"?}
  aid programmes list [--json]
  aid add [--json] [--confirm-duplicate REASON] [--budget-override REASON]
                                   read one disbursement from stdin: {"recipient": person id or name, "programme": name or id,
                                   "amount": "150.00", "currency", "type", "purpose"?, "date", "method"? (default cash),
                                   "case"?, "request"?, "category"?}; a suspected duplicate fails with DUPLICATE_PAYMENT
  aid approve ID [--confirm-duplicate REASON] [--budget-override REASON]
  aid reject ID --reason TEXT       aid cancel ID --reason TEXT
  aid pay ID --reference REF
  aid reverse ID --reason TEXT [--date YYYY-MM-DD]   correct a paid disbursement with a reversing entry
  aid list [--json] [--status S] [--programme P] [--from DATE] [--to DATE] [--search TEXT]
  aid queue [--json]               requests waiting for approval, oldest first
  aid report [--json] --programme P [--from DATE] [--to DATE] [--group-by ${reportGroupings.join('|')}]
  aid export --programme P --from DATE --to DATE --format csv|xlsx|iati --out FILE [--language en|ru|be]
                                   the donor report, recipients by code only (the file is NOT encrypted)
  aid settings update              read {"duplicateWindowDays"?, "iatiOrganisationRef"?} from stdin (admins)`;

const addKeys = new Set(['recipient', 'programme', 'amount', 'currency', 'type', 'purpose', 'date', 'method', 'case', 'request', 'category']);

async function programmeOf(backend: Backend, nameOrId: string): Promise<ProgrammeRecord> {
  const programmes = await call(backend, 'aid.programmes.list', {});
  const wanted = nameOrId.trim().toLowerCase();
  const found = programmes.find((p) => p.id === nameOrId.trim()) ?? programmes.find((p) => p.name.toLowerCase() === wanted);
  if (!found) throw new CliError('NOT_FOUND', `No programme called or with id "${nameOrId.slice(0, 200)}".`);
  return found;
}

function requireFlag(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === '') throw new CliError('USAGE', `--${name} is required.`);
  return value;
}

function one(ctx: CliContext): string {
  const [id] = ctx.args;
  if (!id) throw new CliError('USAGE', 'Give the disbursement id.');
  return id;
}

function printRecord(ctx: CliContext, record: DisbursementRecord, warnings: { code: string; message: string }[] = []) {
  for (const w of warnings) process.stderr.write(`${w.code}: ${w.message}\n`);
  if (ctx.flags.json) printJson(record);
  else process.stdout.write(`${record.id}  ${record.status}  ${record.amount} ${record.currency}  ${record.recipient.displayName}\n`);
}

function printTable(rows: readonly DisbursementRecord[]) {
  const lines = rows.map((r) => [r.id, r.date, r.status, `${r.amount} ${r.currency}`, r.type, r.programme?.name ?? '', r.recipient.displayName].join('  '));
  process.stdout.write(`${['ID  DATE  STATUS  AMOUNT  TYPE  PROGRAMME  RECIPIENT', ...lines].join('\n')}\n`);
}

async function listAll(backend: Backend, filter: DisbursementFilter): Promise<DisbursementRecord[]> {
  const rows: DisbursementRecord[] = [];
  for (;;) {
    const page = await call(backend, 'aid.disbursements.list', { filter, sort: [{ field: 'date', direction: 'asc' }], offset: rows.length, limit: 1000 });
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}

export const aidCommands: Record<string, Command> = {
  'aid programmes add': {
    async run(ctx) {
      const input = await readJsonStdin();
      await unlocked(ctx.backend);
      const items = Array.isArray(input) ? input : [input];
      const created: ProgrammeRecord[] = [];
      // One by one: a programme that fails stops the batch, and the error names it.
      for (const item of items) created.push(await call(ctx.backend, 'aid.programmes.create', item as never));
      if (ctx.flags.json) printJson(Array.isArray(input) ? created : created[0]);
      else printIds(ctx, created.map((p) => p.id));
    },
  },
  'aid programmes list': {
    async run({ flags, backend }) {
      await unlocked(backend);
      const programmes = await call(backend, 'aid.programmes.list', {});
      if (flags.json) printJson(programmes);
      else process.stdout.write(`${programmes.map((p) => `${p.id}  ${p.name}  ${p.donor}  ${p.budget} ${p.currency}  ${p.startsOn}..${p.endsOn}`).join('\n')}\n`);
    },
  },
  'aid add': {
    async run(ctx) {
      const input = await readJsonStdin();
      if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new CliError('VALIDATION', 'stdin: give one disbursement as a JSON object.');
      const fields = input as Record<string, unknown>;
      const unknown = Object.keys(fields).filter((k) => !addKeys.has(k));
      if (unknown.length) throw new CliError('VALIDATION', `stdin: unknown field ${unknown.join(', ')} (known: ${[...addKeys].join(', ')}).`);
      for (const key of ['recipient', 'programme'] as const) {
        if (typeof fields[key] !== 'string' || !fields[key]) throw new CliError('VALIDATION', `${key}: is required (a name or an id)`);
      }
      await unlocked(ctx.backend);
      const recipient = await call(ctx.backend, 'aid.recipients.resolve', { recipient: fields.recipient as string });
      const programme = await programmeOf(ctx.backend, fields.programme as string);
      const result = await call(ctx.backend, 'aid.disbursements.create', {
        recipientId: recipient.id,
        programmeId: programme.id,
        amount: fields.amount as string,
        currency: fields.currency as string,
        type: fields.type as never,
        method: (fields.method ?? 'cash') as never,
        purpose: fields.purpose as string | undefined,
        date: fields.date as string,
        caseId: (fields.case as string | undefined) ?? null,
        requestId: (fields.request as string | undefined) ?? null,
        ...(fields.category !== undefined ? { recipientCategory: fields.category as never } : {}),
        ...(ctx.flags['confirm-duplicate'] !== undefined ? { confirmDuplicate: ctx.flags['confirm-duplicate'] } : {}),
        ...(ctx.flags['budget-override'] !== undefined ? { budgetOverride: ctx.flags['budget-override'] } : {}),
      });
      if (ctx.flags.json) {
        for (const w of result.warnings) process.stderr.write(`${w.code}: ${w.message}\n`);
        printJson(result.disbursement);
      } else {
        for (const w of result.warnings) process.stderr.write(`${w.code}: ${w.message}\n`);
        process.stdout.write(`${result.disbursement.id}\n`);
      }
    },
  },
  'aid approve': {
    args: { min: 1, max: 1, what: 'one disbursement id' },
    async run(ctx) {
      await unlocked(ctx.backend);
      const result = await call(ctx.backend, 'aid.disbursements.approve', {
        id: one(ctx),
        ...(ctx.flags['confirm-duplicate'] !== undefined ? { confirmDuplicate: ctx.flags['confirm-duplicate'] } : {}),
        ...(ctx.flags['budget-override'] !== undefined ? { budgetOverride: ctx.flags['budget-override'] } : {}),
      });
      printRecord(ctx, result.disbursement, result.warnings);
    },
  },
  'aid reject': {
    args: { min: 1, max: 1, what: 'one disbursement id' },
    async run(ctx) {
      const reason = requireFlag(ctx.flags.reason, 'reason');
      await unlocked(ctx.backend);
      printRecord(ctx, await call(ctx.backend, 'aid.disbursements.reject', { id: one(ctx), reason }));
    },
  },
  'aid cancel': {
    args: { min: 1, max: 1, what: 'one disbursement id' },
    async run(ctx) {
      const reason = requireFlag(ctx.flags.reason, 'reason');
      await unlocked(ctx.backend);
      printRecord(ctx, await call(ctx.backend, 'aid.disbursements.cancel', { id: one(ctx), reason }));
    },
  },
  'aid pay': {
    args: { min: 1, max: 1, what: 'one disbursement id' },
    async run(ctx) {
      const reference = requireFlag(ctx.flags.reference, 'reference');
      await unlocked(ctx.backend);
      printRecord(ctx, await call(ctx.backend, 'aid.disbursements.pay', { id: one(ctx), reference }));
    },
  },
  'aid reverse': {
    args: { min: 1, max: 1, what: 'one disbursement id' },
    async run(ctx) {
      const reason = requireFlag(ctx.flags.reason, 'reason');
      await unlocked(ctx.backend);
      printRecord(ctx, await call(ctx.backend, 'aid.disbursements.reverse', { id: one(ctx), reason, ...(ctx.flags.date ? { date: ctx.flags.date } : {}) }));
    },
  },
  'aid list': {
    async run(ctx) {
      await unlocked(ctx.backend);
      const status = listOf(ctx.flags.status);
      for (const s of status ?? []) if (!(disbursementStatuses as string[]).includes(s)) throw new CliError('USAGE', `--status takes ${disbursementStatuses.join(', ')}.`);
      const filter: Record<string, unknown> = {
        status,
        programmeId: ctx.flags.programme ? (await programmeOf(ctx.backend, ctx.flags.programme)).id : undefined,
        from: ctx.flags.from,
        to: ctx.flags.to,
        search: ctx.flags.search,
      };
      for (const key of Object.keys(filter)) if (filter[key] === undefined) delete filter[key];
      const rows = await listAll(ctx.backend, filter as DisbursementFilter);
      if (ctx.flags.json) printJson(rows);
      else printTable(rows);
    },
  },
  'aid queue': {
    async run(ctx) {
      await unlocked(ctx.backend);
      const page = await call(ctx.backend, 'aid.queue', { limit: 1000 });
      if (ctx.flags.json) printJson(page.rows);
      else printTable(page.rows);
    },
  },
  'aid report': {
    async run(ctx) {
      const groupBy = ctx.flags['group-by'] ?? 'month';
      if (!(reportGroupings as readonly string[]).includes(groupBy)) throw new CliError('USAGE', `--group-by takes ${reportGroupings.join(', ')}.`);
      await unlocked(ctx.backend);
      const programmeId = ctx.flags.programme ? (await programmeOf(ctx.backend, ctx.flags.programme)).id : undefined;
      const report = await call(ctx.backend, 'aid.report', {
        groupBy: groupBy as never,
        ...(programmeId ? { programmeId } : {}),
        ...(ctx.flags.from ? { from: ctx.flags.from } : {}),
        ...(ctx.flags.to ? { to: ctx.flags.to } : {}),
      });
      if (ctx.flags.json) printJson(report);
      else {
        const lines = report.rows.map((r) => `${r.label}  ${r.amount} ${r.currency}  (${r.payments})`);
        const totals = report.totals.map((t) => `TOTAL  ${t.amount} ${t.currency}`);
        process.stdout.write(`${[...lines, ...totals].join('\n')}\n`);
      }
    },
  },
  'aid export': {
    async run(ctx) {
      const programme = requireFlag(ctx.flags.programme, 'programme');
      const from = requireFlag(ctx.flags.from, 'from');
      const to = requireFlag(ctx.flags.to, 'to');
      const format = requireFlag(ctx.flags.format, 'format');
      requireFlag(ctx.flags.out, 'out');
      await unlocked(ctx.backend);
      const { id } = await programmeOf(ctx.backend, programme);
      const result = await call(ctx.backend, 'aid.export', { programmeId: id, from, to, format: format as never, ...(ctx.flags.language ? { language: ctx.flags.language as never } : {}) });
      process.stdout.write(`Wrote ${result.entries} entries to ${result.path} (NOT encrypted; recipients by code only).\n`);
    },
  },
  'aid settings update': {
    async run(ctx) {
      const input = await readJsonStdin();
      await unlocked(ctx.backend);
      printJson(await call(ctx.backend, 'aid.settings.update', input as never));
    },
  },
};
