import { isPartialDate } from '../../../shared/domain/partial-date';
import type { AuditFilter } from './use-audit-page';

/** What the filter fields hold, as typed. */
export interface AuditDraft {
  staffId: string;
  from: string;
  to: string;
  recordId: string;
}

export const emptyAuditDraft: AuditDraft = { staffId: '', from: '', to: '', recordId: '' };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DraftProblems {
  from: boolean;
  to: boolean;
  recordId: boolean;
}

export function draftProblems(draft: AuditDraft): DraftProblems {
  const from = draft.from.trim();
  const to = draft.to.trim();
  const id = draft.recordId.trim();
  return {
    from: from !== '' && !isPartialDate(from),
    to: to !== '' && !isPartialDate(to),
    recordId: id !== '' && !uuid.test(id),
  };
}

/** The query for a draft: empty and invalid fields are left out (the field says what is wrong). */
export function filterFromDraft(draft: AuditDraft): AuditFilter {
  const problems = draftProblems(draft);
  const filter: AuditFilter = {};
  if (draft.staffId) filter.staffId = draft.staffId;
  const from = draft.from.trim();
  const to = draft.to.trim();
  const id = draft.recordId.trim().toLowerCase();
  if (from && !problems.from) filter.from = from;
  if (to && !problems.to) filter.to = to;
  if (id && !problems.recordId) filter.entityId = id;
  return filter;
}
