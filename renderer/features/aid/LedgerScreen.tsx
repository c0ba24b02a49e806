import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { aidTypes, disbursementStatuses, type AidType, type DisbursementFilter, type DisbursementStatus, type ProgrammeRecord } from '../../../shared/domain/aid';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { aidErrorText } from './aid-error';
import { useAidLabels } from './aid-labels';
import { LedgerTable } from './LedgerTable';
import { LedgerViews } from './LedgerViews';
import { LEDGER_PAGE_SIZE, type LedgerState } from './use-ledger';

interface LedgerScreenProps {
  state: LedgerState;
  programmes: ProgrammeRecord[];
  canApprove: boolean;
  onOpen: (id: string) => void;
}

/** What a view saves: the filters as the server applies them, without an empty search. */
const effectiveFilter = (filter: DisbursementFilter): DisbursementFilter => ({ ...filter, search: filter.search?.trim() || undefined });

const typing = (target: EventTarget | null) => target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);

/** The disbursement table: server-side filters, sort and pages; selection with bulk approval; keyboard triage. */
export function LedgerScreen({ state, programmes, canApprove, onOpen }: LedgerScreenProps) {
  const { t } = useTranslation();
  const labels = useAidLabels();
  const headingId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ error?: string; success?: string } | null>(null);
  const { filter, setFilter, page } = state;
  const rows = page.value?.rows ?? [];
  const total = page.value?.total ?? 0;
  const selected = Object.keys(state.rowSelection).filter((id) => state.rowSelection[id]);

  async function approve(ids: string[]) {
    let approved = 0;
    const failures: string[] = [];
    for (const id of ids) {
      try {
        await call('aid.disbursements.approve', { id });
        approved += 1;
      } catch (error) {
        failures.push(aidErrorText(t, error));
      }
    }
    state.setRowSelection({});
    setMessage(failures.length ? { error: `${t('aid.bulkResult', { approved, failed: failures.length })} ${failures[0]}` } : { success: t('aid.bulkResult', { approved, failed: 0 }) });
    page.reload();
  }

  // j / k move, Enter opens, a approves the active row, / searches: the case triage's keys.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const index = rows.findIndex((r) => r.id === state.activeId);
      if (event.key === 'j' || event.key === 'k') {
        const next = rows[Math.max(0, Math.min(rows.length - 1, index + (event.key === 'j' ? 1 : -1)))] ?? rows[0];
        if (next) state.setActiveId(next.id);
      } else if (event.key === 'Enter' && state.activeId) {
        onOpen(state.activeId);
      } else if (event.key === 'a' && canApprove && state.activeId) {
        void approve([state.activeId]);
      } else if (event.key === '/') {
        searchRef.current?.focus();
      } else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <section className="aid-ledger">
      <div className="aid-toolbar">
        <h2 id={headingId}>{t('aid.count', { count: total })}</h2>
        <LedgerViews viewId={state.viewId} onApply={state.applyView} filter={effectiveFilter(filter)} sort={state.sort} onMessage={setMessage} />
        <Field
          ref={searchRef}
          label={t('aid.filters.search')}
          type="search"
          value={filter.search ?? ''}
          maxLength={200}
          onChange={(event) => setFilter({ ...filter, search: event.target.value || undefined })}
        />
        <SelectField label={t('aid.filters.status')} value={filter.status?.[0] ?? ''} onChange={(event) => setFilter({ ...filter, status: event.target.value ? [event.target.value as DisbursementStatus] : undefined })}>
          <option value="">{t('aid.filters.anyStatus')}</option>
          {disbursementStatuses.map((s) => (
            <option key={s} value={s}>
              {labels.status(s)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('aid.filters.programme')} value={filter.programmeId ?? ''} onChange={(event) => setFilter({ ...filter, programmeId: event.target.value || undefined })}>
          <option value="">{t('aid.filters.anyProgramme')}</option>
          {programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('aid.filters.type')} value={filter.type?.[0] ?? ''} onChange={(event) => setFilter({ ...filter, type: event.target.value ? [event.target.value as AidType] : undefined })}>
          <option value="">{t('aid.filters.anyType')}</option>
          {aidTypes.map((type) => (
            <option key={type} value={type}>
              {labels.type(type)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('aid.filters.origin')} value={filter.origin ?? ''} onChange={(event) => setFilter({ ...filter, origin: (event.target.value || undefined) as 'own' | 'partner' | undefined })}>
          <option value="">{t('aid.filters.anyOrigin')}</option>
          <option value="own">{t('aid.filters.own')}</option>
          <option value="partner">{t('aid.filters.partner')}</option>
        </SelectField>
        {canApprove && selected.length > 0 ? (
          <button type="button" className="primary" onClick={() => void approve(selected)}>
            {t('aid.bulkApprove', { count: selected.length })}
          </button>
        ) : null}
      </div>
      <p className="keyboard-hint">{t('aid.keyboard')}</p>
      {message ? <FormMessage error={message.error ?? null} success={message.success ?? null} /> : null}
      {page.error ? <FormMessage error={aidErrorText(t, page.error)} /> : null}
      <div className="table-scroll">
        <LedgerTable state={state} rows={rows} labelledBy={headingId} onOpen={onOpen} />
        {!page.loading && rows.length === 0 ? <p className="empty">{Object.keys(filter).length ? t('aid.noMatches') : t('aid.empty')}</p> : null}
      </div>
      <nav className="pager" aria-label={t('cases.pagination')}>
        <span className="pager-range">{total > 0 ? t('cases.range', { from: state.pageIndex * LEDGER_PAGE_SIZE + 1, to: Math.min(total, (state.pageIndex + 1) * LEDGER_PAGE_SIZE) }) : ''}</span>
        <button type="button" disabled={page.loading || state.pageIndex === 0} onClick={() => state.setPageIndex(state.pageIndex - 1)}>
          {t('cases.previous')}
        </button>
        <button type="button" disabled={page.loading || (state.pageIndex + 1) * LEDGER_PAGE_SIZE >= total} onClick={() => state.setPageIndex(state.pageIndex + 1)}>
          {t('cases.next')}
        </button>
      </nav>
    </section>
  );
}
