import { randomBytes } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { aidSettingsSchema, defaultAidSettings, type AidSettings } from '../../shared/domain/aid';
import { aidSecrets, settings } from '../schema';
import type { Db } from './changes';

const PREFIX = 'aid.';

/** Aid settings live in the settings table under `aid.*`; a stored value that no longer validates falls back. */
export function readAidSettings(db: Db): AidSettings {
  const merged: AidSettings = { ...defaultAidSettings };
  for (const row of db.select().from(settings).where(like(settings.key, `${PREFIX}%`)).all()) {
    const key = row.key.slice(PREFIX.length) as keyof AidSettings;
    if (!(key in aidSettingsSchema.shape)) continue;
    const parsed = aidSettingsSchema.shape[key].safeParse(JSON.parse(row.value));
    if (parsed.success) (merged as Record<string, unknown>)[key] = parsed.data;
  }
  return merged;
}

export function writeAidSettings(db: Db, patch: Partial<AidSettings>, now: string): AidSettings {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const stored = JSON.stringify(value);
    db.insert(settings)
      .values({ key: `${PREFIX}${key}`, value: stored, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: stored, updatedAt: now } })
      .run();
  }
  return readAidSettings(db);
}

/** The office's key for recipient pseudonyms, made on first use; it never leaves the vault. */
export function pseudonymKey(db: Db): Buffer {
  const found = db.select().from(aidSecrets).where(eq(aidSecrets.name, 'pseudonym-key')).get();
  if (found) return found.value;
  const value = randomBytes(32);
  db.insert(aidSecrets).values({ name: 'pseudonym-key', value }).run();
  return value;
}
