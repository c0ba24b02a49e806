/** Where a received case came from: the office that recorded it, and the reference it gave it there. */
import type { Sqlite } from '../connection';

export interface RecordOrigin {
  office: string | null;
  reference: string;
}

export function caseOrigin(sqlite: Sqlite, id: string): RecordOrigin | null {
  const row = sqlite.prepare('SELECT origin_reference AS reference FROM cases WHERE id = ?').get(id) as { reference: string } | undefined;
  // Our own cases keep the column empty: their reference is the one shown.
  if (!row || row.reference === '') return null;
  const first = sqlite
    .prepare(
      `SELECT s.office AS office FROM sync_ops o JOIN sync_rows r ON r.id = o.rid JOIN sync_sites s ON s.id = o.site
       WHERE r.entity = 'case' AND r.key = ? AND o.field = 'originReference' ORDER BY o.hlc, o.counter LIMIT 1`,
    )
    .get(id) as { office: string | null } | undefined;
  return { office: first?.office ?? null, reference: row.reference };
}
