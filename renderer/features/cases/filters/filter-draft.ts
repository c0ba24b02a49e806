import { isPartialDate } from '../../../../shared/domain/partial-date';
import type { CaseFilter, CaseStatus, Priority, Region } from '../../../../shared/domain/cases';
import type { RiskFlag, ViolationType } from '../../../../shared/domain/vocabularies';

/** What the filter bar shows: text exactly as typed, so half-typed dates are kept but not sent. */
export interface FilterDraft {
  status: CaseStatus[];
  priority: Priority[];
  region: Region[];
  violation: ViolationType[];
  risk: RiskFlag[];
  /** '' anyone, 'me', 'none' (unassigned) or a staff id. */
  assignee: string;
  tag: string;
  from: string;
  to: string;
  search: string;
}

export const emptyDraft: FilterDraft = {
  status: [],
  priority: [],
  region: [],
  violation: [],
  risk: [],
  assignee: '',
  tag: '',
  from: '',
  to: '',
  search: '',
};

export function draftFromFilter(filter: CaseFilter): FilterDraft {
  return {
    status: filter.status ?? [],
    priority: filter.priority ?? [],
    region: filter.region ?? [],
    violation: filter.violation ?? [],
    risk: filter.risk ?? [],
    assignee: filter.assignee ?? '',
    tag: filter.tag ?? '',
    from: filter.from ?? '',
    to: filter.to ?? '',
    search: filter.search ?? '',
  };
}

/** A date field is acceptable when empty or a partial date. */
export function dateProblem(value: string): boolean {
  const trimmed = value.trim();
  return trimmed !== '' && !isPartialDate(trimmed);
}

/** The filter to send: empty parts left out, invalid dates ignored until they are fixed. */
export function filterFromDraft(draft: FilterDraft): CaseFilter {
  const filter: CaseFilter = {};
  if (draft.status.length) filter.status = draft.status;
  if (draft.priority.length) filter.priority = draft.priority;
  if (draft.region.length) filter.region = draft.region;
  if (draft.violation.length) filter.violation = draft.violation;
  if (draft.risk.length) filter.risk = draft.risk;
  if (draft.assignee) filter.assignee = draft.assignee;
  const tag = draft.tag.trim().toLowerCase().slice(0, 60);
  if (tag) filter.tag = tag;
  const from = draft.from.trim();
  if (from && isPartialDate(from)) filter.from = from;
  const to = draft.to.trim();
  if (to && isPartialDate(to)) filter.to = to;
  const search = draft.search.trim().slice(0, 200);
  if (search) filter.search = search;
  return filter;
}

export function isEmptyDraft(draft: FilterDraft): boolean {
  return JSON.stringify(draft) === JSON.stringify(emptyDraft);
}
