import type { SessionInfo } from '../../../shared/domain/staff';
import { writerRoles } from '../../../shared/domain/staff';
import { useStaffList } from '../staff/use-staff-list';
import { CaseDetailPage } from './detail/CaseDetailPage';
import { TriageScreen } from './TriageScreen';
import type { TriageState } from './use-triage-state';

interface CasesViewProps {
  session: SessionInfo;
  /** Held by the main screen, so filters survive opening a case or the settings. */
  triage: TriageState;
  openCaseId: string | null;
  onOpenCase: (id: string | null) => void;
}

/** The triage list, or one case. Viewers get both read-only (the backend refuses their writes anyway). */
export function CasesView({ session, triage, openCaseId, onOpenCase }: CasesViewProps) {
  const { staff } = useStaffList();
  const canWrite = (writerRoles as readonly string[]).includes(session.user.role);

  if (openCaseId) {
    return <CaseDetailPage caseId={openCaseId} canWrite={canWrite} staff={staff} onBack={() => onOpenCase(null)} />;
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
