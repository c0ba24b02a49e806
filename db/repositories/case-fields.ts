/** Columns derived from what a person enters on a case, and the checks every write of a case makes. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { caseStatuses, priorities, type CaseStatus, type Priority } from '../../shared/domain/cases';
import { partialDateBounds } from '../../shared/domain/partial-date';
import { AppError } from '../../shared/errors';
import { prepared } from '../prepared';
import { staff } from '../schema';
import type { Db } from './changes';

export const priorityRank = (p: Priority) => priorities.indexOf(p);
export const statusRank = (s: CaseStatus) => caseStatuses.indexOf(s);

export function eventSpan(eventDate: string | null, eventEndDate: string | null) {
  if (!eventDate) return { eventFrom: null, eventTo: null };
  return { eventFrom: partialDateBounds(eventDate).from, eventTo: partialDateBounds(eventEndDate ?? eventDate).to };
}

export function checkEventOrder(eventDate: string | null, eventEndDate: string | null) {
  if (eventEndDate && !eventDate) throw new AppError('VALIDATION', 'eventDate: is required when an end date is given');
  if (eventDate && eventEndDate && partialDateBounds(eventEndDate).to < partialDateBounds(eventDate).from) {
    throw new AppError('VALIDATION', 'eventEndDate: must not be before the event date');
  }
}

/** The name an assignee is sorted by ('' for nobody); refuses anyone who is not an active staff account. */
export function assigneeNameOf(db: Db, id: string | null | undefined): string {
  if (!id) return '';
  const member = prepared(db, 'staff.active', () =>
    db.select({ name: staff.name }).from(staff).where(and(eq(staff.id, sql.placeholder('id')), isNull(staff.removedAt))).prepare(),
  ).get({ id });
  if (!member) throw new AppError('VALIDATION', 'assigneeId: is not an active staff account');
  return member.name;
}
