import type { AuditSubject } from '../db/audit';
import type { Tx } from '../db/repositories/changes';
import type { Platform } from './platform';
import type { Session } from './session';

export interface BackendContext {
  platform: Platform;
  session: Session;
  /**
   * Runs `fn` in one transaction and appends its audit entry in the same transaction, so no write is ever
   * committed without its entry. The subject defaults to the field changes the write recorded.
   */
  write<T>(fn: (tx: Tx) => T, subject?: AuditSubject | ((result: T) => AuditSubject)): T;
}
