import { z } from 'zod';

export const DEFAULT_AUTO_LOCK_MINUTES = 10;

export const settingsSchema = z.strictObject({
  autoLockMinutes: z.number().int().min(1).max(240),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES };
