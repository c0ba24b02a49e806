import { useState } from 'react';
import type { Settings } from '../shared/domain/settings';
import type { SessionInfo } from '../shared/domain/staff';
import { TopBar } from './components/TopBar';
import { CasesView } from './features/cases/CasesView';
import { useTriageState } from './features/cases/use-triage-state';
import { SettingsPanel } from './features/settings/SettingsPanel';
import { useActivityReporter } from './features/vault/use-activity-reporter';

interface MainScreenProps {
  session: SessionInfo;
  onLock: () => void;
  onSettingsSaved: (settings: Settings) => void;
}

/** Everything behind the lock. Unmounting it (on any lock) drops every case record it held. */
export function MainScreen({ session, onLock, onSettingsSaved }: MainScreenProps) {
  const [view, setView] = useState<'cases' | 'settings'>('cases');
  const triage = useTriageState();
  const [openCaseId, setOpenCaseId] = useState<string | null>(null);
  /** A person opened from the open case; closing it returns to that case. */
  const [openPersonId, setOpenPersonId] = useState<string | null>(null);
  useActivityReporter();

  return (
    <div className="app-shell">
      <TopBar
        session={session}
        settingsOpen={view === 'settings'}
        onToggleSettings={() => setView((current) => (current === 'settings' ? 'cases' : 'settings'))}
        onLock={onLock}
      />
      <main className="app-main">
        {view === 'settings' ? (
          <SettingsPanel session={session} onClose={() => setView('cases')} onSettingsSaved={onSettingsSaved} />
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
