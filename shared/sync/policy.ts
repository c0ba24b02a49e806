/**
 * What an office shares with one partner. Sources, staff notes, staff accounts and everything local to an
 * office (assignees, saved views, settings) are not synced at all, so no policy can send them.
 */
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../domain/cases';
import { violationTypes, type ViolationType } from '../domain/vocabularies';

/** Groups of records a policy can switch on; a synced entity belongs to one. */
export const shareGroups = ['case', 'person', 'attachment', 'aid'] as const;
export type ShareGroup = (typeof shareGroups)[number];

const tag = z.string().trim().min(1).max(60).transform((t) => t.toLowerCase());

export const sharingPolicySchema = z.strictObject({
  /**
   * Which groups go: cases; the persons named in shared cases and their relatives (with the decisions that
   * two of them are or are not one person); evidence files; paid disbursements to persons that go.
   */
  entities: z.array(z.string().regex(/^[a-z][a-z-]{0,39}$/)).max(20),
  /** Only cases with one of these violation types (empty: any type). */
  violations: z.array(z.enum(violationTypes)).max(violationTypes.length),
  /** Only cases with one of these tags (empty: any tag or none). */
  tags: z.array(tag).max(50),
  /** Only cases whose consent allows sharing with partners. */
  requireConsent: z.boolean(),
  /** Attachments larger than this stay home even when attachments are shared. */
  maxAttachmentBytes: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES),
});
export type SharingPolicy = z.output<typeof sharingPolicySchema>;

export const defaultPolicy: SharingPolicy = {
  entities: ['case', 'person'],
  violations: [],
  tags: [],
  requireConsent: true,
  maxAttachmentBytes: 5 * 1024 * 1024,
};

export const sharesGroup = (policy: SharingPolicy, group: string) => policy.entities.includes(group);

export interface CaseShareFacts {
  consentShare: boolean;
  violations: readonly ViolationType[] | readonly string[];
  tags: readonly string[];
}

/** Whether a case goes to a partner under this policy. */
export function caseShared(policy: SharingPolicy, facts: CaseShareFacts): boolean {
  if (!sharesGroup(policy, 'case')) return false;
  if (policy.requireConsent && !facts.consentShare) return false;
  if (policy.violations.length > 0 && !facts.violations.some((v) => (policy.violations as readonly string[]).includes(v))) return false;
  if (policy.tags.length > 0 && !facts.tags.some((t) => policy.tags.includes(t))) return false;
  return true;
}
