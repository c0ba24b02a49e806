import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../shared/domain/sync';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';
import { ConflictList } from './ConflictList';
import { countsText, warningText } from './labels';
import { readWithProgress } from './read-file';
import { syncProblem } from './sync-problem';

const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

type Phase = { kind: 'idle' } | { kind: 'reading'; fraction: number } | { kind: 'applying' } | { kind: 'done'; summary: ImportSummary };

/** Reading a partner's bundle, having it checked and applied, and showing what changed. */
export function BundleImportDialog({ onClose, onImported, onOpenCase }: { onClose: () => void; onImported: () => void; onOpenCase: (id: string) => void }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [problem, setProblem] = useState<Problem | null>(null);

  async function pick(file: File | undefined) {
    setProblem(null);
    if (!file) return;
    if (file.size > MAX_BUNDLE_BYTES) {
      setProblem({ text: (tr) => tr('bundleImport.tooLarge') });
      return;
    }
    setPhase({ kind: 'reading', fraction: 0 });
    try {
      const dataBase64 = await readWithProgress(file, (fraction) => setPhase({ kind: 'reading', fraction }));
      setPhase({ kind: 'applying' });
      const summary = await call('sync.import', { fileName: file.name.slice(0, 255), dataBase64 });
      setPhase({ kind: 'done', summary });
      onImported();
    } catch (error) {
      setPhase({ kind: 'idle' });
      setProblem(syncProblem(error));
    }
  }

  const busy = phase.kind === 'reading' || phase.kind === 'applying';
  return (
    <Dialog title={t('bundleImport.title')} onClose={onClose} size="wide">
      <div className="stack">
        <p className="muted">{t('bundleImport.intro')}</p>
        <Field label={t('bundleImport.file')} type="file" accept=".age,application/octet-stream" disabled={busy} onChange={(event) => void pick(event.target.files?.[0])} />
        {phase.kind === 'reading' ? (
          <div className="progress-line" role="status">
            <progress max={1} value={phase.fraction} aria-label={t('bundleImport.reading')} />
            <span>{t('bundleImport.reading')}</span>
          </div>
        ) : null}
        {phase.kind === 'applying' ? (
          <div className="progress-line" role="status">
            <progress aria-label={t('bundleImport.applying')} />
            <span>{t('bundleImport.applying')}</span>
          </div>
        ) : null}
        {phase.kind === 'done' ? <ImportResult summary={phase.summary} onOpenCase={onOpenCase} onResolved={onImported} /> : null}
        <FormMessage error={problemText(t, problem)} />
        <div className="actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function ImportResult({ summary, onOpenCase, onResolved }: { summary: ImportSummary; onOpenCase: (id: string) => void; onResolved: () => void }) {
  const { t } = useTranslation();
  const lines = countsText(t, summary.records);
  return (
    <section className="stack" aria-labelledby="import-result">
      <h3 id="import-result">{t('bundleImport.doneHeading', { name: summary.partner.name })}</h3>
      <p role="status">{summary.applied === 0 ? t('bundleImport.nothingNew') : t('bundleImport.ops', { applied: summary.applied, count: summary.ops })}</p>
      {lines.length > 0 ? (
        <ul className="plain-list">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {summary.warnings.map((warning) => (
        <p key={warning.code} className="notice">
          {warningText(t, warning)}
        </p>
      ))}
      {summary.conflicts.length > 0 ? (
        <>
          <h4>{t('bundleImport.conflictsHeading')}</h4>
          <ConflictList conflicts={summary.conflicts} onOpenCase={onOpenCase} onResolved={onResolved} />
        </>
      ) : null}
    </section>
  );
}
