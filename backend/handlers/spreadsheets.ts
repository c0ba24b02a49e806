import { eq } from 'drizzle-orm';
import type { Handlers } from '../../shared/api';
import { importMappingSchema, type ImportMapping, type ImportPreview } from '../../shared/domain/spreadsheet';
import { AppError } from '../../shared/errors';
import { importCases, listCases } from '../../db/repositories/cases';
import { similarPersons } from '../../db/repositories/duplicates';
import { settings } from '../../db/schema';
import { refreshPlannerStats } from '../../db/connection';
import type { Db } from '../../db/repositories/changes';
import { casesToCsv, casesToXlsx, guessMapping, mappingSignature, missingRequiredFields, parseSpreadsheet, toCaseInputs, type ParsedSpreadsheet } from '../spreadsheet';
import type { BackendContext } from '../context';
import { authorOf } from './author';

const PREVIEW_ROWS = 20;
const EXPORT_PAGE = 1000;
const mappingKey = (columns: string[]) => `import.mapping.${mappingSignature(columns)}`;

function rememberedMapping(db: Db, columns: string[]): ImportMapping | null {
  const row = db.select().from(settings).where(eq(settings.key, mappingKey(columns))).get();
  if (!row) return null;
  const parsed = importMappingSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}

function rememberMapping(db: Db, columns: string[], mapping: ImportMapping, at: string): void {
  const value = JSON.stringify(mapping);
  db.insert(settings).values({ key: mappingKey(columns), value, updatedAt: at }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } }).run();
}

async function prepare(db: Db, input: { fileName: string; dataBase64: string; mapping?: ImportMapping | undefined }) {
  const sheet = await parseSpreadsheet(input.fileName, Buffer.from(input.dataBase64, 'base64'));
  const mapping = input.mapping ?? rememberedMapping(db, sheet.columns) ?? guessMapping(sheet.columns);
  return { sheet, mapping };
}

function convert(sheet: ParsedSpreadsheet, mapping: ImportMapping) {
  return toCaseInputs(sheet.columns, sheet.rows, mapping, sheet.lines);
}

export function spreadsheetHandlers(context: BackendContext) {
  const { session, platform } = context;
  const orm = () => session.require().orm;
  return {
    'cases.importPreview': async (input): Promise<ImportPreview> => {
      const { sheet, mapping } = await prepare(orm(), input);
      const missing = missingRequiredFields(mapping);
      // Without the required columns there is nothing to check yet: show the columns so they can be mapped.
      if (missing.length > 0) {
        return { format: sheet.format, columns: sheet.columns, mapping, totalRows: sheet.rows.length, validRows: 0, rows: [] };
      }
      const { reports } = convert(sheet, mapping);
      const invalid = reports.filter((r) => r.errors.length > 0);
      const shown = new Set(reports.slice(0, PREVIEW_ROWS));
      // The warning that a row's person is probably recorded already, for the rows the preview shows.
      for (const report of shown) {
        const name = report.values.personName;
        if (report.errors.length > 0 || !name) continue;
        const matches = similarPersons(orm(), { name, limit: 3 });
        if (matches.length > 0) report.existing = matches.map((m) => ({ id: m.person.id, displayName: m.person.displayName, score: m.score }));
      }
      return {
        format: sheet.format,
        columns: sheet.columns,
        mapping,
        totalRows: reports.length,
        validRows: reports.length - invalid.length,
        rows: [...shown, ...invalid.filter((r) => !shown.has(r))],
      };
    },
    /** All rows or none: any invalid row refuses the whole file, naming the first problems. */
    'cases.import': async (input) => {
      const { sheet, mapping } = await prepare(orm(), input);
      const { inputs, reports } = convert(sheet, mapping);
      const invalid = reports.filter((r) => r.errors.length > 0);
      if (invalid.length > 0) {
        const first = invalid.slice(0, 3).map((r) => `line ${r.line}: ${r.errors.join('; ')}`).join(' | ');
        throw new AppError('VALIDATION', `${invalid.length} of ${reports.length} rows are invalid; nothing was imported (${first}).`);
      }
      if (inputs.length === 0) throw new AppError('VALIDATION', 'The file has no rows to import.');
      const author = authorOf(context);
      const ids = context.write((tx) => {
        const created = importCases(tx, inputs.map((row) => row!), 'Imported from a spreadsheet', author);
        rememberMapping(tx, sheet.columns, mapping, author.at);
        return created;
      });
      refreshPlannerStats(session.require().sqlite);
      return { ids };
    },
    'cases.export': async ({ format, filter, sort }) => {
      if (!platform.saveFile) throw new AppError('FORBIDDEN', 'This front end cannot write files.');
      const me = session.require().user.id;
      const rows = [];
      let after: string | undefined;
      do {
        const page = listCases(orm(), { filter, sort, offset: 0, limit: EXPORT_PAGE, after }, me);
        rows.push(...page.rows);
        after = page.nextCursor;
      } while (after);
      const data = format === 'csv' ? casesToCsv(rows, 'en') : await casesToXlsx(rows, 'en');
      const stamp = platform.now().toISOString().slice(0, 10);
      const path = await platform.saveFile(`caseboard-cases-${stamp}.${format}`, data);
      // Plaintext leaving the vault is recorded: which cases, in which format, whether it was written.
      if (path) context.write(() => undefined, { entity: 'export', ids: rows.map((r) => r.id), before: null, after: { format, rows: rows.length } });
      return { path, rows: rows.length };
    },
  } satisfies Pick<Handlers, 'cases.importPreview' | 'cases.import' | 'cases.export'>;
}
