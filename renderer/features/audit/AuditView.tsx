import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormMessage } from '../../components/FormMessage';
import { errorText } from '../../components/error-text';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useStaffList } from '../staff/use-staff-list';
import { AuditFilters } from './AuditFilters';
import { AuditPager } from './AuditPager';
import { AuditTable } from './AuditTable';
import { VerifyChain } from './VerifyChain';
import { draftProblems, emptyAuditDraft, filterFromDraft, type AuditDraft } from './audit-filter';
import { useAuditPage } from './use-audit-page';

/** Admins and coordinators: the hash-chained audit log, newest first, with filters and a chain check. */
export function AuditView({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { staff, error: staffError } = useStaffList();
  const [draft, setDraft] = useState<AuditDraft>(emptyAuditDraft);
  const settled = useDebouncedValue(draft, 300);
  const filter = useMemo(() => filterFromDraft(settled), [settled]);
  const problems = useMemo(() => draftProblems(settled), [settled]);
  const filterKey = JSON.stringify(filter);
  // A new filter starts again at the newest page.
  const [paging, setPaging] = useState({ key: filterKey, index: 0 });
  const pageIndex = paging.key === filterKey ? paging.index : 0;
  const { page, loading, error } = useAuditPage(filter, pageIndex);
  const names = useMemo(() => new Map(staff.map((person) => [person.id, person.name])), [staff]);

  return (
    <section className="audit-view" aria-labelledby="audit-heading">
      <div className="settings-header">
        <h2 id="audit-heading">{t('audit.heading')}</h2>
        <button type="button" onClick={onClose}>
          {t('audit.back')}
        </button>
      </div>
      <div className="card stack">
        <VerifyChain />
        <AuditFilters draft={draft} problems={problems} staff={staff} onChange={setDraft} />
        {staffError ? <FormMessage error={errorText(t, staffError)} /> : null}
        {error ? <FormMessage error={errorText(t, error)} /> : null}
        <p className="muted" role="status">
          {loading ? t('audit.loading') : page && page.total === 0 ? t('audit.empty') : ''}
        </p>
        {page && page.rows.length > 0 ? <AuditTable rows={page.rows} names={names} /> : null}
        <AuditPager
          total={page?.total ?? 0}
          pageIndex={pageIndex}
          loading={loading}
          onPage={(index) => setPaging({ key: filterKey, index })}
        />
      </div>
    </section>
  );
}
