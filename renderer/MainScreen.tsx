import { useState } from 'react';
import type { Settings } from '../shared/domain/settings';
import type { SessionInfo } from '../shared/domain/staff';
import { TopBar } from './components/TopBar';
import { AuditView } from './features/audit/AuditView';
import { CasesView } from './features/cases/CasesView';
import { useTriageState } from './features/cases/use-triage-state';
import { SettingsPanel } from './features/settings/SettingsPanel';
import { useActivityReporter } from './features/vault/use-activity-reporter';

interface MainScreenProps {
  session: SessionInfo;
  onLock: () => void;
  onSettingsSaved: (settings: Settings) => void;
  /** The vault was wiped: the app starts over from the backend's state. */
  onVaultGone: () => void;
}

/** Everything behind the lock. Unmounting it (on any lock) drops every case record it held. */
export function MainScreen({ session, onLock, onSettingsSaved, onVaultGone }: MainScreenProps) {
  const [view, setView] = useState<'cases' | 'settings' | 'audit'>('cases');
  const triage = useTriageState();
  const [openCaseId, setOpenCaseId] = useState<string | null>(null);
  /** A person opened from the open case; closing it returns to that case. */
  const [openPersonId, setOpenPersonId] = useState<string | null>(null);
  useActivityReporter();

  return (
    <div className="app-shell">
      <TopBar
        session={session}
        settingsOpen={view !== 'cases'}
        onToggleSettings={() => setView((current) => (current === 'cases' ? 'settings' : 'cases'))}
        onLock={onLock}
      />
      <main className="app-main">
        {view === 'audit' ? (
          <AuditView onClose={() => setView('settings')} />
        ) : view === 'settings' ? (
          <SettingsPanel
            session={session}
            onClose={() => setView('cases')}
            onSettingsSaved={onSettingsSaved}
            onOpenAudit={() => setView('audit')}
            onVaultGone={onVaultGone}
          />
        ) : (
          <CasesView
            session={session}
            triage={triage}
            openCaseId={openCaseId}
            onOpenCase={setOpenCaseId}
            openPersonId={openPersonId}
            onOpenPerson={setOpenPersonId}
          />
        )}
      </main>
    </div>
  );
}
