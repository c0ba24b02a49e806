import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../../shared/domain/cases';
import { CaseForm } from './CaseForm';

/** The intake form, opened from "New case"; it takes the filter bar's place while open. */
export function NewCasePanel({ id, onCreated, onClose }: { id: string; onCreated: (record: CaseRecord) => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <section id={id} className="intake-panel">
      <button type="button" className="button-quiet intake-close" onClick={onClose}>
        {t('caseForm.close')}
      </button>
      <CaseForm onCreated={onCreated} />
    </section>
  );
}
