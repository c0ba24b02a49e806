import type { RowSelectionState } from '@tanstack/react-table';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../../shared/domain/cases';
import type { StaffRecord } from '../../../shared/domain/staff-accounts';
import { FormMessage } from '../../components/FormMessage';
import { NoticeLine, type Notice } from '../../components/NoticeLine';
import { errorText } from '../../components/error-text';
import { ExportMenu } from '../export/ExportMenu';
import { ImportButton } from '../import/ImportButton';
import { BulkBar } from './bulk/BulkBar';
import { BulkDialog } from './bulk/BulkDialog';
import { FilterBar } from './filters/FilterBar';
import { SavedViews } from './filters/SavedViews';
import { KeyboardHint } from './KeyboardHint';
import { NewCasePanel } from './NewCasePanel';
import { Pager } from './Pager';
import { TriageTable } from './TriageTable';
import { useCasePage } from './use-case-page';
import { useTriageKeys, type BulkKind } from './use-triage-keys';
import type { TriageState } from './use-triage-state';

const noRows: CaseRecord[] = [];

interface TriageScreenProps {
  state: TriageState;
  canWrite: boolean;
  staff: StaffRecord[];
  onOpen: (id: string) => void;
}

/** The daily triage list: filters, saved views, one server page of cases, bulk actions, keyboard triage. */
export function TriageScreen({ state, canWrite, staff, onOpen }: TriageScreenProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const panelId = useId();
  const { filter, sort, pageIndex, after, setNextCursor, rowSelection, setRowSelection, activeId, setActiveId } = state;
  const [reloadToken, setReloadToken] = useState(0);
  const { page, loading, error } = useCasePage({ filter, sort, pageIndex, after, reloadToken });
  const [newCaseOpen, setNewCaseOpen] = useState(false);
  const [bulk, setBulk] = useState<{ kind: BulkKind; targets: CaseRecord[] } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const rows = page?.rows ?? noRows;
  const reload = useCallback(() => setReloadToken((token) => token + 1), []);

  // Only a settled page belongs to this page index (while loading, `page` is still the previous one).
  useEffect(() => {
    if (page && !loading) setNextCursor(pageIndex, page.nextCursor);
  }, [page, loading, pageIndex, setNextCursor]);

  // Selection only ever covers rows on the page in view (after a refresh some may have left the filter).
  useEffect(() => {
    if (!page) return;
    const present = new Set(page.rows.map((row) => row.id));
    setRowSelection((current) => {
      const kept = Object.keys(current).filter((id) => present.has(id));
      if (kept.length === Object.keys(current).length) return current;
      return Object.fromEntries(kept.map((id) => [id, true] as const)) as RowSelectionState;
    });
  }, [page, setRowSelection]);

  const selectedRows = rows.filter((row) => rowSelection[row.id]);
  const activeRow = rows.find((row) => row.id === activeId) ?? null;

  // When a refresh drops the active case from the list (e.g. it was just closed), the next one takes its place.
  const pageKey = `${JSON.stringify(filter)}|${JSON.stringify(sort)}|${pageIndex}`;
  const lastActive = useRef<{ key: string; index: number }>({ key: '', index: -1 });
  useEffect(() => {
    // Only a settled page belongs to the current key (while loading, `page` is still the previous query's).
    if (!page || loading) return;
    const index = page.rows.findIndex((row) => row.id === activeId);
    const last = lastActive.current;
    if (index < 0 && activeId && last.key === pageKey && last.index >= 0 && page.rows.length) {
      setActiveId(page.rows[Math.min(last.index, page.rows.length - 1)]!.id);
      return;
    }
    lastActive.current = { key: pageKey, index };
  }, [page, loading, activeId, pageKey, setActiveId]);

  const openBulk = (kind: BulkKind) => {
    if (!canWrite) return;
    const targets = selectedRows.length ? selectedRows : activeRow ? [activeRow] : [];
    if (targets.length) setBulk({ kind, targets });
  };

  const focusSearch = () => {
    setNewCaseOpen(false);
    window.requestAnimationFrame(() => searchRef.current?.focus());
  };

  useTriageKeys(
    {
      move: (delta) => {
        if (!rows.length) return;
        // Triage has begun: take focus off any filter control so Enter and Space act on the active row.
        if (!tableRef.current?.contains(document.activeElement)) tableRef.current?.focus({ preventScroll: true });
        const index = rows.findIndex((row) => row.id === activeId);
        const next = index < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, index + delta));
        setActiveId(rows[next]!.id);
      },
      toggle: () => {
        if (!activeRow) return;
        const id = activeRow.id;
        setRowSelection((current) => {
          const next = { ...current };
          if (next[id]) delete next[id];
          else next[id] = true;
          return next;
        });
      },
      open: () => {
        if (activeRow) onOpen(activeRow.id);
      },
      bulk: openBulk,
      focusSearch,
      escape: () => {
        if (Object.keys(rowSelection).length) setRowSelection({});
        else if (newCaseOpen) setNewCaseOpen(false);
        else setNotice(null);
      },
    },
    bulk === null,
  );

  const total = page?.total ?? 0;
  const emptyText = page && total === 0 ? (Object.keys(filter).length ? t('cases.noMatches') : t('cases.empty')) : !page && loading ? t('cases.loading') : null;

  return (
    <div className="triage">
      <div className="triage-toolbar">
        <h2 id={headingId} className="triage-heading">
          {t('cases.heading')}
        </h2>
        <p className="case-count" aria-live="polite">
          {page ? t(page.totalCapped ? 'cases.countAtLeast' : 'cases.count', { count: total }) : ''}
        </p>
        <SavedViews viewId={state.viewId} onApply={state.applyView} filter={filter} sort={sort} onNotice={setNotice} />
        <div className="toolbar-actions">
          {canWrite ? (
            <>
              <button
                type="button"
                className={newCaseOpen ? undefined : 'button-primary'}
                aria-expanded={newCaseOpen}
                aria-controls={newCaseOpen ? panelId : undefined}
                onClick={() => setNewCaseOpen((open) => !open)}
              >
                {t('cases.newCase')}
              </button>
              <ImportButton onImported={reload} />
            </>
          ) : null}
          <ExportMenu filter={filter} sort={sort} onNotice={setNotice} />
        </div>
      </div>

      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />

      {newCaseOpen ? (
        <NewCasePanel id={panelId} onCreated={reload} onClose={() => setNewCaseOpen(false)} />
      ) : (
        <FilterBar draft={state.draft} onChange={state.setDraft} staff={staff} searchRef={searchRef} />
      )}

      {selectedRows.length > 0 ? (
        <BulkBar count={selectedRows.length} canWrite={canWrite} onAction={openBulk} onClear={() => setRowSelection({})} />
      ) : null}

      {error ? <FormMessage error={errorText(t, error)} /> : null}

      <TriageTable
        rows={rows}
        labelledBy={headingId}
        busy={loading}
        sorting={state.sorting}
        onSortingChange={state.setSorting}
        rowSelection={rowSelection}
        onRowSelectionChange={setRowSelection}
        activeId={activeId}
        onOpen={onOpen}
        scrollRef={tableRef}
        pageKey={pageKey}
        emptyText={emptyText}
      />

      <div className="triage-footer">
        <KeyboardHint canWrite={canWrite} />
        <Pager rows={rows.length} pageIndex={pageIndex} hasNextPage={state.hasNextPage} loading={loading} onPage={state.setPageIndex} />
      </div>

      {bulk ? (
        <BulkDialog
          kind={bulk.kind}
          targets={bulk.targets}
          staff={staff}
          onClose={() => setBulk(null)}
          onDone={(updated) => {
            setBulk(null);
            setNotice({ tone: 'success', text: (tr) => tr('bulk.done', { count: updated }) });
            reload();
          }}
        />
      ) : null}
    </div>
  );
}
