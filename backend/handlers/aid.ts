import type { Handlers } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { MAX_ATTACHMENT_BYTES } from '../../shared/domain/cases';
import { shiftDay } from '../../shared/domain/aid-guards';
import { findProgramme, getProgrammeDetail, getProgrammeRow, insertProgramme, listProgrammes, toProgrammeRecord, updateProgramme } from '../../db/repositories/aid-programmes';
import {
  approveDisbursement,
  cancelDisbursement,
  ledgerError,
  payDisbursement,
  previewGuards,
  rejectDisbursement,
  requestDisbursement,
  reverseDisbursement,
  type Actor,
} from '../../db/repositories/aid-ledger';
import { approvalQueue, getDisbursementDetail, getDisbursementRecord, listDisbursements } from '../../db/repositories/aid-queries';
import { addReceipt, getReceipt } from '../../db/repositories/aid-receipts';
import { insertAidRequest, listAidRequests, setAidRequestStatus } from '../../db/repositories/aid-requests';
import { resolveRecipient } from '../../db/repositories/aid-recipients';
import { buildReport } from '../../db/repositories/aid-reports';
import { pseudonymKey, readAidSettings, writeAidSettings } from '../../db/repositories/aid-settings';
import type { Tx } from '../../db/repositories/changes';
import { donorReportCsv, donorReportXlsx, gatherDonorReport } from '../aid/donor-report';
import { iatiActivityXml } from '../aid/iati';
import type { BackendContext } from '../context';
import { authorOf } from './author';

const fileSlug = (name: string) => name.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'programme';

