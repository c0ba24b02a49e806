import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/domain/staff';
import { ApprovalQueue } from './ApprovalQueue';
import { DisbursementDetail } from './DisbursementDetail';
import { LedgerScreen } from './LedgerScreen';
import { NewDisbursementForm } from './NewDisbursementForm';
import { ProgrammesView } from './ProgrammesView';
import { ReportsView } from './ReportsView';
import { useLedger } from './use-ledger';
import { useProgrammes } from './use-programmes';

const tabs = ['ledger', 'queue', 'programmes', 'reports'] as const;
type Tab = (typeof tabs)[number];

/** The Aid section: the ledger, the approval queue, programmes with their budgets, and reports. */
export function AidView({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('ledger');
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const ledger = useLedger();
  const programmes = useProgrammes();
  const role = session.user.role;
  const canApprove = role === 'admin' || role === 'coordinator';
  const canRequest = role !== 'viewer';
  const list = programmes.value ?? [];
  const refresh = () => {
    ledger.page.reload();
    programmes.reload();
  };

  function body() {
    if (openId) {
      return <DisbursementDetail key={openId} id={openId} session={session} onBack={() => setOpenId(null)} onOpen={setOpenId} onChanged={refresh} />;
    }
    if (creating) {
      return (
        <NewDisbursementForm
          session={session}
          programmes={list}
          onClose={() => setCreating(false)}
          onDone={(id) => {
            setCreating(false);
            refresh();
            setOpenId(id);
          }}
        />
      );
    }
    switch (tab) {
      case 'ledger':
        return <LedgerScreen state={ledger} programmes={list} canApprove={canApprove} onOpen={(id) => {
          ledger.setActiveId(id);
          setOpenId(id);
        }} />;
      case 'queue':
        return <ApprovalQueue session={session} onOpen={setOpenId} />;
      case 'programmes':
        return <ProgrammesView programmes={list} canEdit={canApprove} onChanged={programmes.reload} />;
      case 'reports':
        return <ReportsView programmes={list} canExport={canApprove} />;
    }
  }

  return (
    <div className="aid-view">
      <div className="aid-header">
        <h1>{t('aid.heading')}</h1>
        <nav className="aid-tabs" aria-label={t('aid.heading')}>
          {tabs.map((name) => (
            <button
              key={name}
              type="button"
              aria-current={tab === name && !openId && !creating ? 'page' : undefined}
              onClick={() => {
                setOpenId(null);
                setCreating(false);
                setTab(name);
              }}
            >
              {t(`aid.tabs.${name}`)}
            </button>
          ))}
        </nav>
        {canRequest && !creating ? (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('aid.newDisbursement')}
          </button>
        ) : null}
      </div>
      {body()}
    </div>
  );
}
