import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { caseStatuses, priorities, regions } from '../../../../shared/domain/cases';
import type { StaffRecord } from '../../../../shared/domain/staff-accounts';
import { riskFlags, violationTypes } from '../../../../shared/domain/vocabularies';
import { MultiSelect } from '../../../components/MultiSelect';
import { dateProblem, emptyDraft, isEmptyDraft, type FilterDraft } from './filter-draft';
import { FilterText } from './FilterText';

interface FilterBarProps {
  draft: FilterDraft;
  onChange: (update: (draft: FilterDraft) => FilterDraft) => void;
  staff: StaffRecord[];
  searchRef: RefObject<HTMLInputElement | null>;
}

export function FilterBar({ draft, onChange, staff, searchRef }: FilterBarProps) {
  const { t } = useTranslation();
  const assigneeId = useId();
  const set = <K extends keyof FilterDraft>(key: K) => (value: FilterDraft[K]) => onChange((d) => ({ ...d, [key]: value }));

  return (
    <div className="filter-bar" role="search" aria-label={t('filters.heading')}>
      <FilterText
        className="filter-search"
        label={t('filters.search')}
        caption={t('filters.search')}
        type="search"
        ref={searchRef}
        maxLength={200}
        placeholder={t('filters.searchPlaceholder')}
        value={draft.search}
        onChange={set('search')}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          if (draft.search) set('search')('');
          else event.currentTarget.blur();
        }}
      />
      <MultiSelect
        label={t('filters.status')}
        caption={t('filters.statusShort')}
        options={caseStatuses}
        optionLabel={(v) => t(`statuses.${v}`)}
        value={draft.status}
        onChange={set('status')}
      />
      <MultiSelect
        label={t('filters.priority')}
        caption={t('filters.priorityShort')}
        options={priorities}
        optionLabel={(v) => t(`priorities.${v}`)}
        value={draft.priority}
        onChange={set('priority')}
      />
      <MultiSelect
        label={t('filters.region')}
        caption={t('filters.regionShort')}
        options={regions}
        optionLabel={(v) => t(`regions.${v}`)}
        value={draft.region}
        onChange={set('region')}
      />
      <MultiSelect
        label={t('filters.violation')}
        caption={t('filters.violationShort')}
        options={violationTypes}
        optionLabel={(v) => t(`violations.${v}`)}
        value={draft.violation}
        onChange={set('violation')}
      />
      <MultiSelect
        label={t('filters.risk')}
        caption={t('filters.riskShort')}
        options={riskFlags}
        optionLabel={(v) => t(`risks.${v}`)}
        value={draft.risk}
        onChange={set('risk')}
      />
      <div className="filter">
        <label className="filter-caption" htmlFor={assigneeId}>
          {t('filters.assigneeShort')}
        </label>
        <select
          id={assigneeId}
          aria-label={t('filters.assignee')}
          className={draft.assignee ? 'is-set' : undefined}
          value={draft.assignee}
          onChange={(event) => set('assignee')(event.target.value)}
        >
          <option value="">{t('filters.anyone')}</option>
          <option value="me">{t('filters.me')}</option>
          <option value="none">{t('filters.unassigned')}</option>
          {staff.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
      <FilterText
        className="filter-tag"
        label={t('filters.tag')}
        caption={t('filters.tagShort')}
        maxLength={60}
        value={draft.tag}
        onChange={set('tag')}
      />
      <FilterText
        className="filter-date"
        label={t('filters.from')}
        caption={t('filters.fromShort')}
        placeholder={t('filters.datePlaceholder')}
        maxLength={10}
        inputMode="numeric"
        value={draft.from}
        onChange={set('from')}
        invalidText={dateProblem(draft.from) ? t('filters.dateInvalid') : null}
      />
      <FilterText
        className="filter-date"
        label={t('filters.to')}
        caption={t('filters.toShort')}
        placeholder={t('filters.datePlaceholder')}
        maxLength={10}
        inputMode="numeric"
        value={draft.to}
        onChange={set('to')}
        invalidText={dateProblem(draft.to) ? t('filters.dateInvalid') : null}
      />
      {isEmptyDraft(draft) ? null : (
        <button type="button" className="button-quiet filter-clear" onClick={() => onChange(() => emptyDraft)}>
          {t('filters.clear')}
        </button>
      )}
    </div>
  );
}
