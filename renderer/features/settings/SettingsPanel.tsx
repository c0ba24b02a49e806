import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import type { SessionInfo } from '../../../shared/domain/staff';
import { StaffManagement } from '../staff/StaffManagement';
import { AuditLogCard } from './AuditLogCard';
import { AutoLockForm } from './AutoLockForm';
import { BackupForm } from './BackupForm';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { LanguageSettings } from './LanguageSettings';
import { WipeVault } from './WipeVault';
import { DuressForm } from './DuressForm';
import { ScheduledBackups } from './ScheduledBackups';

interface SettingsPanelProps {
  session: SessionInfo;
  onClose: () => void;
  onSettingsSaved: (settings: Settings) => void;
  onOpenAudit: () => void;
  /** After a wipe: the vault no longer exists. */
  onVaultGone: () => void;
}

export function SettingsPanel({ session, onClose, onSettingsSaved, onOpenAudit, onVaultGone }: SettingsPanelProps) {
  const { t } = useTranslation();
  const isAdmin = session.user.role === 'admin';
  const readsAudit = isAdmin || session.user.role === 'coordinator';
  return (
    <section className="settings-panel" aria-labelledby="settings-heading">
      <div className="settings-header">
        <h2 id="settings-heading">{t('settings.heading')}</h2>
        <button type="button" onClick={onClose}>
          {t('settings.back')}
        </button>
      </div>
      <div className="settings-grid">
        <div className="card">
          <AutoLockForm minutes={session.autoLockMinutes} canEdit={isAdmin} onSaved={onSettingsSaved} />
        </div>
        <div className="card">
          <ChangePassphraseForm session={session} />
        </div>
        <div className="card">
          <LanguageSettings />
        </div>
        {readsAudit ? (
          <div className="card">
            <AuditLogCard onOpen={onOpenAudit} />
          </div>
        ) : null}
        {isAdmin ? (
          <div className="card card-wide">
            <StaffManagement session={session} />
          </div>
        ) : null}
        {isAdmin ? (
          <div className="card card-wide">
            <BackupForm office={session.office} />
          </div>
        ) : null}
        {isAdmin ? (
          <div className="card card-wide">
            <ScheduledBackups />
          </div>
        ) : null}
        {isAdmin ? (
          <div className="card card-wide">
            <DuressForm session={session} />
          </div>
        ) : null}
        {isAdmin ? (
          <div className="card card-wide card-danger">
            <WipeVault onWiped={onVaultGone} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
