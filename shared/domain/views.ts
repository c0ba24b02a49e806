import { z } from 'zod';
import { caseFilterSchema, caseSortSchema, type CaseFilter, type CaseSort } from './cases';
import { recordId, requiredText } from './text';

export const VIEW_NAME_MAX = 80;

export interface SavedView {
  id: string;
  name: string;
  filter: CaseFilter;
  sort: CaseSort[];
  /** Built-in views ship with the app and cannot be deleted. */
  builtIn: boolean;
}

export const builtInViews: readonly SavedView[] = [
  {
    id: 'builtin:urgent-unassigned',
    name: 'Urgent & unassigned',
    filter: { priority: ['urgent'], assignee: 'none', status: ['new', 'triage', 'open', 'monitoring'] },
    sort: [{ field: 'updatedAt', direction: 'desc' }],
    builtIn: true,
  },
  {
    id: 'builtin:my-cases',
    name: 'My cases',
    filter: { assignee: 'me', status: ['new', 'triage', 'open', 'monitoring'] },
    sort: [{ field: 'priority', direction: 'asc' }],
    builtIn: true,
  },
];

export const saveViewSchema = z.strictObject({
  name: requiredText(VIEW_NAME_MAX),
  filter: caseFilterSchema,
  sort: z.array(caseSortSchema).max(10).optional().default([]),
});

export const viewIdSchema = z.strictObject({ id: recordId });
