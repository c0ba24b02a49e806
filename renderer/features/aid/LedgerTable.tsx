import { FlexRender, useTable, type Header } from '@tanstack/react-table';
import type { DisbursementRecord } from '../../../shared/domain/aid';
import { ledgerColumns, ledgerFeatures } from './ledger-columns';
import type { LedgerState } from './use-ledger';

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;
const arrows = { asc: '▲', desc: '▼' } as const;

function HeaderCell({ header }: { header: Header<typeof ledgerFeatures, DisbursementRecord, unknown> }) {
  const { column } = header;
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={`col-${column.id}`}>
        <FlexRender header={header} />
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
        </span>
      </button>
    </th>
  );
}

/** One server page of the ledger; sorting and selection state live in `useLedger`. */
export function LedgerTable({ state, rows, labelledBy, onOpen }: { state: LedgerState; rows: DisbursementRecord[]; labelledBy: string; onOpen: (id: string) => void }) {
  const table = useTable({
    features: ledgerFeatures,
    columns: ledgerColumns,
    data: rows,
    getRowId: (r) => r.id,
    state: { sorting: state.sorting, rowSelection: state.rowSelection },
    onSortingChange: state.setSorting,
    onRowSelectionChange: state.setRowSelection,
    manualSorting: true,
    sortDescFirst: false,
    enableSortingRemoval: true,
    maxMultiSortColCount: 3,
    enableRowSelection: (row) => row.original.status === 'requested' && row.original.originOffice === null,
  });
  return (
    <table className="case-table aid-table" aria-labelledby={labelledBy}>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <HeaderCell key={header.id} header={header} />
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row, index) => {
          const classes = [index % 2 ? 'row-odd' : '', row.id === state.activeId ? 'is-active' : '', row.getIsSelected() ? 'is-selected' : ''];
          return (
            <tr
              key={row.id}
              data-disbursement-id={row.id}
              aria-selected={row.id === state.activeId}
              className={classes.filter(Boolean).join(' ') || undefined}
              onClick={() => onOpen(row.id)}
            >
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={`col-${cell.column.id}`}>
                  <FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
