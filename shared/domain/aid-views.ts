import { z } from 'zod';
import { disbursementFilterSchema, disbursementSortFields, disbursementSortSchema, type DisbursementFilter, type DisbursementSort } from './aid';
import { recordId } from './text';

export const AID_VIEW_NAME_MAX = 60;

/** A saved view of the aid ledger: a filter and a sort under a name, kept per staff member. */
export interface AidSavedView {
  id: string;
  name: string;
  filter: DisbursementFilter;
  sort: DisbursementSort[];
  /** Built-in views ship with the app and cannot be deleted. */
  builtIn: boolean;
}

export const builtInAidViews: readonly AidSavedView[] = [
  {
    id: 'builtin:aid-awaiting-approval',
    name: 'Awaiting approval',
    filter: { status: ['requested'] },
    sort: [{ field: 'createdAt', direction: 'asc' }],
    builtIn: true,
  },
  {
    id: 'builtin:aid-approved-unpaid',
    name: 'Approved, not yet paid',
    filter: { status: ['approved'] },
    sort: [{ field: 'date', direction: 'asc' }],
    builtIn: true,
  },
  {
    id: 'builtin:aid-from-partners',
    name: 'From partner offices',
    filter: { origin: 'partner' },
    sort: [{ field: 'date', direction: 'desc' }],
    builtIn: true,
  },
];

export const aidViewNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(AID_VIEW_NAME_MAX, { message: `must be at most ${AID_VIEW_NAME_MAX} characters` });

export const saveAidViewSchema = z.strictObject({
  name: aidViewNameSchema,
  filter: disbursementFilterSchema,
  sort: z.array(disbursementSortSchema).max(disbursementSortFields.length).optional().default([]),
});
export type SaveAidView = z.output<typeof saveAidViewSchema>;

export const aidViewIdSchema = z.strictObject({ id: recordId });

/** Names compare without regard to case or Unicode form, so "Paid" and "paid" are the same view. */
export const sameViewName = (a: string, b: string) => a.normalize('NFKC').toLocaleLowerCase() === b.normalize('NFKC').toLocaleLowerCase();
