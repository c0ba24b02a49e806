import { useState } from 'react';
import { CaseForm } from './CaseForm';
import { TriageTable } from './TriageTable';

/** Viewers see the table only: the backend refuses their writes, so the form is not offered. */
export function CasesView({ canWrite }: { canWrite: boolean }) {
  const [reloadToken, setReloadToken] = useState(0);
  return (
    <div className="cases-view">
      {canWrite ? (
        <section className="intake-panel">
          <CaseForm onCreated={() => setReloadToken((token) => token + 1)} />
        </section>
      ) : null}
      <section className="triage-panel">
        <TriageTable reloadToken={reloadToken} />
      </section>
    </div>
  );
}
