/**
 * The renderer's only way to reach the backend: a typed wrapper over `window.caseboard`,
 * which the Electron preload exposes. Nothing here stores or caches data.
 */
import type { CaseboardBridge, Events, Input, LockReason, Method, Output } from '../shared/api';
import { isErrorCode, type ErrorCode } from '../shared/errors';

declare global {
  interface Window {
    caseboard: CaseboardBridge;
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  /** The code exactly as the backend sent it; differs from `code` only if the backend sent one this build does not know. */
  readonly rawCode: string;

  constructor(code: ErrorCode, message: string, rawCode: string = code) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.rawCode = rawCode;
  }
}

/** `reason` is null when a call found the vault locked without the backend saying why. */
export type LockListener = (payload: { reason: LockReason | null }) => void;

/** Listeners told when a call finds the vault locked (e.g. the idle lock came between two calls). */
const localLockListeners = new Set<LockListener>();

function bridge(): CaseboardBridge {
  const value = (window as Partial<Window>).caseboard;
  if (!value) throw new ApiError('INTERNAL', 'The Caseboard bridge is not available.');
  return value;
}

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await bridge().invoke(method, input);
  if (result.ok) return result.value as Output<M>;
  const { code, message } = result.error;
  const error = new ApiError(isErrorCode(code) ? code : 'INTERNAL', String(message), String(code));
  if (error.code === 'LOCKED' && method !== 'vault.unlock' && method !== 'vault.create') {
    for (const listener of localLockListeners) listener({ reason: null });
  }
  throw error;
}

/**
 * Calls `listener` whenever the vault locks: the backend's `vault.locked` event (user, idle or system lock),
 * or a call answered with LOCKED. Returns an unsubscribe function.
 */
export function onLocked(listener: LockListener): () => void {
  localLockListeners.add(listener);
  let unsubscribe: () => void = () => undefined;
  try {
    unsubscribe = bridge().on('vault.locked', (payload: Events['vault.locked'] | undefined) => {
      const reason = payload?.reason;
      listener({ reason: reason === 'user' || reason === 'idle' || reason === 'system' ? reason : null });
    });
  } catch {
    // No bridge: only local LOCKED answers can report a lock.
  }
  return () => {
    localLockListeners.delete(listener);
    unsubscribe();
  };
}
