import { and, asc, count, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { statusChangeNeedsReason, type CaseDetail, type CasePatch, type CaseStatus, type ParsedNewCase, type Priority } from '../../shared/domain/cases';
import { riskFlags, type CasePersonRole, type RiskFlag, type ViolationType } from '../../shared/domain/vocabularies';
import { AppError } from '../../shared/errors';
import { prepared } from '../prepared';
import { casePersons, cases, caseNotes, caseSources, caseTags, caseViolations, attachments, persons, staff } from '../schema';
import { violationMask } from '../violation-mask';
import { createCases, type CaseToCreate } from './case-create';
import { assigneeNameOf, checkEventOrder, eventSpan, priorityRank, statusRank } from './case-fields';
import { getCaseRecord, getCaseRow, riskColumns, type CaseRow } from './case-records';
import { reindexCase } from './case-search';
import { historyOf, recordChanges, type Author, type Db } from './changes';
import { getPersonRow } from './persons';

export { listCases } from './case-list';
export { getCaseRecord } from './case-records';
export { reindexCase } from './case-search';


export function countCases(db: Db): number {
  return db.select({ n: count() }).from(cases).get()?.n ?? 0;
}

export function getCaseDetail(db: Db, id: string, options: { withSources: boolean }): CaseDetail {
  const record = getCaseRecord(db, id);
  const row = getCaseRow(db, id);
  const linked = db
    .select({ personId: persons.id, displayName: persons.displayName, latinName: persons.latinName, role: casePersons.role })
    .from(casePersons)
    .innerJoin(persons, eq(persons.id, casePersons.personId))
    .where(eq(casePersons.caseId, id))
    .orderBy(asc(casePersons.position), asc(persons.displayName))
    .all();
  const notes = db
    .select({ note: caseNotes, author: staff.name })
    .from(caseNotes)
    .leftJoin(staff, eq(staff.id, caseNotes.authorId))
    .where(eq(caseNotes.caseId, id))
    .orderBy(asc(caseNotes.createdAt), asc(caseNotes.id))
    .all();
  const files = db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      mediaType: attachments.mediaType,
      size: attachments.size,
      sha256: attachments.sha256,
      createdAt: attachments.createdAt,
      createdBy: attachments.createdBy,
      author: staff.name,
    })
    .from(attachments)
    .leftJoin(staff, eq(staff.id, attachments.createdBy))
    .where(eq(attachments.caseId, id))
    .orderBy(asc(attachments.createdAt))
    .all();
  const tags = db.select({ tag: caseTags.tag }).from(caseTags).where(eq(caseTags.caseId, id)).orderBy(asc(caseTags.tag)).all();
  const detail: CaseDetail = {
    ...record,
    locality: row.locality,
    placeOfDetention: row.placeOfDetention,
    sentence: row.sentence,
    statusReason: row.statusReason,
    articles: JSON.parse(row.articles) as string[],
    eventEndDate: row.eventEndDate,
    tags: tags.map((t) => t.tag),
    consentPublish: row.consentPublish,
    consentShare: row.consentShare,
    persons: linked,
    notes: notes.map(({ note, author }) => ({
      id: note.id,
      body: note.body,
      author: note.authorId ? { id: note.authorId, name: author ?? '' } : null,
      createdAt: note.createdAt,
    })),
    attachments: files.map(({ author, createdBy, ...meta }) => ({ ...meta, createdBy: createdBy ? { id: createdBy, name: author ?? '' } : null })),
  };
  if (options.withSources) {
    detail.sources = db
      .select({ id: caseSources.id, name: caseSources.name, contact: caseSources.contact, notes: caseSources.notes, createdAt: caseSources.createdAt })
      .from(caseSources)
      .where(eq(caseSources.caseId, id))
      .orderBy(asc(caseSources.createdAt))
      .all();
  }
  return detail;
}

/** Inserts every case, with its persons, in the caller's transaction: all are written or none. Returns the ids. */
export function insertCases(db: Db, inputs: readonly ParsedNewCase[], author: Author): string[] {
  return createCases(db, inputs.map((input) => ({ case: input })), undefined, author);
}

/** Imported rows: each case starts in the status its row gave, recorded as a move from `new` for the reason given. */
export function importCases(db: Db, rows: readonly CaseToCreate[], reason: string, author: Author): string[] {
  return createCases(db, rows, reason, author);
}

function replaceChildren(db: Db, caseId: string, violations: readonly ViolationType[] | undefined, tags: readonly string[] | undefined) {
  if (violations) {
    db.delete(caseViolations).where(eq(caseViolations.caseId, caseId)).run();
    // `cases.violation_mask` is set from the same list by the caller's row update.
    for (const violation of new Set(violations)) db.insert(caseViolations).values({ caseId, violation }).run();
  }
  if (tags) {
    db.delete(caseTags).where(eq(caseTags.caseId, caseId)).run();
    for (const tag of new Set(tags)) db.insert(caseTags).values({ caseId, tag }).run();
  }
}

