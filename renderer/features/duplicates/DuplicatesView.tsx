import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidateRow } from '../../../shared/domain/duplicates';
import type { SessionInfo } from '../../../shared/domain/staff';
import { writerRoles } from '../../../shared/domain/staff';
import { pairKey } from '../../../shared/duplicates/groups';
import { call } from '../../api';
import { errorText } from '../../components/error-text';
import { formatDateTime } from '../../components/format-date';
import { NoticeLine, type Notice } from '../../components/NoticeLine';
import { PersonPage } from '../persons/PersonPage';
import { DuplicateQueue } from './DuplicateQueue';
import { PairComparison } from './PairComparison';
import { useDuplicateQueue } from './use-duplicate-queue';

interface DuplicatesViewProps {
  session: SessionInfo;
  /** A case opened from a person: the main screen switches to the cases section. */
  onOpenCase: (caseId: string) => void;
}

/** The review queue: check for duplicates, compare a pair side by side, decide; a person opens in place. */
export function DuplicatesView({ session, onOpenCase }: DuplicatesViewProps) {
  const { t, i18n } = useTranslation();
  const canWrite = (writerRoles as readonly string[]).includes(session.user.role);
  const { likely, possible, error, loading, reload } = useDuplicateQueue();
  const status = likely;
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [openPersonId, setOpenPersonId] = useState<string | null>(null);
  const likelyRows = likely?.rows ?? [];
  const possibleRows = possible?.rows ?? [];
  const rows = [...likelyRows, ...possibleRows];
  const current = rows.find((r) => pairKey(r.a.id, r.b.id) === selected) ?? null;

  useEffect(() => {
    if (current === null && rows.length > 0) setSelected(pairKey(rows[0]!.a.id, rows[0]!.b.id));
  }, [current, rows]);

  async function act<T>(run: () => Promise<T>, done: (value: T) => Notice['text']) {
    setBusy(true);
    try {
      const value = await run();
      setNotice({ tone: 'success', text: done(value) });
      setSelected(null);
      reload();
    } catch (failure) {
      setNotice({ tone: 'error', text: (tt) => errorText(tt, failure) });
    } finally {
      setBusy(false);
    }
  }

  const scan = () =>
    act(
      () => call('duplicates.scan', {}),
      (summary) => (tt) => `${tt('duplicates.scanDone', { candidates: summary.candidates })} ${tt('duplicates.scanLikely', { count: summary.likely })}`,
    );

  if (openPersonId) {
    return <PersonPage key={openPersonId} personId={openPersonId} canWrite={canWrite} onBack={() => setOpenPersonId(null)} onOpenCase={onOpenCase} />;
  }

  const decide = (row: DuplicateCandidateRow, method: 'persons.merge' | 'persons.notSame' | 'duplicates.skip') => {
    const names = { a: row.a.displayName, b: row.b.displayName };
    const text: Notice['text'] =
      method === 'persons.merge' ? (tt) => tt('duplicates.merged', names) : method === 'persons.notSame' ? (tt) => tt('duplicates.rejected', names) : (tt) => tt('duplicates.skippedDone');
    return act(() => call(method, { a: row.a.id, b: row.b.id }), () => text);
  };

  return (
    <section className="duplicates-view" aria-labelledby="duplicates-heading">
      <div className="settings-header">
        <h2 id="duplicates-heading">{t('duplicates.heading')}</h2>
        {canWrite ? (
          <button type="button" className="button-primary" disabled={busy} onClick={scan}>
            {busy ? t('duplicates.scanning') : t('duplicates.scan')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('duplicates.intro')}</p>
      <p className="muted" role="status">
        {status?.scannedAt ? t('duplicates.scanned', { at: formatDateTime(status.scannedAt, i18n.language) }) : t('duplicates.neverScanned')}{' '}
        {status && status.changedSince > 0 ? t('duplicates.changedSince', { count: status.changedSince }) : null}
      </p>
      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
      {error ? <p className="form-message form-message-error">{errorText(t, error)}</p> : null}
      {!loading && rows.length === 0 ? <p className="empty-state">{t('duplicates.empty')}</p> : null}
      {rows.length > 0 ? (
        <div className="duplicates-layout">
          <div>
            {likelyRows.length > 0 ? (
              <>
                <h3>{t('duplicates.likelyHeading', { count: likely?.total ?? likelyRows.length })}</h3>
                <p className="muted">{t('duplicates.shown', { shown: likelyRows.length, total: likely?.total ?? likelyRows.length })}</p>
                <DuplicateQueue rows={likelyRows} selected={selected} onSelect={(row) => setSelected(pairKey(row.a.id, row.b.id))} label={t('duplicates.queue')} />
              </>
            ) : null}
            {possibleRows.length > 0 ? (
              <>
                <h3>{t('duplicates.possibleHeading', { count: possible?.total ?? possibleRows.length })}</h3>
                <p className="muted">{t('duplicates.possibleNote')}</p>
                <p className="muted">{t('duplicates.shown', { shown: possibleRows.length, total: possible?.total ?? possibleRows.length })}</p>
                <DuplicateQueue rows={possibleRows} selected={selected} onSelect={(row) => setSelected(pairKey(row.a.id, row.b.id))} label={t('duplicates.queuePossible')} />
              </>
            ) : null}
          </div>
          {current ? (
            <PairComparison
              row={current}
              canWrite={canWrite}
              busy={busy}
              onMerge={() => void decide(current, 'persons.merge')}
              onNotSame={() => void decide(current, 'persons.notSame')}
              onSkip={() => void decide(current, 'duplicates.skip')}
              onOpenPerson={setOpenPersonId}
            />
          ) : (
            <p className="muted">{t('duplicates.choose')}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
