/** IPC channel names, shared by main and preload. */
export const INVOKE_CHANNEL = 'caseboard:invoke';
export const EVENT_CHANNEL = 'caseboard:event';
