import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import type { SessionInfo } from '../../../shared/domain/staff';
import { StaffManagement } from '../staff/StaffManagement';
import { AutoLockForm } from './AutoLockForm';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { LanguageSettings } from './LanguageSettings';

interface SettingsPanelProps {
  session: SessionInfo;
  onClose: () => void;
  onSettingsSaved: (settings: Settings) => void;
}

export function SettingsPanel({ session, onClose, onSettingsSaved }: SettingsPanelProps) {
  const { t } = useTranslation();
  const isAdmin = session.user.role === 'admin';
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
          <ChangePassphraseForm />
        </div>
        <div className="card">
          <LanguageSettings />
        </div>
        {isAdmin ? (
          <div className="card card-wide">
            <StaffManagement session={session} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