export function aidHandlers(context: BackendContext) {
  const { session, platform } = context;
  const orm = () => session.require().orm;
  const actor = (): Actor => ({ ...authorOf(context), role: session.require().user.role });
  const windowDays = () => readAidSettings(orm()).duplicateWindowDays;
  /** A write whose ledger triggers' aborts come back as the AppErrors they stand for. */
  const ledgerWrite = <T>(fn: (tx: Tx) => T): T => {
    try {
      return context.write(fn);
    } catch (error) {
      throw ledgerError(error);
    }
  };

  return {
    'aid.programmes.list': () => listProgrammes(orm()),
    'aid.programmes.get': ({ id }) => getProgrammeDetail(orm(), id),
    'aid.programmes.create': (input) => {
      const author = authorOf(context);
      return toProgrammeRecord(context.write((tx) => insertProgramme(tx, input, author)));
    },
    'aid.programmes.update': ({ id, patch }) => {
      const author = authorOf(context);
      return toProgrammeRecord(context.write((tx) => updateProgramme(tx, id, patch, author)));
    },

    'aid.requests.list': (filter) => listAidRequests(orm(), filter),
    'aid.requests.create': (input) => {
      const author = authorOf(context);
      return { id: context.write((tx) => insertAidRequest(tx, input, author)) };
    },
    'aid.requests.setStatus': ({ id, status }) => {
      const author = authorOf(context);
      context.write((tx) => setAidRequestStatus(tx, id, status, author));
      return { updated: true as const };
    },

    'aid.recipients.resolve': ({ recipient }) => resolveRecipient(orm(), recipient),

    'aid.disbursements.list': (query) => listDisbursements(orm(), query),
    'aid.disbursements.get': ({ id }) => getDisbursementDetail(orm(), id, windowDays()),
    'aid.disbursements.check': (input) => previewGuards(orm(), input, windowDays()),
    'aid.disbursements.create': (input) => {
      const who = actor();
      const days = windowDays();
      const { row, warnings } = ledgerWrite((tx) => requestDisbursement(tx, input, who, days));
      return { disbursement: getDisbursementRecord(orm(), row.id), warnings };
    },
    'aid.disbursements.approve': ({ id, ...input }) => {
      const who = actor();
      const days = windowDays();
      const { warnings } = ledgerWrite((tx) => approveDisbursement(tx, id, input, who, days));
      return { disbursement: getDisbursementRecord(orm(), id), warnings };
    },
    'aid.disbursements.reject': ({ id, reason }) => {
      const who = actor();
      ledgerWrite((tx) => rejectDisbursement(tx, id, reason, who));
      return getDisbursementRecord(orm(), id);
    },
    'aid.disbursements.cancel': ({ id, reason }) => {
      const who = actor();
      ledgerWrite((tx) => cancelDisbursement(tx, id, reason, who));
      return getDisbursementRecord(orm(), id);
    },
    'aid.disbursements.pay': ({ id, reference }) => {
      const who = actor();
      ledgerWrite((tx) => payDisbursement(tx, id, reference, who));
      return getDisbursementRecord(orm(), id);
    },
    'aid.disbursements.reverse': ({ id, reason, date }) => {
      const who = actor();
      const day = date ?? who.at.slice(0, 10);
      if (day > shiftDay(who.at.slice(0, 10), 1)) throw new AppError('VALIDATION', 'date: a reversal cannot be dated in the future');
      const row = ledgerWrite((tx) => reverseDisbursement(tx, id, reason, day, who));
      return getDisbursementRecord(orm(), row.id);
    },
    'aid.queue': (query) => approvalQueue(orm(), query),

    'aid.receipts.add': ({ disbursementId, fileName, mediaType, dataBase64 }) => {
      const data = Buffer.from(dataBase64, 'base64');
      if (data.length > MAX_ATTACHMENT_BYTES) throw new AppError('VALIDATION', 'dataBase64: is larger than 25 MiB');
      if (data.length === 0) throw new AppError('VALIDATION', 'dataBase64: the file is empty');
      const author = authorOf(context);
      return ledgerWrite((tx) => addReceipt(tx, { disbursementId, fileName, mediaType, data }, author));
    },
    'aid.receipts.get': ({ id }) => {
      const { meta, data } = getReceipt(orm(), id);
      return { meta, dataBase64: data.toString('base64') };
    },

    'aid.report': (query) => {
      if (query.programmeId) getProgrammeRow(orm(), query.programmeId);
      return buildReport(orm(), query);
    },
    'aid.export': async ({ programmeId, from, to, format, language }) => {
      if (!platform.saveFile) throw new AppError('FORBIDDEN', 'This front end cannot write files.');
      const vault = session.require();
      const programme = findProgramme(vault.orm, programmeId);
      const key = context.write((tx) => pseudonymKey(tx));
      const report = gatherDonorReport(vault.orm, programme, from, to, key);
      const settings = readAidSettings(vault.orm);
      const data =
        format === 'csv'
          ? donorReportCsv(report, language)
          : format === 'xlsx'
            ? await donorReportXlsx(report, language)
            : iatiActivityXml(report, { name: vault.officeName, iatiRef: settings.iatiOrganisationRef }, platform.now());
      const extension = format === 'iati' ? 'xml' : format;
      const path = await platform.saveFile(`${fileSlug(programme.name)}-${from}-${to}.${extension}`, data);
      if (path) {
        context.write(() => undefined, { entity: 'export', ids: [programme.id], before: null, after: { donorReport: format, from, to, entries: report.entries.length, totals: report.totals } });
      }
      return { path, entries: report.entries.length };
    },

    'aid.settings.get': () => readAidSettings(orm()),
    'aid.settings.update': (patch) => {
      const before = readAidSettings(orm());
      const now = platform.now().toISOString();
      return context.write((tx) => writeAidSettings(tx, patch, now), { entity: 'aid-settings', ids: [], before, after: { ...before, ...patch } });
    },
  } satisfies Pick<
    Handlers,
    | 'aid.programmes.list'
    | 'aid.programmes.get'
    | 'aid.programmes.create'
    | 'aid.programmes.update'
    | 'aid.requests.list'
    | 'aid.requests.create'
    | 'aid.requests.setStatus'
    | 'aid.recipients.resolve'
    | 'aid.disbursements.list'
    | 'aid.disbursements.get'
    | 'aid.disbursements.check'
    | 'aid.disbursements.create'
    | 'aid.disbursements.approve'
    | 'aid.disbursements.reject'
    | 'aid.disbursements.cancel'
    | 'aid.disbursements.pay'
    | 'aid.disbursements.reverse'
    | 'aid.queue'
    | 'aid.receipts.add'
    | 'aid.receipts.get'
    | 'aid.report'
    | 'aid.export'
    | 'aid.settings.get'
    | 'aid.settings.update'
  >;
}
