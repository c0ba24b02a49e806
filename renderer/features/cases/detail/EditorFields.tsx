import { useTranslation } from 'react-i18next';
import { caseStatuses, priorities, regions, statusChangeNeedsReason, type CaseStatus } from '../../../../shared/domain/cases';
import type { StaffRecord } from '../../../../shared/domain/staff-accounts';
import { riskFlags, violationTypes } from '../../../../shared/domain/vocabularies';
import { CheckboxGroup } from '../../../components/CheckboxGroup';
import { Field } from '../../../components/Field';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import type { CaseDraft, DateField } from './case-draft';

interface EditorFieldsProps {
  draft: CaseDraft;
  storedStatus: CaseStatus;
  staff: StaffRecord[];
  badDates: DateField[];
  set: <K extends keyof CaseDraft>(key: K, value: CaseDraft[K]) => void;
}

/** Every editable field of a case, in four groups. */
export function EditorFields({ draft, storedStatus, staff, badDates, set }: EditorFieldsProps) {
  const { t } = useTranslation();
  const text = (key: 'title' | 'locality' | 'placeOfDetention' | 'sentence', max: number) => ({
    label: t(`caseFields.${key}`),
    value: draft[key],
    maxLength: max,
    autoComplete: 'off',
    onChange: (event: { target: { value: string } }) => set(key, event.target.value),
  });
  const date = (key: DateField) => ({
    label: t(`caseFields.${key}`),
    hint: t('detail.dateHint'),
    placeholder: t('filters.datePlaceholder'),
    value: draft[key],
    maxLength: 10,
    inputMode: 'numeric' as const,
    'aria-invalid': badDates.includes(key) || undefined,
    onChange: (event: { target: { value: string } }) => set(key, event.target.value),
  });
  const needsReason = statusChangeNeedsReason(storedStatus, draft.status);

  return (
    <div className="detail-grid">
      <fieldset className="detail-group">
        <legend>{t('detail.groupCase')}</legend>
        <Field {...text('title', 300)} required />
        <TextAreaField
          label={t('caseFields.summary')}
          rows={5}
          maxLength={20_000}
          value={draft.summary}
          onChange={(event) => set('summary', event.target.value)}
        />
        <div className="field-row">
          <SelectField label={t('caseFields.region')} value={draft.region} onChange={(event) => set('region', event.target.value as CaseDraft['region'])}>
            {regions.map((region) => (
              <option key={region} value={region}>
                {t(`regions.${region}`)}
              </option>
            ))}
          </SelectField>
          <Field {...text('locality', 200)} />
        </div>
        <Field {...text('placeOfDetention', 300)} />
        <Field {...text('sentence', 300)} />
        <div className="field-row">
          <Field {...date('eventDate')} />
          <Field {...date('eventEndDate')} />
        </div>
      </fieldset>

      <fieldset className="detail-group">
        <legend>{t('detail.groupClassification')}</legend>
        <CheckboxGroup
          legend={t('caseFields.violations')}
          options={violationTypes}
          optionLabel={(v) => t(`violations.${v}`)}
          value={draft.violations}
          onChange={(next) => set('violations', next)}
        />
        <Field
          label={t('caseFields.articles')}
          hint={t('detail.articlesHint')}
          value={draft.articles}
          autoComplete="off"
          onChange={(event) => set('articles', event.target.value)}
        />
        <CheckboxGroup
          legend={t('caseFields.risks')}
          options={riskFlags}
          optionLabel={(v) => t(`risks.${v}`)}
          value={draft.risks}
          onChange={(next) => set('risks', next)}
        />
        <Field
          label={t('caseFields.tags')}
          hint={t('detail.commaHint')}
          value={draft.tags}
          autoComplete="off"
          onChange={(event) => set('tags', event.target.value)}
        />
      </fieldset>

      <div className="detail-column">
        <fieldset className="detail-group">
          <legend>{t('detail.groupWorkflow')}</legend>
          <SelectField label={t('caseFields.priority')} value={draft.priority} onChange={(event) => set('priority', event.target.value as CaseDraft['priority'])}>
            {priorities.map((priority) => (
              <option key={priority} value={priority}>
                {t(`priorities.${priority}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('caseFields.status')} value={draft.status} onChange={(event) => set('status', event.target.value as CaseStatus)}>
            {caseStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`statuses.${status}`)}
              </option>
            ))}
          </SelectField>
          {needsReason ? (
            <TextAreaField
              label={t('detail.reasonLabel')}
              hint={t('detail.reasonNeeded')}
              rows={2}
              maxLength={2000}
              required
              value={draft.statusReason}
              onChange={(event) => set('statusReason', event.target.value)}
            />
          ) : null}
          <SelectField label={t('caseFields.assignee')} value={draft.assigneeId} onChange={(event) => set('assigneeId', event.target.value)}>
            <option value="">{t('detail.noAssignee')}</option>
            {staff.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </SelectField>
        </fieldset>

        <fieldset className="detail-group">
          <legend>{t('detail.groupConsent')}</legend>
          <label className="check">
            <input type="checkbox" checked={draft.consentPublish} onChange={(event) => set('consentPublish', event.target.checked)} />
            {t('caseFields.consentPublish')}
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.consentShare} onChange={(event) => set('consentShare', event.target.checked)} />
            {t('caseFields.consentShare')}
          </label>
        </fieldset>
      </div>
    </div>
  );
}
