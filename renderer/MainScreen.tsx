import { useState } from 'react';
import type { Settings } from '../shared/domain/settings';
import type { SessionInfo } from '../shared/domain/staff';
import { TopBar } from './components/TopBar';
import { AidView } from './features/aid/AidView';
import { AuditView } from './features/audit/AuditView';
import { CasesView } from './features/cases/CasesView';
import { DuplicatesView } from './features/duplicates/DuplicatesView';
import { PartnersView } from './features/partners/PartnersView';
import { useTriageState } from './features/cases/use-triage-state';
import { SettingsPanel } from './features/settings/SettingsPanel';
import { useActivityReporter } from './features/vault/use-activity-reporter';
import { navSections, type NavSection, type View } from './sections';

interface MainScreenProps {
  session: SessionInfo;
  onLock: () => void;
  onSettingsSaved: (settings: Settings) => void;
  /** The vault was wiped: the app starts over from the backend's state. */
  onVaultGone: () => void;
}

const isSection = (view: View): view is NavSection => (navSections as readonly string[]).includes(view);

/** Everything behind the lock. Unmounting it (on any lock) drops every case record it held. */
export function MainScreen({ session, onLock, onSettingsSaved, onVaultGone }: MainScreenProps) {
  const [view, setView] = useState<View>('cases');
  /** The section to return to when settings close. */
  const [lastSection, setLastSection] = useState<NavSection>('cases');
  const triage = useTriageState();
  const [openCaseId, setOpenCaseId] = useState<string | null>(null);
  /** A person opened from the open case; closing it returns to that case. */
  const [openPersonId, setOpenPersonId] = useState<string | null>(null);
  useActivityReporter();

  const show = (next: View) => {
    if (isSection(next)) setLastSection(next);
    setView(next);
  };

  function content() {
    switch (view) {
      case 'audit':
        return <AuditView onClose={() => show('settings')} />;
      case 'settings':
        return (
          <SettingsPanel
            session={session}
            onClose={() => show(lastSection)}
            onSettingsSaved={onSettingsSaved}
            onOpenAudit={() => show('audit')}
            onVaultGone={onVaultGone}
          />
        );
      case 'partners':
        return (
          <PartnersView
            session={session}
            onOpenCase={(id) => {
              setOpenCaseId(id);
              show('cases');
            }}
          />
        );
      case 'cases':
        return (
          <CasesView
            session={session}
            triage={triage}
            openCaseId={openCaseId}
            onOpenCase={setOpenCaseId}
            openPersonId={openPersonId}
            onOpenPerson={setOpenPersonId}
          />
        );
      case 'duplicates':
        return (
          <DuplicatesView
            session={session}
            onOpenCase={(id) => {
              setOpenPersonId(null);
              setOpenCaseId(id);
              show('cases');
            }}
          />
        );
      case 'aid':
        return <AidView session={session} />;
    }
  }

  return (
    <div className="app-shell">
      <TopBar
        session={session}
        sections={navSections}
        current={isSection(view) ? view : null}
        onSelect={show}
        settingsOpen={!isSection(view)}
        onToggleSettings={() => show(isSection(view) ? 'settings' : lastSection)}
        onLock={onLock}
      />
      <main className="app-main">{content()}</main>
    </div>
  );
}
