import { FlexRender, useTable, type Header, type SortingState, type Updater } from '@tanstack/react-table';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../../shared/domain/cases';
import { FormMessage } from '../../components/FormMessage';
import { errorText } from '../../components/error-text';
import { caseColumns, caseTableFeatures } from './case-columns';
import { CASE_PAGE_SIZE, useCasePage } from './use-case-page';

type Features = typeof caseTableFeatures;

const noRows: CaseRecord[] = [];
const rowId = (record: CaseRecord) => record.id;

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;
const arrows = { asc: '▲', desc: '▼' } as const;

function SortableHeader({ header, multi }: { header: Header<Features, CaseRecord, unknown>; multi: boolean }) {
  const { column } = header;
  const direction = column.getIsSorted();
  const toggle = column.getToggleSortingHandler();
  return (
    <th scope="col" className={`col-${column.id}`} aria-sort={direction ? ariaSort[direction] : 'none'}>
      <button type="button" className="sort-button" onClick={toggle}>
        <FlexRender header={header} />
        <span className="sort-indicator" aria-hidden="true">
          {direction ? arrows[direction] : ''}
          {direction && multi ? <sup>{column.getSortIndex() + 1}</sup> : null}
        </span>
      </button>
    </th>
  );
}

/** The daily triage list: one server page of cases at a time, sorted on the server. */
export function TriageTable({ reloadToken }: { reloadToken: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [pageIndex, setPageIndex] = useState(0);
  const { page, loading, error } = useCasePage({ sorting, pageIndex, reloadToken });

  const onSortingChange = useCallback((updater: Updater<SortingState>) => {
    setSorting(updater);
    setPageIndex(0);
  }, []);

  const table = useTable({
    features: caseTableFeatures,
    columns: caseColumns,
    data: page?.rows ?? noRows,
    getRowId: rowId,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    sortDescFirst: false,
    enableSortingRemoval: true,
    maxMultiSortColCount: caseColumns.length,
  });

  const total = page?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / CASE_PAGE_SIZE));

  // Keep the page in range if the total shrank below it.
  useEffect(() => {
    if (page && pageIndex > 0 && pageIndex >= pageCount) setPageIndex(pageCount - 1);
  }, [page, pageIndex, pageCount]);

  const rows = table.getRowModel().rows;
  const from = total === 0 ? 0 : pageIndex * CASE_PAGE_SIZE + 1;
  const to = Math.min(total, (pageIndex + 1) * CASE_PAGE_SIZE);
  const multi = sorting.length > 1;

  return (
    <div className="triage">
      <div className="triage-toolbar">
        <h2 id={headingId} className="triage-heading">{t('cases.heading')}</h2>
        <p className="case-count" aria-live="polite">
          {page ? t('cases.count', { count: total }) : ''}
        </p>
        <p className="sort-hint">{t('cases.sortHint')}</p>
      </div>

      {error ? <FormMessage error={errorText(t, error)} /> : null}

      <div className="table-scroll" aria-busy={loading}>
        <table className="case-table" aria-labelledby={headingId}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <SortableHeader key={header.id} header={header} multi={multi} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-case-id={row.original.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`col-${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {page && total === 0 ? <p className="empty-state">{t('cases.empty')}</p> : null}
        {!page && loading ? <p className="empty-state">{t('cases.loading')}</p> : null}
      </div>

      <nav className="pager" aria-label={t('cases.pagination')}>
        <span className="pager-range">{total > 0 ? t('cases.range', { from, to }) : ''}</span>
        <button
          type="button"
          disabled={loading || pageIndex === 0}
          onClick={() => setPageIndex((index) => Math.max(0, index - 1))}
        >
          {t('cases.previous')}
        </button>
        <button
          type="button"
          disabled={loading || pageIndex + 1 >= pageCount}
          onClick={() => setPageIndex((index) => index + 1)}
        >
          {t('cases.next')}
        </button>
      </nav>
    </div>
  );
}
