import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import type { Role } from '../../shared/domain/staff';
import type { StaffRecord } from '../../shared/domain/staff-accounts';
import { AppError } from '../../shared/errors';
import { staff } from '../schema';
import type { Db } from './changes';

type StaffRow = typeof staff.$inferSelect;

const toRecord = (row: StaffRow): StaffRecord => ({
  id: row.id,
  name: row.name,
  role: row.role,
  mustChangePassphrase: row.mustChangePassphrase,
  createdAt: row.createdAt,
});

export function listStaff(db: Db): StaffRecord[] {
  return db.select().from(staff).where(isNull(staff.removedAt)).orderBy(asc(staff.name)).all().map(toRecord);
}

export function getActiveStaff(db: Db, id: string): StaffRow {
  const row = db.select().from(staff).where(and(eq(staff.id, id), isNull(staff.removedAt))).get();
  if (!row) throw new AppError('NOT_FOUND', `No active staff account with id ${id}.`);
  return row;
}

export function insertStaff(db: Db, row: StaffRow): StaffRecord {
  db.insert(staff).values(row).run();
  return toRecord(row);
}

function otherActiveAdmins(db: Db, id: string): number {
  return db.select({ n: count() }).from(staff).where(and(eq(staff.role, 'admin'), isNull(staff.removedAt), ne(staff.id, id))).get()?.n ?? 0;
}

/** An office must always keep one admin, or nobody could manage accounts again. */
export function assertNotLastAdmin(db: Db, id: string): void {
  const row = getActiveStaff(db, id);
  if (row.role === 'admin' && otherActiveAdmins(db, id) === 0) {
    throw new AppError('FORBIDDEN', 'This is the last admin account: make someone else admin first.');
  }
}

export function setStaffRole(db: Db, id: string, role: Role): StaffRecord {
  if (role !== 'admin') assertNotLastAdmin(db, id);
  db.update(staff).set({ role }).where(eq(staff.id, id)).run();
  return toRecord(getActiveStaff(db, id));
}

export function markStaffRemoved(db: Db, id: string, at: string): void {
  db.update(staff).set({ removedAt: at }).where(eq(staff.id, id)).run();
}

export function clearMustChange(db: Db, id: string): void {
  db.update(staff).set({ mustChangePassphrase: false }).where(eq(staff.id, id)).run();
}
