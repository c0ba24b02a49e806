import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../shared/domain/staff';
import { quickLockAriaKeys, quickLockKeys } from '../features/vault/use-quick-lock';
import type { NavSection } from '../sections';
import { LanguagePicker } from './LanguagePicker';

interface TopBarProps {
  session: SessionInfo;
  sections: readonly NavSection[];
  /** The section shown, or null while settings (or a page under them) is open. */
  current: NavSection | null;
  onSelect: (section: NavSection) => void;
  settingsOpen: boolean;
  onToggleSettings: () => void;
  onLock: () => void;
}

export function TopBar({ session, sections, current, onSelect, settingsOpen, onToggleSettings, onLock }: TopBarProps) {
  const { t } = useTranslation();
  const lockHintId = useId();
  const lockHint = t('quickLock.hint', { keys: quickLockKeys() });
  return (
    <header className="top-bar">
      <div className="top-bar-identity">
        <span className="brand">{t('app.name')}</span>
        <span className="office">{session.office}</span>
      </div>
      {sections.length > 1 && (
        <nav className="top-bar-nav" aria-label={t('topBar.sections')}>
          {sections.map((section) => (
            <button key={section} type="button" aria-current={section === current ? 'page' : undefined} onClick={() => onSelect(section)}>
              {t(`topBar.section.${section}`)}
            </button>
          ))}
        </nav>
      )}
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
