import type { CaseDetail } from '../../../../shared/domain/cases';
import { call } from '../../../api';
import type { CaseChanges } from './case-draft';

/**
 * Field edits go first, guarded by `expectedUpdatedAt` (CONFLICT if someone saved in between); assignment
 * and status have their own methods (status with its reason). Returns the case as stored afterwards.
 */
export async function saveCase(detail: CaseDetail, changes: CaseChanges, reason: string): Promise<CaseDetail> {
  let next = detail;
  if (Object.keys(changes.patch).length) {
    next = await call('cases.update', { id: detail.id, patch: changes.patch, expectedUpdatedAt: detail.updatedAt });
  }
  if (changes.assigneeId !== undefined) {
    await call('cases.assign', { ids: [detail.id], assigneeId: changes.assigneeId });
  }
  if (changes.status !== undefined) {
    await call('cases.setStatus', { ids: [detail.id], status: changes.status, reason: reason.trim() || undefined });
  }
  if (changes.assigneeId !== undefined || changes.status !== undefined) {
    next = await call('cases.get', { id: detail.id });
  }
  return next;
}
