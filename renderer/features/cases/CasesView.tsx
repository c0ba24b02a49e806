import type { SessionInfo } from '../../../shared/domain/staff';
import { writerRoles } from '../../../shared/domain/staff';
import { useStaffList } from '../staff/use-staff-list';
import { PersonPage } from '../persons/PersonPage';
import { CaseDetailPage } from './detail/CaseDetailPage';
import { TriageScreen } from './TriageScreen';
import type { TriageState } from './use-triage-state';

interface CasesViewProps {
  session: SessionInfo;
  /** Held by the main screen, so filters survive opening a case or the settings. */
  triage: TriageState;
  openCaseId: string | null;
  onOpenCase: (id: string | null) => void;
  /** A person opened from the open case. */
  openPersonId: string | null;
  onOpenPerson: (id: string | null) => void;
}

/**
 * The triage list, one case, or one person opened from a case (Back returns to that case). Viewers get
 * all of them read-only (the backend refuses their writes anyway).
 */
export function CasesView({ session, triage, openCaseId, onOpenCase, openPersonId, onOpenPerson }: CasesViewProps) {
  const { staff } = useStaffList();
  const canWrite = (writerRoles as readonly string[]).includes(session.user.role);

  const openCase = (id: string) => {
    onOpenPerson(null);
    onOpenCase(id);
  };

  if (openPersonId) {
    return <PersonPage key={openPersonId} personId={openPersonId} canWrite={canWrite} onBack={() => onOpenPerson(null)} onOpenCase={openCase} />;
  }
  if (openCaseId) {
    return (
      <CaseDetailPage
        key={openCaseId}
        caseId={openCaseId}
        canWrite={canWrite}
        staff={staff}
        onBack={() => onOpenCase(null)}
        onOpenPerson={onOpenPerson}
      />
    );
  }
  return (
    <TriageScreen
      state={triage}
      canWrite={canWrite}
      staff={staff}
      onOpen={(id) => {
        triage.setActiveId(id);
        onOpenCase(id);
      }}
    />
  );
}
