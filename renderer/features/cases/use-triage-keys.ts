import { useEffect, useRef } from 'react';

export type BulkKind = 'assign' | 'priority' | 'status';

export interface TriageKeyHandlers {
  move: (delta: number) => void;
  toggle: () => void;
  open: () => void;
  bulk: (kind: BulkKind) => void;
  focusSearch: () => void;
  escape: () => void;
}

const bulkKeys: Record<string, BulkKind> = { a: 'assign', p: 'priority', s: 'status' };

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(target.type);
}

/** Buttons, checkboxes and links answer Space and Enter themselves. */
function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], input, select, textarea, summary, [role="menuitem"]') !== null;
}

/**
 * Single-key triage (j/k, x or Space, Enter, a/p/s, /, Escape) while focus is not in a text field and no
 * dialog is open. Handlers may change every render; the listener is attached once.
 */
export function useTriageKeys(handlers: TriageKeyHandlers, enabled: boolean): void {
  const ref = useRef(handlers);
  ref.current = handlers;

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextEntry(event.target) || document.querySelector('dialog[open]')) return;
      const h = ref.current;
      const key = event.key;
      let handled = true;
      const control = isControl(event.target);
      if (key === 'j' || (key === 'ArrowDown' && !control)) h.move(1);
      else if (key === 'k' || (key === 'ArrowUp' && !control)) h.move(-1);
      else if (key === 'x') h.toggle();
      else if (key === ' ' && !control) h.toggle();
      else if (key === 'Enter' && !control) h.open();
      else if (key in bulkKeys && !event.shiftKey) h.bulk(bulkKeys[key]!);
      else if (key === '/') h.focusSearch();
      else if (key === 'Escape') h.escape();
      else handled = false;
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
