import { z } from 'zod';
import { regions, type Region } from './cases';
import { partialDateSchema, type PartialDate } from './partial-date';
import type { PersonGroupInfo } from './duplicates';
import { recordId, text } from './text';
import { casePersonRoles, genders, personFlags, relationTypes, type CasePersonRole, type Gender, type PersonFlag, type RelationType } from './vocabularies';

const flagsSchema = z.strictObject(Object.fromEntries(personFlags.map((flag) => [flag, z.boolean().optional()])) as Record<PersonFlag, z.ZodOptional<z.ZodBoolean>>);

const personFields = {
  givenName: text(120).optional(),
  familyName: text(120).optional(),
  patronymic: text(120).optional(),
  birthDate: partialDateSchema.nullable().optional(),
  gender: z.enum(genders).optional(),
  region: z.enum(regions).nullable().optional(),
  locality: text(200).optional(),
  flags: flagsSchema.optional(),
  notes: text(20_000).optional(),
};

const hasAName = (p: { givenName?: string; familyName?: string }) => Boolean(p.givenName || p.familyName);

export const newPersonSchema = z
  .strictObject(personFields)
  .refine(hasAName, { message: 'a given or family name is required', path: ['familyName'] });
export type NewPerson = z.input<typeof newPersonSchema>;
export type ParsedNewPerson = z.output<typeof newPersonSchema>;

export const personPatchSchema = z.strictObject(personFields);
export type PersonPatch = z.output<typeof personPatchSchema>;

/** The CLI's and spreadsheets' shape: one full name, split by `splitFullName`. */
export const namedPersonSchema = z.strictObject({
  name: text(300).min(1, { message: 'is required' }),
  birthDate: partialDateSchema.nullable().optional(),
  region: z.enum(regions).nullable().optional(),
  gender: z.enum(genders).optional(),
  locality: text(200).optional(),
  notes: text(20_000).optional(),
});
export type NamedPerson = z.output<typeof namedPersonSchema>;

export const relationInputSchema = z.strictObject({ personId: recordId, relativeId: recordId, relation: z.enum(relationTypes) });

export interface PersonRecord {
  id: string;
  givenName: string;
  familyName: string;
  patronymic: string;
  /** The name as entered, in its own script: "Given Patronymic Family". */
  displayName: string;
  /** The name in the primary Latin transliteration, for reading across scripts. */
  latinName: string;
  birthDate: PartialDate | null;
  gender: Gender;
  region: Region | null;
  locality: string;
  flags: Record<PersonFlag, boolean>;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface PersonDetail extends PersonRecord {
  relatives: { personId: string; displayName: string; relation: RelationType }[];
  /** The cases of every record of the person's group; `personId` is the record the case names. */
  cases: { caseId: string; reference: string; title: string; role: CasePersonRole; personId: string }[];
  /** The records that are this person (merged duplicates), canonical first. */
  group: PersonGroupInfo;
}

export const personListQuerySchema = z.strictObject({
  search: text(200).optional(),
  offset: z.number().int().min(0).optional().default(0),
  limit: z.number().int().min(1).max(1000).optional().default(200),
});

export interface PersonPage {
  rows: PersonRecord[];
  total: number;
}

export const casePersonLinkSchema = z.strictObject({ caseId: recordId, personId: recordId, role: z.enum(casePersonRoles) });

const patronymicEndings = /(віч|вич|ич|вна|ўна|аўна|еўна|іч|ична|ічна|inichna|ovich|evich|avich|ovna|evna|auna|ichna|vich)$/i;

/**
 * Splits one full name into parts. Two words: given, family. Three words: "Given Patronymic Family" when the
 * middle word is a patronymic, "Family Given Patronymic" when the last is (the Russian official order).
 */
export function splitFullName(full: string): { givenName: string; familyName: string; patronymic: string } {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { givenName: '', familyName: '', patronymic: '' };
  if (words.length === 1) return { givenName: '', familyName: words[0]!, patronymic: '' };
  if (words.length === 2) return { givenName: words[0]!, familyName: words[1]!, patronymic: '' };
  const [a, b, c] = [words[0]!, words[1]!, words.slice(2).join(' ')];
  if (patronymicEndings.test(c) && !patronymicEndings.test(b)) return { familyName: a, givenName: b, patronymic: c };
  if (patronymicEndings.test(b)) return { givenName: a, patronymic: b, familyName: c };
  return { givenName: a, familyName: [b, c].join(' '), patronymic: '' };
}

export function displayNameOf(p: { givenName: string; patronymic: string; familyName: string }): string {
  return [p.givenName, p.patronymic, p.familyName].filter(Boolean).join(' ');
}
