/**
 * Creating cases — one from the form, or 25,000 from a spreadsheet — in the caller's transaction: all are
 * written or none. The per-row statements are prepared once, and each case's search entry is built from the
 * values in hand instead of being read back.
 */
import { sql } from 'drizzle-orm';
import { statusChangeNeedsReason, type CaseStatus, type ParsedNewCase } from '../../shared/domain/cases';
import type { CasePersonRole } from '../../shared/domain/vocabularies';
import { AppError } from '../../shared/errors';
import { newId } from '../ids';
import { rowInsert } from '../prepared';
import { casePersons, cases, caseTags, caseViolations } from '../schema';
import { violationMask } from '../violation-mask';
import { assigneeNameOf, checkEventOrder, eventSpan, priorityRank, statusRank } from './case-fields';
import type { CaseRow } from './case-records';
import { indexCaseEntry, type NameOnCase } from './case-search';
import { recordChanges, type Author, type Db } from './changes';
import { getPersonRow, insertNamedPerson } from './persons';

export interface CaseToCreate {
  case: ParsedNewCase;
  /** Where the case starts; `new` unless an imported row said otherwise (recorded as a move from `new`). */
  status?: CaseStatus | undefined;
}

export function nextReferenceNumber(db: Db, year: string): number {
  const found = db
    .select({ n: sql<number | null>`max(CAST(substr(${cases.reference}, 6) AS INTEGER))` })
    .from(cases)
    .where(sql`${cases.reference} LIKE ${`${year}-%`}`)
    .get();
  return (found?.n ?? 0) + 1;
}

export const formatReference = (year: string, n: number) => `${year}-${String(n).padStart(5, '0')}`;

interface Link extends NameOnCase {
  personId: string;
  role: CasePersonRole;
}

function personsOf(db: Db, input: ParsedNewCase, author: Author): Link[] {
  const links: Link[] = [];
  if (input.personName) {
    const person = insertNamedPerson(db, { name: input.personName }, author);
    links.push({ personId: person.id, role: 'victim', displayName: person.displayName, latinName: person.latinName });
  }
  for (const link of input.persons ?? []) {
    const person = getPersonRow(db, link.personId);
    links.push({ ...link, displayName: person.displayName, latinName: person.latinName });
  }
  return links;
}

/** Writes every case with its persons, violations, tags, history and search entry. Returns the ids. */
export function createCases(db: Db, rows: readonly CaseToCreate[], reason: string | undefined, author: Author): string[] {
  const year = author.at.slice(0, 4);
  let number = nextReferenceNumber(db, year);
  const assignees = new Map<string, string>();
  const ids: string[] = [];
  for (const { case: input, status = 'new' } of rows) {
    checkEventOrder(input.eventDate ?? null, input.eventEndDate ?? null);
    const assigneeId = input.assigneeId ?? null;
    if (assigneeId && !assignees.has(assigneeId)) assignees.set(assigneeId, assigneeNameOf(db, assigneeId));
    const reference = formatReference(year, number++);
    if (statusChangeNeedsReason('new', status) && !reason) {
      throw new AppError('VALIDATION', `reason: is required to move case ${reference} from new to ${status}`);
    }
    const links = personsOf(db, input, author);
    const primary = links.find((l) => l.role === 'victim') ?? links[0]!;
    const violations = [...new Set(input.violations ?? [])];
    const tags = [...new Set(input.tags ?? [])];
    const row: CaseRow = {
      id: newId(),
      reference,
      originReference: '',
      title: input.title,
      personName: primary.displayName,
      region: input.region,
      locality: input.locality ?? '',
      placeOfDetention: input.placeOfDetention ?? '',
      sentence: input.sentence ?? '',
      priority: input.priority,
      priorityRank: priorityRank(input.priority),
      status,
      statusRank: statusRank(status),
      statusReason: status === 'new' ? '' : (reason ?? ''),
      summary: input.summary,
      eventDate: input.eventDate ?? null,
      eventEndDate: input.eventEndDate ?? null,
      ...eventSpan(input.eventDate ?? null, input.eventEndDate ?? null),
      riskHealth: input.risks?.health ?? false,
      riskMinor: input.risks?.minor ?? false,
      riskIncommunicado: input.risks?.incommunicado ?? false,
      riskTorture: input.risks?.torture ?? false,
      articles: JSON.stringify(input.articles ?? []),
      assigneeId,
      assigneeName: assigneeId ? assignees.get(assigneeId)! : '',
      violationMask: violationMask(violations),
      consentPublish: input.consentPublish ?? false,
      consentShare: input.consentShare ?? false,
      createdAt: author.at,
      updatedAt: author.at,
      createdBy: author.id,
      updatedBy: author.id,
    };
    rowInsert(db, cases, 'cases.insert').run(row);
    const seen = new Set<string>();
    links.forEach((link, position) => {
      const key = `${link.personId}/${link.role}`;
      if (seen.has(key)) return;
      seen.add(key);
      rowInsert(db, casePersons, 'casePersons.insert').run({ caseId: row.id, personId: link.personId, role: link.role, position });
    });
    for (const violation of violations) rowInsert(db, caseViolations, 'caseViolations.insert').run({ caseId: row.id, violation });
    for (const tag of tags) rowInsert(db, caseTags, 'caseTags.insert').run({ caseId: row.id, tag });
    const created = { reference: row.reference, title: row.title, personName: row.personName, region: row.region, priority: row.priority };
    recordChanges(db, 'case', row.id, null, { created }, author);
    if (status !== 'new') recordChanges(db, 'case', row.id, { status: 'new' }, { status }, author);
    indexCaseEntry(db, row, links, tags, []);
    ids.push(row.id);
  }
  return ids;
}
