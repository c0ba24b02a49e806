import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  caseStatuses,
  priorities,
  statusChangeNeedsReason,
  type CaseDetail,
  type CaseFilter,
  type CasePage,
  type CasePatch,
  type CaseRecord,
  type CaseSort,
  type CaseSortField,
  type CaseStatus,
  type ParsedNewCase,
  type Priority,
} from '../../shared/domain/cases';
import { partialDateBounds } from '../../shared/domain/partial-date';
import { riskFlags, type CasePersonRole, type RiskFlag, type ViolationType } from '../../shared/domain/vocabularies';
import { AppError } from '../../shared/errors';
import { casePersons, cases, caseNotes, caseSources, caseTags, caseViolations, attachments, persons, staff } from '../schema';
import { indexRow, keysFor, matchingIds } from '../search';
import { historyOf, recordChanges, type Author, type Db } from './changes';
import { getPersonRow, insertNamedPerson } from './persons';

type CaseRow = typeof cases.$inferSelect;

const riskColumns = {
  health: 'riskHealth',
  minor: 'riskMinor',
  incommunicado: 'riskIncommunicado',
  torture: 'riskTorture',
} as const satisfies Record<RiskFlag, keyof CaseRow>;

const priorityRank = (p: Priority) => priorities.indexOf(p);
const statusRank = (s: CaseStatus) => caseStatuses.indexOf(s);

const assigneeName = sql<string | null>`(SELECT name FROM staff WHERE staff.id = ${cases.assigneeId})`;
const violationList = sql<string | null>`(SELECT group_concat(violation, ',') FROM case_violations WHERE case_violations.case_id = ${cases.id})`;

const sortExpressions: Record<CaseSortField, SQL> = {
  reference: sql`${cases.reference}`,
  title: sql`${cases.title} COLLATE NOCASE`,
  personName: sql`${cases.personName} COLLATE NOCASE`,
  region: sql`${cases.region}`,
  priority: sql`${cases.priorityRank}`,
  status: sql`${cases.statusRank}`,
  assignee: sql`${assigneeName} COLLATE NOCASE`,
  eventDate: sql`${cases.eventFrom}`,
  createdAt: sql`${cases.createdAt}`,
  updatedAt: sql`${cases.updatedAt}`,
};

const recordColumns = {
  row: cases,
  assigneeName,
  violations: violationList,
};

