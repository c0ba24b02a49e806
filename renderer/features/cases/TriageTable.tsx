import {
  FlexRender,
  useTable,
  type Header,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, type RefObject } from 'react';
import type { CaseRecord } from '../../../shared/domain/cases';
import { caseColumns, caseTableFeatures } from './case-columns';

type Features = typeof caseTableFeatures;

const rowId = (record: CaseRecord) => record.id;

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;
const arrows = { asc: '▲', desc: '▼' } as const;

/** Fixed in styles.css (.case-table thead th), so rows scrolled to stay clear of the sticky header. */
const HEADER_HEIGHT = 30;
const ROW_ESTIMATE = 29;

function HeaderCell({ header, multi }: { header: Header<Features, CaseRecord, unknown>; multi: boolean }) {
  const { column } = header;
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={`col-${column.id}`}>
        <span className="header-label">
          <FlexRender header={header} />
        </span>
      </th>
    );
  }
  const direction = column.getIsSorted();
  return (
    <th scope="col" className={`col-${column.id}`} aria-sort={direction ? ariaSort[direction] : 'none'}>
      <button type="button" className="sort-button" onClick={column.getToggleSortingHandler()}>
        <FlexRender header={header} />
        <span className="sort-indicator" aria-hidden="true">
          {direction ? arrows[direction] : ''}
          {direction && multi ? <sup>{column.getSortIndex() + 1}</sup> : null}
        </span>
      </button>
    </th>
  );
}

interface TriageTableProps {
  rows: CaseRecord[];
  labelledBy: string;
  busy: boolean;
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  rowSelection: RowSelectionState;
  onRowSelectionChange: OnChangeFn<RowSelectionState>;
  activeId: string | null;
  onOpen: (id: string) => void;
  /** Changes with the filter, sort and page index. */
  pageKey: string;
  /** The scrolling container: focused by the triage keys, so Enter and Space then act on the active row. */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Shown under the header when there are no rows. */
  emptyText: string | null;
}

/** One server page of cases (up to 100), with only the rows in view in the DOM. */
export function TriageTable(props: TriageTableProps) {
  const { rows: data, sorting, rowSelection, activeId, onOpen, scrollRef } = props;

  const table = useTable({
    features: caseTableFeatures,
    columns: caseColumns,
    data,
    getRowId: rowId,
    state: { sorting, rowSelection },
    onSortingChange: props.onSortingChange,
    onRowSelectionChange: props.onRowSelectionChange,
    manualSorting: true,
    sortDescFirst: false,
    enableSortingRemoval: true,
    maxMultiSortColCount: caseColumns.length,
    enableRowSelection: true,
  });

  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  // Keep the active row (moved with j/k, or restored on return from a case) in view.
  const activeIndex = activeId ? rows.findIndex((row) => row.id === activeId) : -1;
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  // A new query or page starts at the top (a refresh of the same page keeps its place).
  const { pageKey } = props;
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [pageKey, scrollRef]);

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first ? first.start - HEADER_HEIGHT : 0;
  const padBottom = last ? virtualizer.getTotalSize() - last.end : 0;
  const columnCount = caseColumns.length;
  const multi = sorting.length > 1;

  return (
    <div className="table-scroll" ref={scrollRef} tabIndex={-1} aria-busy={props.busy}>
      <table className="case-table" aria-labelledby={props.labelledBy} aria-rowcount={rows.length + 1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} multi={multi} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr className="spacer" aria-hidden="true">
              <td colSpan={columnCount} style={{ height: padTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const active = row.id === activeId;
            const classes = [item.index % 2 ? 'row-odd' : '', active ? 'is-active' : '', row.getIsSelected() ? 'is-selected' : ''];
            return (
              <tr
                key={row.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-case-id={row.original.id}
                aria-rowindex={item.index + 2}
                aria-selected={active}
                className={classes.filter(Boolean).join(' ') || undefined}
                onClick={() => onOpen(row.id)}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`col-${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 ? (
            <tr className="spacer" aria-hidden="true">
              <td colSpan={columnCount} style={{ height: padBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
      {props.emptyText ? <p className="empty-state">{props.emptyText}</p> : null}
    </div>
  );
}
