import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../shared/domain/staff';
import { quickLockAriaKeys, quickLockKeys } from '../features/vault/use-quick-lock';
import { LanguagePicker } from './LanguagePicker';

interface TopBarProps {
  session: SessionInfo;
  settingsOpen: boolean;
  onToggleSettings: () => void;
  onLock: () => void;
}

export function TopBar({ session, settingsOpen, onToggleSettings, onLock }: TopBarProps) {
  const { t } = useTranslation();
  const lockHintId = useId();
  const lockHint = t('quickLock.hint', { keys: quickLockKeys() });
  return (
    <header className="top-bar">
      <div className="top-bar-identity">
        <span className="brand">{t('app.name')}</span>
        <span className="office">{session.office}</span>
      </div>
      <div className="top-bar-actions">
        <span className="user">
          {t('topBar.user', { name: session.user.name, role: t(`roles.${session.user.role}`) })}
        </span>
        <LanguagePicker />
        <button type="button" aria-pressed={settingsOpen} onClick={onToggleSettings}>
          {t('topBar.settings')}
        </button>
        <button
          type="button"
          className="button-lock"
          onClick={onLock}
          title={lockHint}
          aria-describedby={lockHintId}
          aria-keyshortcuts={quickLockAriaKeys()}
        >
          {t('topBar.lock')}
        </button>
        <span id={lockHintId} className="sr-only">
          {lockHint}
        </span>
      </div>
    </header>
  );
}
