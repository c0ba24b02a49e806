import { ApiError } from '../../api';
import type { Problem } from '../../components/error-text';

/**
 * What a refused import or resolution shows. A deletion the aid ledger forbids carries the record and what
 * names it in the server's message; the ledger's own sentence for that code (about paid entries) would
 * mislead here.
 */
export function syncProblem(error: unknown): Problem {
  if (error instanceof ApiError && error.code === 'LEDGER_IMMUTABLE') return { text: (t) => `${t('bundleImport.ledgerKeeps')} ${error.message}` };
  return { error };
}
