import { basename } from 'node:path';
import type { Backend } from '../../backend';
import { caseSortFields, type CaseFilter, type CaseRecord, type CaseSort } from '../../shared/domain/cases';
import { call, listOf, parseJson, printIds, readInput, readJsonStdin, unlocked, whole, type Command, type Flags } from '../context';
import { CliError } from '../errors';
import { printCaseTable, printJson } from '../output';

export const caseUsage = `  cases add [--json]               read one case or an array of cases as JSON from stdin
  cases list [--json] [--status S] [--priority P] [--region R] [--violation V] [--assignee ID|me|none]
             [--tag T] [--from DATE] [--to DATE] [--search TEXT] [--sort FIELD[:desc]] [--limit N] [--offset N]
                                   (list options take one value or several separated by commas)
  cases import FILE [--map JSON]   import a CSV or XLSX file (header row; --map '{"title":"Column"}')
  cases export --format csv|xlsx --out FILE [filters as for list]   (the file is NOT encrypted)`;

function parseSort(values: string[] | undefined): CaseSort[] {
  return (values ?? []).map((value) => {
    const [field, direction = 'asc'] = value.split(':');
    if (!(caseSortFields as readonly string[]).includes(field ?? '') || !['asc', 'desc'].includes(direction)) {
      throw new CliError('USAGE', `--sort takes FIELD[:asc|desc] with FIELD one of ${caseSortFields.join(', ')}.`);
    }
    return { field: field as CaseSort['field'], direction: direction as CaseSort['direction'] };
  });
}

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

export const caseCommands: Record<string, Command> = {
  'cases add': {
    async run(ctx) {
      const input = await readJsonStdin();
      await unlocked(ctx.backend);
      const { ids } = await call(ctx.backend, 'cases.createMany', { cases: (Array.isArray(input) ? input : [input]) as never });
      printIds(ctx, ids);
    },
  },
  'cases list': {
    async run({ flags, backend }) {
      await unlocked(backend);
      const rows = await listAll(backend, flags);
      if (flags.json) printJson(rows);
      else printCaseTable(rows);
    },
  },
  'cases import': {
    args: { min: 1, max: 1, what: 'one FILE (.csv or .xlsx)' },
    async run(ctx) {
      const [file] = ctx.args as [string];
      const mapping = ctx.flags.map === undefined ? undefined : parseJson(ctx.flags.map, '--map');
      const bytes = readInput(file);
      await unlocked(ctx.backend);
      const input = { fileName: basename(file), dataBase64: bytes.toString('base64'), ...(mapping === undefined ? {} : { mapping: mapping as never }) };
      const { ids } = await call(ctx.backend, 'cases.import', input);
      printIds(ctx, ids);
    },
  },
  'cases export': {
    async run({ flags, backend }) {
      if (flags.format !== 'csv' && flags.format !== 'xlsx') throw new CliError('USAGE', 'cases export needs --format csv or --format xlsx.');
      if (!flags.out) throw new CliError('USAGE', 'cases export needs --out FILE.');
      await unlocked(backend);
      const result = await call(backend, 'cases.export', { format: flags.format, filter: parseFilter(flags), sort: parseSort(flags.sort) });
      if (flags.json) printJson(result);
      else process.stdout.write(`Wrote ${result.rows} cases to ${result.path} (not encrypted).\n`);
    },
  },
};