/** The editable view of a case, as history records it. */
function editableSnapshot(db: Db, row: CaseRow) {
  const violations = db.select({ v: caseViolations.violation }).from(caseViolations).where(eq(caseViolations.caseId, row.id)).all().map((r) => r.v);
  const tags = db.select({ t: caseTags.tag }).from(caseTags).where(eq(caseTags.caseId, row.id)).all().map((r) => r.t);
  return snapshotOf(row, violations, tags);
}

function snapshotOf(row: CaseRow, violations: readonly ViolationType[], tags: readonly string[]) {
  return {
    title: row.title,
    summary: row.summary,
    region: row.region,
    locality: row.locality,
    placeOfDetention: row.placeOfDetention,
    sentence: row.sentence,
    priority: row.priority,
    violations: [...new Set(violations)].sort(),
    articles: JSON.parse(row.articles) as string[],
    eventDate: row.eventDate,
    eventEndDate: row.eventEndDate,
    risks: Object.fromEntries(riskFlags.map((flag) => [flag, row[riskColumns[flag]]])),
    tags: [...new Set(tags)].sort(),
    consentPublish: row.consentPublish,
    consentShare: row.consentShare,
  };
}

export function updateCase(db: Db, id: string, patch: CasePatch, expectedUpdatedAt: string | undefined, author: Author): void {
  const row = getCaseRow(db, id);
  if (expectedUpdatedAt && expectedUpdatedAt !== row.updatedAt) {
    throw new AppError('CONFLICT', 'Someone changed this case since you opened it. Reload it and apply your change again.');
  }
  const before = editableSnapshot(db, row);
  const risks = { ...before.risks, ...patch.risks } as Record<RiskFlag, boolean>;
  const eventDate = patch.eventDate !== undefined ? patch.eventDate : row.eventDate;
  const eventEndDate = patch.eventEndDate !== undefined ? patch.eventEndDate : row.eventEndDate;
  checkEventOrder(eventDate, eventEndDate);
  const next: CaseRow = {
    ...row,
    title: patch.title ?? row.title,
    summary: patch.summary ?? row.summary,
    region: patch.region ?? row.region,
    locality: patch.locality ?? row.locality,
    placeOfDetention: patch.placeOfDetention ?? row.placeOfDetention,
    sentence: patch.sentence ?? row.sentence,
    priority: patch.priority ?? row.priority,
    priorityRank: priorityRank(patch.priority ?? row.priority),
    violationMask: patch.violations ? violationMask(patch.violations) : row.violationMask,
    articles: JSON.stringify(patch.articles ?? JSON.parse(row.articles)),
    eventDate,
    eventEndDate,
    ...eventSpan(eventDate, eventEndDate),
    riskHealth: risks.health,
    riskMinor: risks.minor,
    riskIncommunicado: risks.incommunicado,
    riskTorture: risks.torture,
    consentPublish: patch.consentPublish ?? row.consentPublish,
    consentShare: patch.consentShare ?? row.consentShare,
    updatedAt: author.at,
    updatedBy: author.id,
  };
  const after = snapshotOf(next, patch.violations ?? before.violations, patch.tags ?? before.tags);
  // An edit that changes nothing writes nothing, not even a new updated-at.
  if (JSON.stringify(after) === JSON.stringify(before)) return;
  db.update(cases).set(next).where(eq(cases.id, id)).run();
  replaceChildren(db, id, patch.violations, patch.tags);
  recordChanges(db, 'case', id, before, after, author);
  reindexCase(db, id);
}

/** One prepared update per kind of bulk change (the columns it sets), for edits of up to 10,000 cases. */
function bulkUpdate(db: Db, columns: readonly (keyof CaseRow)[]) {
  return prepared(db, `cases.bulk.${columns.join(',')}`, () => {
    const set = Object.fromEntries([...columns, 'updatedAt', 'updatedBy'].map((column) => [column, sql.placeholder(column)]));
    return db.update(cases).set(set).where(eq(cases.id, sql.placeholder('id'))).prepare();
  });
}

function bulk(db: Db, ids: readonly string[], author: Author, apply: (row: CaseRow) => Partial<CaseRow> | null, field: keyof CaseRow & string): number {
  let updated = 0;
  for (const id of new Set(ids)) {
    const row = getCaseRow(db, id);
    const change = apply(row);
    if (!change) continue;
    bulkUpdate(db, Object.keys(change) as (keyof CaseRow)[]).run({ ...change, updatedAt: author.at, updatedBy: author.id, id });
    recordChanges(db, 'case', id, { [field]: row[field] }, { [field]: change[field] }, author);
    updated += 1;
  }
  return updated;
}

export function setStatus(db: Db, ids: readonly string[], status: CaseStatus, reason: string | undefined, author: Author): number {
  return bulk(db, ids, author, (row) => {
    if (row.status === status) return null;
    if (statusChangeNeedsReason(row.status, status) && !reason) {
      throw new AppError('VALIDATION', `reason: is required to move case ${row.reference} from ${row.status} to ${status}`);
    }
    return { status, statusRank: statusRank(status), statusReason: reason ?? '' };
  }, 'status');
}

