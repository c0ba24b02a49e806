import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockReason } from '../shared/api';
import type { Settings } from '../shared/domain/settings';
import type { SessionInfo } from '../shared/domain/staff';
import { call, onLocked } from './api';
import { MainScreen } from './MainScreen';
import { FormMessage } from './components/FormMessage';
import { errorText } from './components/error-text';
import { ChoosePassphraseScreen } from './features/vault/ChoosePassphraseScreen';
import { CreateVaultScreen } from './features/vault/CreateVaultScreen';
import { UnlockScreen } from './features/vault/UnlockScreen';
import { useQuickLock } from './features/vault/use-quick-lock';

type Screen =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'none' }
  | { kind: 'locking' }
  | { kind: 'locked'; reason: LockReason | null }
  | { kind: 'unlocked'; session: SessionInfo };

export function App() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  /** Bumped by every lock, so an answer that was under way when the lock came cannot reopen the main screen. */
  const lockEpoch = useRef(0);

  const showLocked = useCallback((reason: LockReason | null) => {
    lockEpoch.current += 1;
    setScreen((current) => {
      if (current.kind === 'none') return current;
      if (current.kind === 'locked') return reason ? { kind: 'locked', reason } : current;
      return { kind: 'locked', reason };
    });
  }, []);

  const load = useCallback(async () => {
    const epoch = lockEpoch.current;
    setScreen({ kind: 'loading' });
    try {
      const state = await call('vault.state', {});
      // No vault (e.g. just wiped): nothing to protect, so a lock that came meanwhile does not hold it back.
      if (state.state === 'none') {
        setScreen({ kind: 'none' });
        return;
      }
      if (epoch !== lockEpoch.current) return;
      if (state.state === 'unlocked') {
        const { office, user, autoLockMinutes, mustChangePassphrase } = state;
        setScreen({ kind: 'unlocked', session: { office, user, autoLockMinutes, mustChangePassphrase: mustChangePassphrase === true } });
      } else if (state.state === 'locked') {
        setScreen({ kind: 'locked', reason: null });
      } else {
        setScreen({ kind: 'none' });
      }
    } catch (error) {
      if (epoch === lockEpoch.current) setScreen({ kind: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Idle, system or user lock: drop the main screen (and every record in it) and ask for the passphrase.
  useEffect(() => onLocked(({ reason }) => showLocked(reason)), [showLocked]);

  const opened = useCallback((session: SessionInfo) => {
    setScreen({ kind: 'unlocked', session });
  }, []);

  const lock = useCallback(() => {
    lockEpoch.current += 1;
    setScreen({ kind: 'locking' });
    call('vault.lock', {})
      .catch(() => undefined)
      .finally(() => showLocked(null));
  }, [showLocked]);

  // After a wipe the vault is gone: ask the backend what is there now (the create-vault screen).
  const vaultGone = useCallback(() => {
    lockEpoch.current += 1;
    void load();
  }, [load]);

  useQuickLock(screen.kind === 'unlocked' ? lock : null);

  const passphraseChosen = useCallback(() => {
    setScreen((current) =>
      current.kind === 'unlocked' ? { kind: 'unlocked', session: { ...current.session, mustChangePassphrase: false } } : current,
    );
  }, []);

  const settingsSaved = useCallback((settings: Settings) => {
    setScreen((current) =>
      current.kind === 'unlocked'
        ? { kind: 'unlocked', session: { ...current.session, autoLockMinutes: settings.autoLockMinutes } }
        : current,
    );
  }, []);

  switch (screen.kind) {
    case 'loading':
    case 'locking':
      return (
        <div className="splash" role="status">
          {t('app.loading')}
        </div>
      );
    case 'failed':
      return (
        <div className="splash">
          <h1>{t('app.startFailed')}</h1>
          <FormMessage error={errorText(t, screen.error)} />
          <button type="button" onClick={() => void load()}>
            {t('app.retry')}
          </button>
        </div>
      );
    case 'none':
      return <CreateVaultScreen onCreated={opened} />;
    case 'locked':
      return <UnlockScreen reason={screen.reason} onUnlocked={opened} />;
    case 'unlocked':
      if (screen.session.mustChangePassphrase) return <ChoosePassphraseScreen session={screen.session} onChosen={passphraseChosen} onLock={lock} />;
      return <MainScreen session={screen.session} onLock={lock} onSettingsSaved={settingsSaved} onVaultGone={vaultGone} />;
  }
}
