export type LockReason = 'user' | 'idle' | 'system';

/** Events the backend pushes to the UI. */
export interface Events {
  'vault.locked': { reason: LockReason };
}
export type EventName = keyof Events;
export const eventNames = ['vault.locked'] as const satisfies readonly EventName[];
