/**
 * `cases.violation_mask`: one bit per violation type, kept beside the `case_violations` rows so that the
 * violation filter is a test on the triage index entries. The bits are stored in every vault: never
 * renumber one, only add new types with new bits (migration 0010 backfills with the same numbers).
 */
import type { ViolationType } from '../shared/domain/vocabularies';

export const violationBits = {
  detention: 0,
  'administrative-arrest': 1,
  'criminal-prosecution': 2,
  search: 3,
  torture: 4,
  fine: 5,
  dismissal: 6,
  'passport-refusal': 7,
  'extremist-listing': 8,
  'property-seizure': 9,
  other: 10,
} as const satisfies Record<ViolationType, number>;

/** The mask of a set of types: the stored value for a case, or the filter's "any of these" mask. */
export function violationMask(types: Iterable<ViolationType>): number {
  let mask = 0;
  for (const type of types) mask |= 1 << violationBits[type];
  return mask;
}
