import { z } from 'zod';

/** The seven regions of Belarus (Minsk city counts as its own), plus abroad and unknown. */
export const regions = [
  'minsk-city',
  'minsk',
  'brest',
  'gomel',
  'grodno',
  'mogilev',
  'vitebsk',
  'abroad',
  'unknown',
] as const;
export type Region = (typeof regions)[number];

/** Ordered most urgent first: sorting by priority follows this order, not the alphabet. */
export const priorities = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof priorities)[number];

/** Ordered along the workflow. */
export const caseStatuses = ['new', 'triage', 'open', 'monitoring', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseSortFields = ['title', 'personName', 'region', 'priority', 'status', 'createdAt', 'updatedAt'] as const;
export type CaseSortField = (typeof caseSortFields)[number];

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` });

export const newCaseSchema = z.strictObject({
  title: text(300).min(1, { message: 'is required' }),
  personName: text(300).min(1, { message: 'is required' }),
  region: z.enum(regions),
  priority: z.enum(priorities),
  summary: text(20_000).optional().default(''),
});
export type NewCase = z.input<typeof newCaseSchema>;

export const caseSortSchema = z.strictObject({
  field: z.enum(caseSortFields),
  direction: z.enum(['asc', 'desc']),
});
export type CaseSort = z.infer<typeof caseSortSchema>;

export const caseListQuerySchema = z.strictObject({
  sort: z.array(caseSortSchema).max(caseSortFields.length).optional().default([]),
  offset: z.number().int().min(0).optional().default(0),
  limit: z.number().int().min(1).max(1000).optional().default(200),
});
export type CaseListQuery = z.input<typeof caseListQuerySchema>;

export interface CaseRecord {
  id: string;
  title: string;
  personName: string;
  region: Region;
  priority: Priority;
  status: CaseStatus;
  summary: string;
  createdAt: string;
  updatedAt: string;
}

export interface CasePage {
  rows: CaseRecord[];
  total: number;
}
