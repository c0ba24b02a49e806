import { useTranslation } from 'react-i18next';
import type { DuplicateCandidateRow } from '../../../shared/domain/duplicates';
import { pairKey } from '../../../shared/duplicates/groups';
import { percent } from './reason-text';

interface DuplicateQueueProps {
  rows: DuplicateCandidateRow[];
  selected: string | null;
  onSelect: (row: DuplicateCandidateRow) => void;
  /** The list's accessible name. */
  label: string;
}

/** The pairs, best match first; skipped pairs last. */
export function DuplicateQueue({ rows, selected, onSelect, label }: DuplicateQueueProps) {
  const { t } = useTranslation();
  return (
    <ol className="duplicate-queue plain-list" aria-label={label}>
      {rows.map((row) => {
        const key = pairKey(row.a.id, row.b.id);
        return (
          <li key={key}>
            <button
              type="button"
              className={key === selected ? 'duplicate-row selected' : 'duplicate-row'}
              aria-pressed={key === selected}
              aria-label={t('duplicates.pairName', { a: row.a.displayName, b: row.b.displayName })}
              onClick={() => onSelect(row)}
            >
              <span className="duplicate-score">{t('duplicates.score', { score: percent(row.score) })}</span>
              <span className="duplicate-names">
                {row.a.displayName} / {row.b.displayName}
              </span>
              {row.skipped ? <span className="role-chip">{t('duplicates.skipped')}</span> : null}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