export function assignCases(db: Db, ids: readonly string[], assigneeId: string | null, author: Author): number {
  const assigneeName = assigneeNameOf(db, assigneeId);
  return bulk(db, ids, author, (row) => (row.assigneeId === assigneeId ? null : { assigneeId, assigneeName }), 'assigneeId');
}

export function setPriority(db: Db, ids: readonly string[], priority: Priority, author: Author): number {
  return bulk(db, ids, author, (row) => (row.priority === priority ? null : { priority, priorityRank: priorityRank(priority) }), 'priority');
}

function touch(db: Db, caseId: string, author: Author) {
  db.update(cases).set({ updatedAt: author.at, updatedBy: author.id }).where(eq(cases.id, caseId)).run();
}

export function addNote(db: Db, caseId: string, body: string, author: Author) {
  getCaseRow(db, caseId);
  const id = uuidv7();
  db.insert(caseNotes).values({ id, caseId, body, authorId: author.id, createdAt: author.at }).run();
  recordChanges(db, 'case', caseId, { note: null }, { note: body }, author);
  touch(db, caseId, author);
  reindexCase(db, caseId);
  return id;
}

export function addSource(db: Db, input: { caseId: string; name: string; contact: string; notes: string }, author: Author) {
  getCaseRow(db, input.caseId);
  const id = uuidv7();
  db.insert(caseSources).values({ id, ...input, createdAt: author.at, createdBy: author.id }).run();
  // The history says a source was added, never who it is: history is visible to every role.
  recordChanges(db, 'case', input.caseId, { source: null }, { source: 'added' }, author);
  return { id, name: input.name, contact: input.contact, notes: input.notes, createdAt: author.at };
}

export function removeSource(db: Db, id: string, author: Author): void {
  const source = db.select().from(caseSources).where(eq(caseSources.id, id)).get();
  if (!source) throw new AppError('NOT_FOUND', `No source with id ${id}.`);
  db.delete(caseSources).where(eq(caseSources.id, id)).run();
  recordChanges(db, 'case', source.caseId, { source: 'present' }, { source: 'removed' }, author);
}

/** Keeps the denormalised person name on the case in step with its first victim. */
function refreshPersonName(db: Db, caseId: string): void {
  const first = db
    .select({ name: persons.displayName })
    .from(casePersons)
    .innerJoin(persons, eq(persons.id, casePersons.personId))
    .where(eq(casePersons.caseId, caseId))
    .orderBy(sql`${casePersons.role} = 'victim' DESC`, asc(casePersons.position))
    .get();
  db.update(cases).set({ personName: first?.name ?? '' }).where(eq(cases.id, caseId)).run();
}

export function linkPerson(db: Db, input: { caseId: string; personId: string; role: CasePersonRole }, author: Author): void {
  getCaseRow(db, input.caseId);
  const person = getPersonRow(db, input.personId);
  const position = db.select({ n: count() }).from(casePersons).where(eq(casePersons.caseId, input.caseId)).get()?.n ?? 0;
  const inserted = db.insert(casePersons).values({ ...input, position }).onConflictDoNothing().run();
  if (inserted.changes === 0) return;
  recordChanges(db, 'case', input.caseId, { person: null }, { person: { personId: person.id, name: person.displayName, role: input.role } }, author);
  refreshPersonName(db, input.caseId);
  touch(db, input.caseId, author);
  reindexCase(db, input.caseId);
}

export function unlinkPerson(db: Db, input: { caseId: string; personId: string; role: CasePersonRole }, author: Author): void {
  const remaining = db.select({ n: count() }).from(casePersons).where(eq(casePersons.caseId, input.caseId)).get()?.n ?? 0;
  const removed = db
    .delete(casePersons)
    .where(and(eq(casePersons.caseId, input.caseId), eq(casePersons.personId, input.personId), eq(casePersons.role, input.role)))
    .run();
  if (removed.changes === 0) throw new AppError('NOT_FOUND', 'That person is not linked to this case in that role.');
  if (remaining <= 1) throw new AppError('VALIDATION', 'persons: a case needs at least one person');
  recordChanges(db, 'case', input.caseId, { person: { personId: input.personId, role: input.role } }, { person: null }, author);
  refreshPersonName(db, input.caseId);
  touch(db, input.caseId, author);
  reindexCase(db, input.caseId);
}

/** Cases whose person names show a given person; to re-index after the person's name changed. */
export function casesOfPerson(db: Db, personId: string): string[] {
  return db.select({ id: casePersons.caseId }).from(casePersons).where(eq(casePersons.personId, personId)).all().map((r) => r.id);
}

export function refreshCasesOfPerson(db: Db, personId: string): void {
  for (const caseId of new Set(casesOfPerson(db, personId))) {
    refreshPersonName(db, caseId);
    reindexCase(db, caseId);
  }
}

export function caseHistory(db: Db, id: string) {
  getCaseRow(db, id);
  return historyOf(db, [{ entity: 'case', rowId: id }]);
}
