import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  caseStatuses,
  priorities,
  statusChangeNeedsReason,
  type CaseRecord,
  type CaseStatus,
  type Priority,
} from '../../../../shared/domain/cases';
import type { StaffRecord } from '../../../../shared/domain/staff-accounts';
import { call } from '../../../api';
import { Dialog } from '../../../components/Dialog';
import { FormMessage } from '../../../components/FormMessage';
import { problemText, type Problem } from '../../../components/error-text';
import type { BulkKind } from '../use-triage-keys';

interface BulkDialogProps {
  kind: BulkKind;
  targets: CaseRecord[];
  staff: StaffRecord[];
  onClose: () => void;
  onDone: (updated: number) => void;
}

const titleKey = { assign: 'bulk.assignTitle', priority: 'bulk.priorityTitle', status: 'bulk.statusTitle' } as const;

/** Assign, prioritise or move the status of one or many cases. */
export function BulkDialog({ kind, targets, staff, onClose, onDone }: BulkDialogProps) {
  const { t } = useTranslation();
  const ids = { value: useId(), reason: useId() };
  const first = targets[0];
  const [assigneeId, setAssigneeId] = useState(targets.length === 1 ? (first?.assignee?.id ?? '') : '');
  const [priority, setPriority] = useState<Priority>(targets.length === 1 && first ? first.priority : 'normal');
  const [status, setStatus] = useState<CaseStatus>(targets.length === 1 && first ? first.status : 'open');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const needsReason = kind === 'status' && targets.some((record) => statusChangeNeedsReason(record.status, status));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (needsReason && !reason.trim()) {
      setProblem({ local: 'bulk.reasonRequired' });
      return;
    }
    setBusy(true);
    setProblem(null);
    const caseIds = targets.map((record) => record.id);
    try {
      const result =
        kind === 'assign'
          ? await call('cases.assign', { ids: caseIds, assigneeId: assigneeId || null })
          : kind === 'priority'
            ? await call('cases.setPriority', { ids: caseIds, priority })
            : await call('cases.setStatus', { ids: caseIds, status, reason: reason.trim() || undefined });
      onDone(result.updated);
    } catch (error) {
      setProblem({ error });
      setBusy(false);
    }
  }

  return (
    <Dialog title={t(titleKey[kind], { count: targets.length })} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        {kind === 'assign' ? (
          <div className="field">
            <label htmlFor={ids.value}>{t('bulk.assignTo')}</label>
            <select id={ids.value} autoFocus value={assigneeId} onChange={(event) => setAssigneeId(event.target.value)}>
              <option value="">{t('bulk.nobody')}</option>
              {staff.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {kind === 'priority' ? (
          <div className="field">
            <label htmlFor={ids.value}>{t('bulk.newPriority')}</label>
            <select id={ids.value} autoFocus value={priority} onChange={(event) => setPriority(event.target.value as Priority)}>
              {priorities.map((value) => (
                <option key={value} value={value}>
                  {t(`priorities.${value}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {kind === 'status' ? (
          <>
            <div className="field">
              <label htmlFor={ids.value}>{t('bulk.newStatus')}</label>
              <select id={ids.value} autoFocus value={status} onChange={(event) => setStatus(event.target.value as CaseStatus)}>
                {caseStatuses.map((value) => (
                  <option key={value} value={value}>
                    {t(`statuses.${value}`)}
                  </option>
                ))}
              </select>
            </div>
            {needsReason ? (
              <div className="field">
                <label htmlFor={ids.reason}>{t('bulk.reason')}</label>
                <textarea
                  id={ids.reason}
                  rows={3}
                  maxLength={2000}
                  required
                  aria-describedby={`${ids.reason}-hint`}
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                />
                <p id={`${ids.reason}-hint`} className="field-hint">
                  {t('bulk.reasonHint')}
                </p>
              </div>
            ) : null}
          </>
        ) : null}
        <FormMessage error={problemText(t, problem)} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
            {busy ? t('bulk.applying') : t('bulk.apply')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