function toCaseRecord({ row, assigneeName: name, violations }: { row: CaseRow; assigneeName: string | null; violations: string | null }): CaseRecord {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    personName: row.personName,
    region: row.region,
    priority: row.priority,
    status: row.status,
    summary: row.summary,
    assignee: row.assigneeId ? { id: row.assigneeId, name: name ?? '' } : null,
    violations: violations ? (violations.split(',') as ViolationType[]) : [],
    risks: riskFlags.filter((flag) => row[riskColumns[flag]]),
    eventDate: row.eventDate,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * The WHERE terms of a filter. Child-table filters take two forms: EXISTS for a page (the planner walks the
 * ordering index and stops after one page) and IN for the count (one pass over the child index).
 */
function filterConditions(filter: CaseFilter, me: string, purpose: 'page' | 'count'): SQL[] {
  const where: SQL[] = [];
  const child = (table: string, column: string, values: SQL) =>
    purpose === 'page'
      ? sql`EXISTS (SELECT 1 FROM ${sql.raw(table)} c WHERE c.case_id = ${cases.id} AND c.${sql.raw(column)} IN (${values}))`
      : sql`${cases.id} IN (SELECT case_id FROM ${sql.raw(table)} WHERE ${sql.raw(column)} IN (${values}))`;
  // By rank, so the (rank, updated_at) indexes serve both the filter and the default order.
  if (filter.status?.length) where.push(inArray(cases.statusRank, filter.status.map(statusRank)));
  if (filter.priority?.length) where.push(inArray(cases.priorityRank, filter.priority.map(priorityRank)));
  if (filter.region?.length) where.push(inArray(cases.region, filter.region));
  if (filter.violation?.length) where.push(child('case_violations', 'violation', sql.join(filter.violation.map((v) => sql`${v}`), sql`, `)));
  if (filter.assignee === 'none') where.push(isNull(cases.assigneeId));
  else if (filter.assignee === 'me') where.push(eq(cases.assigneeId, me));
  else if (filter.assignee) where.push(eq(cases.assigneeId, filter.assignee));
  if (filter.tag) where.push(child('case_tags', 'tag', sql`${filter.tag}`));
  for (const flag of filter.risk ?? []) where.push(eq(cases[riskColumns[flag]], true));
  if (filter.from) where.push(sql`${cases.eventTo} >= ${partialDateBounds(filter.from).from}`);
  if (filter.to) where.push(sql`${cases.eventFrom} <= ${partialDateBounds(filter.to).to}`);
  if (filter.search) {
    const matches = matchingIds('case', filter.search);
    if (matches) where.push(sql`${cases.id} IN (${matches})`);
  }
  return where;
}

export function listCases(db: Db, query: { filter: CaseFilter; sort: CaseSort[]; offset: number; limit: number }, me: string): CasePage {
  const pageWhere = and(...filterConditions(query.filter, me, 'page'));
  const countWhere = and(...filterConditions(query.filter, me, 'count'));
  const order = query.sort.map(({ field, direction }) => (direction === 'asc' ? asc(sortExpressions[field]) : desc(sortExpressions[field])));
  // Newest first by default. Ties fall back to the last-updated time, then the id (so paging is stable),
  // both in the direction of the last key: the (key, updated_at, id) indexes then serve the whole order,
  // and within one priority the oldest case comes first when sorting most urgent first.
  const last = query.sort.at(-1)?.direction ?? 'desc';
  const then = last === 'asc' ? asc : desc;
  if (!query.sort.some((s) => s.field === 'updatedAt')) order.push(then(cases.updatedAt));
  order.push(then(cases.id));
  const rows = db.select(recordColumns).from(cases).where(pageWhere).orderBy(...order).limit(query.limit).offset(query.offset).all();
  return { rows: rows.map(toCaseRecord), total: countFiltered(db, query.filter, countWhere) };
}

/** Filters answered by the columns of the `cases_filters` index alone. */
const indexOnlyFilters = new Set(['status', 'priority', 'region', 'assignee', 'risk', 'from', 'to']);

/**
 * Counting a filtered set: when every term is a column of `cases_filters`, one scan of that small covering
 * index is cheaper than whatever index the planner would pick and then the table rows it would read.
 */
function countFiltered(db: Db, filter: CaseFilter, where: SQL | undefined): number {
  const keys = Object.entries(filter)
    .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key]) => key);
  const covered = keys.length > 0 && keys.every((key) => indexOnlyFilters.has(key));
  if (!covered) return db.select({ n: count() }).from(cases).where(where).get()?.n ?? 0;
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${cases} INDEXED BY cases_filters WHERE ${where}`)?.n ?? 0;
}

export function countCases(db: Db): number {
  return db.select({ n: count() }).from(cases).get()?.n ?? 0;
}

function getCaseRow(db: Db, id: string): CaseRow {
  const row = db.select().from(cases).where(eq(cases.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `No case with id ${id}.`);
  return row;
}

export function getCaseRecord(db: Db, id: string): CaseRecord {
  const found = db.select(recordColumns).from(cases).where(eq(cases.id, id)).get();
  if (!found) throw new AppError('NOT_FOUND', `No case with id ${id}.`);
  return toCaseRecord(found);
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

/** Rebuilds the case's search row from the case, its persons and its notes. Sources are never indexed. */
export function reindexCase(db: Db, id: string): void {
  const row = getCaseRow(db, id);
  const names = db
    .select({ displayName: persons.displayName, latinName: persons.latinName })
    .from(casePersons)
    .innerJoin(persons, eq(persons.id, casePersons.personId))
    .where(eq(casePersons.caseId, id))
    .all();
  const notes = db.select({ body: caseNotes.body }).from(caseNotes).where(eq(caseNotes.caseId, id)).all();
  const tags = db.select({ tag: caseTags.tag }).from(caseTags).where(eq(caseTags.caseId, id)).all();
  const personNames = names.flatMap((n) => [n.displayName, n.latinName]);
  const body = [
    row.reference,
    row.title,
    row.personName,
    ...personNames,
    row.locality,
    row.placeOfDetention,
    row.sentence,
    (JSON.parse(row.articles) as string[]).join(' '),
    tags.map((t) => t.tag).join(' '),
    row.summary,
    ...notes.map((n) => n.body),
  ]
    .filter(Boolean)
    .join('\n');
  indexRow(db, 'case', id, body, keysFor([row.title, row.personName, ...names.map((n) => n.displayName), row.locality, row.placeOfDetention]));
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

function eventSpan(eventDate: string | null, eventEndDate: string | null) {
  if (!eventDate) return { eventFrom: null, eventTo: null };
  return { eventFrom: partialDateBounds(eventDate).from, eventTo: partialDateBounds(eventEndDate ?? eventDate).to };
}

function checkEventOrder(eventDate: string | null, eventEndDate: string | null) {
  if (eventEndDate && !eventDate) throw new AppError('VALIDATION', 'eventDate: is required when an end date is given');
  if (eventDate && eventEndDate && partialDateBounds(eventEndDate).to < partialDateBounds(eventDate).from) {
    throw new AppError('VALIDATION', 'eventEndDate: must not be before the event date');
  }
}

function replaceChildren(db: Db, caseId: string, violations: readonly ViolationType[] | undefined, tags: readonly string[] | undefined) {
  if (violations) {
    db.delete(caseViolations).where(eq(caseViolations.caseId, caseId)).run();
    for (const violation of new Set(violations)) db.insert(caseViolations).values({ caseId, violation }).run();
  }
  if (tags) {
    db.delete(caseTags).where(eq(caseTags.caseId, caseId)).run();
    for (const tag of new Set(tags)) db.insert(caseTags).values({ caseId, tag }).run();
  }
}

function assertActiveStaff(db: Db, id: string | null | undefined) {
  if (!id) return;
  const member = db.select({ removedAt: staff.removedAt }).from(staff).where(eq(staff.id, id)).get();
  if (!member || member.removedAt) throw new AppError('VALIDATION', 'assigneeId: is not an active staff account');
}

/** Inserts every case, with its persons, in the caller's transaction: all are written or none. Returns the ids. */
export function insertCases(db: Db, inputs: readonly ParsedNewCase[], author: Author): string[] {
  const year = author.at.slice(0, 4);
  let number = nextReferenceNumber(db, year);
  const ids: string[] = [];
  for (const input of inputs) {
    checkEventOrder(input.eventDate ?? null, input.eventEndDate ?? null);
    assertActiveStaff(db, input.assigneeId);
    const id = uuidv7();
    const links: { personId: string; role: CasePersonRole; name: string }[] = [];
    if (input.personName) {
      const person = insertNamedPerson(db, { name: input.personName }, author);
      links.push({ personId: person.id, role: 'victim', name: person.displayName });
    }
    for (const link of input.persons ?? []) links.push({ ...link, name: getPersonRow(db, link.personId).displayName });
    const primary = links.find((l) => l.role === 'victim') ?? links[0]!;
    const row: CaseRow = {
      id,
      reference: formatReference(year, number++),
      originReference: '',
      title: input.title,
      personName: primary.name,
      region: input.region,
      locality: input.locality ?? '',
      placeOfDetention: input.placeOfDetention ?? '',
      sentence: input.sentence ?? '',
      priority: input.priority,
      priorityRank: priorityRank(input.priority),
      status: 'new',
      statusRank: statusRank('new'),
      statusReason: '',
      summary: input.summary,
      eventDate: input.eventDate ?? null,
      eventEndDate: input.eventEndDate ?? null,
      ...eventSpan(input.eventDate ?? null, input.eventEndDate ?? null),
      riskHealth: input.risks?.health ?? false,
      riskMinor: input.risks?.minor ?? false,
      riskIncommunicado: input.risks?.incommunicado ?? false,
      riskTorture: input.risks?.torture ?? false,
      articles: JSON.stringify(input.articles ?? []),
      assigneeId: input.assigneeId ?? null,
      consentPublish: input.consentPublish ?? false,
      consentShare: input.consentShare ?? false,
      createdAt: author.at,
      updatedAt: author.at,
      createdBy: author.id,
      updatedBy: author.id,
    };
    db.insert(cases).values(row).run();
    const seen = new Set<string>();
    links.forEach((link, position) => {
      const key = `${link.personId}/${link.role}`;
      if (seen.has(key)) return;
      seen.add(key);
      db.insert(casePersons).values({ caseId: id, personId: link.personId, role: link.role, position }).run();
    });
    replaceChildren(db, id, input.violations, input.tags);
    recordChanges(db, 'case', id, null, { created: { reference: row.reference, title: row.title, personName: row.personName, region: row.region, priority: row.priority } }, author);
    reindexCase(db, id);
    ids.push(id);
  }
  return ids;
}

/** Imported rows: each case is created `new`, then moved in one step per status to the status its row gave. */
export function importCases(db: Db, rows: readonly { case: ParsedNewCase; status?: CaseStatus | undefined }[], reason: string, author: Author): string[] {
  const ids = insertCases(db, rows.map((row) => row.case), author);
  const byStatus = new Map<CaseStatus, string[]>();
  ids.forEach((id, i) => {
    const status = rows[i]!.status;
    if (status && status !== 'new') byStatus.set(status, [...(byStatus.get(status) ?? []), id]);
  });
  for (const [status, caseIds] of byStatus) setStatus(db, caseIds, status, reason, author);
  return ids;
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

function bulk(db: Db, ids: readonly string[], author: Author, apply: (row: CaseRow) => Partial<CaseRow> | null, field: keyof CaseRow & string): number {
  let updated = 0;
  for (const id of new Set(ids)) {
    const row = getCaseRow(db, id);
    const change = apply(row);
    if (!change) continue;
    db.update(cases).set({ ...change, updatedAt: author.at, updatedBy: author.id }).where(eq(cases.id, id)).run();
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
  assertActiveStaff(db, assigneeId);
  return bulk(db, ids, author, (row) => (row.assigneeId === assigneeId ? null : { assigneeId }), 'assigneeId');
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
