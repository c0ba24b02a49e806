/**
 * The system-wide quick-lock shortcut: it locks even when Caseboard's window is not focused. Registered only
 * while the vault is unlocked, so Caseboard does not take Ctrl+Shift+L from other programs the rest of
 * the time. The same keys as the in-window shortcut (renderer/features/vault/use-quick-lock.ts).
 */
import type { GlobalShortcut } from 'electron';

export const QUICK_LOCK_ACCELERATOR = 'CommandOrControl+Shift+L';

export type ShortcutRegistry = Pick<GlobalShortcut, 'register' | 'unregister' | 'isRegistered'>;

export interface QuickLock {
  /** Whether the shortcut is held now; false also when another program owns it (the in-window one remains). */
  readonly active: boolean;
  arm(): void;
  disarm(): void;
}

export function quickLock(shortcuts: ShortcutRegistry, onLock: () => void): QuickLock {
  let active = false;
  return {
    get active() {
      return active;
    },
    arm() {
      if (active) return;
      active = shortcuts.register(QUICK_LOCK_ACCELERATOR, onLock);
    },
    disarm() {
      if (!active) return;
      shortcuts.unregister(QUICK_LOCK_ACCELERATOR);
      active = false;
    },
  };
}
