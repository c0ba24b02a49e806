import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictRecord } from '../../../shared/domain/sync';
import { entityLabel, syncFieldLabel } from './labels';
import { ResolveDialog } from './ResolveDialog';

/** Conflicts, each opening the side-by-side choice; `onResolved` after one is settled. */
export function ConflictList({ conflicts, onOpenCase, onResolved, canResolve = true }: { conflicts: ConflictRecord[]; onOpenCase: (id: string) => void; onResolved?: () => void; canResolve?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ConflictRecord | null>(null);
  const [settled, setSettled] = useState<Set<string>>(new Set());
  return (
    <>
      <ul className="conflict-list">
        {conflicts.map((conflict) => {
          const what = `${conflict.root.label ?? entityLabel(t, conflict.root.entity)} · ${syncFieldLabel(t, conflict.entity, conflict.field)}`;
          return (
            <li key={conflict.id} className="conflict-item">
              <span>{what}</span>
              {settled.has(conflict.id) ? (
                <span className="muted">{t('conflicts.resolved')}</span>
              ) : (
                <span className="actions">
                  {conflict.root.entity === 'case' ? (
                    <button type="button" onClick={() => onOpenCase(conflict.root.key)}>
                      {t('conflicts.openCase')}
                    </button>
                  ) : null}
                  {canResolve ? (
                    <button type="button" onClick={() => setOpen(conflict)} aria-label={t('conflicts.compareLabel', { what })}>
                      {t('conflicts.compare')}
                    </button>
                  ) : null}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {open ? (
        <ResolveDialog
          conflict={open}
          onClose={() => setOpen(null)}
          onResolved={() => {
            setSettled((done) => new Set([...done, open.id]));
            setOpen(null);
            onResolved?.();
          }}
        />
      ) : null}
    </>
  );
}
