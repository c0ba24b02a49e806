import type { Input } from '../../../../shared/api';
import type { CaseDetail, CaseStatus, Priority, Region } from '../../../../shared/domain/cases';
import { isPartialDate } from '../../../../shared/domain/partial-date';
import { riskFlags, violationTypes, type RiskFlag, type ViolationType } from '../../../../shared/domain/vocabularies';

/** The edit form's values, as typed: lists as comma-separated text, dates as text, no assignee as ''. */
export interface CaseDraft {
  title: string;
  summary: string;
  region: Region;
  locality: string;
  placeOfDetention: string;
  sentence: string;
  priority: Priority;
  violations: ViolationType[];
  articles: string;
  eventDate: string;
  eventEndDate: string;
  risks: RiskFlag[];
  tags: string;
  consentPublish: boolean;
  consentShare: boolean;
  assigneeId: string;
  status: CaseStatus;
  statusReason: string;
}

export type CasePatchInput = Input<'cases.update'>['patch'];

export function draftFromDetail(detail: CaseDetail): CaseDraft {
  return {
    title: detail.title,
    summary: detail.summary,
    region: detail.region,
    locality: detail.locality,
    placeOfDetention: detail.placeOfDetention,
    sentence: detail.sentence,
    priority: detail.priority,
    violations: detail.violations,
    articles: detail.articles.join(', '),
    eventDate: detail.eventDate ?? '',
    eventEndDate: detail.eventEndDate ?? '',
    risks: detail.risks,
    tags: detail.tags.join(', '),
    consentPublish: detail.consentPublish,
    consentShare: detail.consentShare,
    assigneeId: detail.assignee?.id ?? '',
    status: detail.status,
    statusReason: '',
  };
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function inOrder<V extends string>(order: readonly V[], values: readonly V[]): V[] {
  return order.filter((value) => values.includes(value));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type DateField = 'eventDate' | 'eventEndDate';

export function invalidDates(draft: CaseDraft): DateField[] {
  return (['eventDate', 'eventEndDate'] as const).filter((field) => draft[field].trim() !== '' && !isPartialDate(draft[field].trim()));
}

export interface CaseChanges {
  patch: CasePatchInput;
  /** undefined: unchanged; null: unassign. */
  assigneeId: string | null | undefined;
  status: CaseStatus | undefined;
  count: number;
}

/** Only what differs from the stored case: `cases.update` receives just the changed fields. */
export function changesOf(base: CaseDraft, draft: CaseDraft): CaseChanges {
  const patch: CasePatchInput = {};
  const texts = ['title', 'summary', 'locality', 'placeOfDetention', 'sentence'] as const;
  for (const field of texts) if (draft[field] !== base[field]) patch[field] = draft[field];
  if (draft.region !== base.region) patch.region = draft.region;
  if (draft.priority !== base.priority) patch.priority = draft.priority;
  const violations = inOrder(violationTypes, draft.violations);
  if (!same(violations, inOrder(violationTypes, base.violations))) patch.violations = violations;
  const articles = splitList(draft.articles);
  if (!same(articles, splitList(base.articles))) patch.articles = articles;
  const tags = splitList(draft.tags.toLowerCase());
  if (!same(tags, splitList(base.tags.toLowerCase()))) patch.tags = tags;
  for (const field of ['eventDate', 'eventEndDate'] as const) {
    const value = draft[field].trim();
    if (value !== base[field].trim()) patch[field] = value === '' ? null : value;
  }
  if (!same(inOrder(riskFlags, draft.risks), inOrder(riskFlags, base.risks))) {
    patch.risks = Object.fromEntries(riskFlags.map((flag) => [flag, draft.risks.includes(flag)])) as Record<RiskFlag, boolean>;
  }
  if (draft.consentPublish !== base.consentPublish) patch.consentPublish = draft.consentPublish;
  if (draft.consentShare !== base.consentShare) patch.consentShare = draft.consentShare;

  const assigneeId = draft.assigneeId !== base.assigneeId ? draft.assigneeId || null : undefined;
  const status = draft.status !== base.status ? draft.status : undefined;
  const count = Object.keys(patch).length + (assigneeId !== undefined ? 1 : 0) + (status !== undefined ? 1 : 0);
  return { patch, assigneeId, status, count };
}
