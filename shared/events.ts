export type LockReason = 'user' | 'idle' | 'system';

/** Events the backend pushes to the UI. */
export interface Events {
  'vault.locked': { reason: LockReason };
  'vault.unlocked': Record<string, never>;
}
export type EventName = keyof Events;
export const eventNames = ['vault.locked', 'vault.unlocked'] as const satisfies readonly EventName[];
