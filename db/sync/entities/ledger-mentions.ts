/**
 * What in this office's own aid ledger names a person or a case: its own disbursements (partners' paid
 * copies excepted, which may go) and its aid requests. Ledger entries are never deleted, so a partner's
 * deletion of such a record cannot apply here.
 */
import type { SyncContext } from '../registry';

export function ledgerMentions(sqlite: SyncContext['sqlite'], disbursementColumn: 'recipient_id' | 'case_id', requestColumn: 'person_id' | 'case_id', key: string): string | null {
  const { n: disbursements } = sqlite.prepare(`SELECT count(*) AS n FROM aid_disbursements WHERE ${disbursementColumn} = ? AND origin_office IS NULL`).get(key) as { n: number };
  const { n: requests } = sqlite.prepare(`SELECT count(*) AS n FROM aid_requests WHERE ${requestColumn} = ?`).get(key) as { n: number };
  if (disbursements === 0 && requests === 0) return null;
  const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [disbursements > 0 ? counted(disbursements, 'disbursement', 'disbursements') : '', requests > 0 ? counted(requests, 'aid request', 'aid requests') : ''].filter(Boolean).join(', ');
}
