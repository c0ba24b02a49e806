import { useState } from 'react';
import { CaseForm } from './CaseForm';
import { TriageTable } from './TriageTable';

export function CasesView() {
  const [reloadToken, setReloadToken] = useState(0);
  return (
    <div className="cases-view">
      <section className="intake-panel">
        <CaseForm onCreated={() => setReloadToken((token) => token + 1)} />
      </section>
      <section className="triage-panel">
        <TriageTable reloadToken={reloadToken} />
      </section>
    </div>
  );
}
