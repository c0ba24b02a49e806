import { useTranslation } from 'react-i18next';
import type { StaffRecord } from '../../../shared/domain/staff-accounts';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { emptyAuditDraft, type AuditDraft, type DraftProblems } from './audit-filter';

interface AuditFiltersProps {
  draft: AuditDraft;
  /** Problems of the settled draft, so nothing turns red mid-word. */
  problems: DraftProblems;
  staff: StaffRecord[];
  onChange: (draft: AuditDraft) => void;
}

export function AuditFilters({ draft, problems, staff, onChange }: AuditFiltersProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<AuditDraft>) => onChange({ ...draft, ...patch });
  const dateHint = (invalid: boolean) => (invalid ? t('audit.dateInvalid') : t('audit.dateHint'));
  const empty = draft.staffId === '' && draft.from === '' && draft.to === '' && draft.recordId === '';

  return (
    <div role="search" className="audit-filters" aria-label={t('audit.filters')}>
      <SelectField label={t('audit.staff')} value={draft.staffId} onChange={(event) => set({ staffId: event.target.value })}>
        <option value="">{t('audit.anyStaff')}</option>
        {staff.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </SelectField>
      <Field
        label={t('audit.from')}
        hint={dateHint(problems.from)}
        className={problems.from ? 'field-invalid' : undefined}
        aria-invalid={problems.from || undefined}
        inputMode="numeric"
        maxLength={10}
        placeholder="2024-01"
        value={draft.from}
        onChange={(event) => set({ from: event.target.value })}
      />
      <Field
        label={t('audit.to')}
        hint={dateHint(problems.to)}
        className={problems.to ? 'field-invalid' : undefined}
        aria-invalid={problems.to || undefined}
        inputMode="numeric"
        maxLength={10}
        placeholder="2024-12-31"
        value={draft.to}
        onChange={(event) => set({ to: event.target.value })}
      />
      <Field
        label={t('audit.recordId')}
        hint={problems.recordId ? t('audit.recordIdInvalid') : t('audit.recordIdHint')}
        className={problems.recordId ? 'field-invalid audit-filter-id' : 'audit-filter-id'}
        aria-invalid={problems.recordId || undefined}
        spellCheck={false}
        maxLength={40}
        value={draft.recordId}
        onChange={(event) => set({ recordId: event.target.value })}
      />
      <div className="audit-filters-clear">
        <button type="button" disabled={empty} onClick={() => onChange(emptyAuditDraft)}>
          {t('audit.clear')}
        </button>
      </div>
    </div>
  );
}
