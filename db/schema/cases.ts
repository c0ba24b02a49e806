import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { CaseStatus, Priority, Region } from '../../shared/domain/cases';
import { staff } from './staff';

export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    personName: text('person_name').notNull(),
    region: text('region').$type<Region>().notNull(),
    priority: text('priority').$type<Priority>().notNull(),
    status: text('status').$type<CaseStatus>().notNull(),
    summary: text('summary').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    createdBy: text('created_by').references(() => staff.id),
    updatedBy: text('updated_by').references(() => staff.id),
  },
  (table) => [index('cases_updated_at').on(table.updatedAt)],
);
