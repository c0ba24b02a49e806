import { settings } from '../schema';
import { defaultSettings, settingsSchema, type Settings } from '../../shared/domain/settings';
import type { Orm } from '../vault';

export function readSettings(orm: Orm): Settings {
  const stored: Record<string, unknown> = {};
  for (const row of orm.select().from(settings).all()) stored[row.key] = JSON.parse(row.value);
  // A stored value that no longer validates falls back to its default rather than locking staff out.
  const merged = { ...defaultSettings };
  for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
    const candidate = settingsSchema.shape[key].safeParse(stored[key]);
    if (candidate.success) merged[key] = candidate.data;
  }
  return merged;
}

export function writeSettings(orm: Orm, patch: Partial<Settings>, now: string): Settings {
  orm.transaction((tx) => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      tx.insert(settings)
        .values({ key, value: JSON.stringify(value), updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(value), updatedAt: now } })
        .run();
    }
  });
  return readSettings(orm);
}
