import { useEffect, useRef } from 'react';

function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
}

/** The shortcut as people read it on this platform. */
export function quickLockKeys(): string {
  return isMac() ? '⌘⇧L' : 'Ctrl+Shift+L';
}

/** For `aria-keyshortcuts`. */
export function quickLockAriaKeys(): string {
  return isMac() ? 'Meta+Shift+L Control+Shift+L' : 'Control+Shift+L';
}

/**
 * Ctrl+Shift+L (and Cmd+Shift+L on a Mac). The letter is read from the layout when it is a Latin one, and
 * from the physical key otherwise, so the shortcut also works while typing in Russian or Belarusian.
 */
export function isQuickLock(event: KeyboardEvent): boolean {
  if (!event.shiftKey || event.altKey) return false;
  if (!(event.ctrlKey || (event.metaKey && isMac()))) return false;
  const key = event.key.toLowerCase();
  return /^[a-z]$/.test(key) ? key === 'l' : event.code === 'KeyL';
}

/**
 * Locks at once on the quick-lock shortcut, wherever focus is (fields, dialogs, menus): the listener runs
 * in the capture phase on the window, before anything on the page can stop the key. `onLock` null: off.
 */
export function useQuickLock(onLock: (() => void) | null): void {
  const ref = useRef(onLock);
  ref.current = onLock;
  const enabled = onLock !== null;

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isQuickLock(event)) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.repeat) return;
      ref.current?.();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [enabled]);
}
