import type { Input } from '../../../shared/api';
import type { Region } from '../../../shared/domain/cases';
import { isPartialDate } from '../../../shared/domain/partial-date';
import type { PersonRecord } from '../../../shared/domain/persons';
import { personFlags, type Gender, type PersonFlag } from '../../../shared/domain/vocabularies';

/** The person form's values, as typed: the birth date as text, no region as ''. */
export interface PersonDraft {
  givenName: string;
  patronymic: string;
  familyName: string;
  birthDate: string;
  gender: Gender;
  region: Region | '';
  locality: string;
  flags: Record<PersonFlag, boolean>;
  notes: string;
}

export type PersonPatchInput = Input<'persons.update'>['patch'];

export function draftFromPerson(person: PersonRecord): PersonDraft {
  return {
    givenName: person.givenName,
    patronymic: person.patronymic,
    familyName: person.familyName,
    birthDate: person.birthDate ?? '',
    gender: person.gender,
    region: person.region ?? '',
    locality: person.locality,
    flags: { ...person.flags },
    notes: person.notes,
  };
}

/** Empty is allowed (no known birth date); anything else must be a partial date the backend accepts. */
export function birthDateInvalid(draft: PersonDraft): boolean {
  const value = draft.birthDate.trim();
  return value !== '' && !isPartialDate(value);
}

export function nameMissing(draft: PersonDraft): boolean {
  return !draft.givenName.trim() && !draft.familyName.trim();
}

/**
 * Only what differs from the stored person: `persons.update` receives just the changed fields, and of the
 * status flags just the changed flags. Text is compared trimmed, as the backend stores it.
 */
export function changesOf(base: PersonDraft, draft: PersonDraft): PersonPatchInput {
  const patch: PersonPatchInput = {};
  for (const field of ['givenName', 'patronymic', 'familyName', 'locality', 'notes'] as const) {
    const value = draft[field].trim();
    if (value !== base[field].trim()) patch[field] = value;
  }
  const birthDate = draft.birthDate.trim();
  if (birthDate !== base.birthDate) patch.birthDate = birthDate === '' ? null : birthDate;
  if (draft.gender !== base.gender) patch.gender = draft.gender;
  if (draft.region !== base.region) patch.region = draft.region === '' ? null : draft.region;
  const flags: Partial<Record<PersonFlag, boolean>> = {};
  for (const flag of personFlags) if (draft.flags[flag] !== base.flags[flag]) flags[flag] = draft.flags[flag];
  if (Object.keys(flags).length) patch.flags = flags;
  return patch;
}
