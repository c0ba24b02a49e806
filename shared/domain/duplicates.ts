import { z } from 'zod';
import type { LinkState } from '../duplicates/groups';
import type { Reason } from '../duplicates/reasons';
import { regions } from './cases';
import { partialDateSchema } from './partial-date';
import type { PersonRecord } from './persons';
import { recordId, text } from './text';
import { genders } from './vocabularies';

export const personPairSchema = z.strictObject({ a: recordId, b: recordId });

export interface GroupMember {
  id: string;
  displayName: string;
  latinName: string;
  birthDate: string | null;
  region: PersonRecord['region'];
}

/** A decision naming this person. `blocked`: a merge that joins nothing because it contradicts a "not the same" decision. */
export interface PersonLinkInfo {
  personId: string;
  displayName: string;
  state: Exclude<LinkState, 'removed'>;
  decidedAt: string;
  blocked: boolean;
}

/** The person's group: every record that is this person, the canonical one first. */
export interface PersonGroupInfo {
  canonicalId: string;
  members: GroupMember[];
  links: PersonLinkInfo[];
}

/** `likely`: at or above the default threshold; `possible`: below it, for a person to judge. */
export type DuplicateBand = 'likely' | 'possible';

export interface DuplicateCandidateRow {
  score: number;
  reasons: Reason[];
  skipped: boolean;
  band: DuplicateBand;
  a: PersonRecord;
  b: PersonRecord;
}

export interface DuplicatePage {
  rows: DuplicateCandidateRow[];
  total: number;
  /** How many of `total` are likely duplicates; the rest are possible ones. */
  likely: number;
  /** When the candidates were last computed; null before the first scan. */
  scannedAt: string | null;
  /** Persons added or changed since, not yet compared. */
  changedSince: number;
}

export const duplicateListSchema = z.strictObject({
  offset: z.number().int().min(0).optional().default(0),
  limit: z.number().int().min(1).max(1000).optional().default(50),
  minScore: z.number().min(0).max(1).optional(),
  /** Only the likely pairs, or only the possible ones. */
  band: z.enum(['likely', 'possible']).optional(),
});

export interface ScanSummary {
  mode: 'full' | 'incremental';
  persons: number;
  compared: number;
  /** Pairs in the queue (likely and possible). */
  candidates: number;
  /** Of them, likely duplicates. */
  likely: number;
  ms: number;
}

export const duplicateScanSchema = z.strictObject({ full: z.boolean().optional().default(false) });

/** A person about to be created: who already in the vault it may be. */
export const similarPersonsSchema = z.strictObject({
  givenName: text(120).optional(),
  familyName: text(120).optional(),
  patronymic: text(120).optional(),
  /** One full name instead of the parts, as the case form and spreadsheets give it. */
  name: text(300).optional(),
  birthDate: partialDateSchema.nullable().optional(),
  gender: z.enum(genders).optional(),
  region: z.enum(regions).nullable().optional(),
  /** Leave this record out (the person being edited). */
  excludeId: recordId.optional(),
  limit: z.number().int().min(1).max(50).optional().default(5),
});

export interface SimilarPerson {
  person: PersonRecord;
  score: number;
  reasons: Reason[];
}
