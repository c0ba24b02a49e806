import type { Handlers } from '../../shared/api';
import { listAudit, verifyAudit } from '../../db/audit';
import type { BackendContext } from '../context';

export function auditHandlers({ session }: BackendContext) {
  return {
    'audit.verify': () => verifyAudit(session.require().orm),
    'audit.list': (query) => listAudit(session.require().orm, query),
  } satisfies Pick<Handlers, 'audit.verify' | 'audit.list'>;
}
