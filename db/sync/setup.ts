/** Getting a vault ready for sync when it opens: triggers, identity, and a first capture of old records. */
import type { Sqlite } from '../connection';
import { captureChanges, installCapture, touchAll } from './capture';
import { registry } from './entities';
import { ensureSyncIdentity } from './identity';

const baselineKey = (entity: string) => `sync.baseline.${entity}`;

export { installCapture };

/**
 * Gives the vault its identity if it has none, and records operations for the records of every entity
 * never captured before — all of them in a vault from before sync, or a table declared since. Records
 * written from here on are captured as they are written.
 */
export async function prepareSync(sqlite: Sqlite, office: string, now: Date): Promise<void> {
  await ensureSyncIdentity(sqlite, office, now);
  const done = new Set(
    (sqlite.prepare("SELECT key FROM settings WHERE key LIKE 'sync.baseline.%'").all() as { key: string }[]).map((r) => r.key),
  );
  const pending = registry.entities.filter((e) => !done.has(baselineKey(e.name)));
  if (pending.length === 0) {
    sqlite.transaction(() => captureChanges(sqlite, now))();
    return;
  }
  sqlite.transaction(() => {
    for (const entity of pending) touchAll(sqlite, entity);
    captureChanges(sqlite, now);
    const mark = sqlite.prepare('INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
    for (const entity of pending) mark.run(baselineKey(entity.name), 'true', now.toISOString());
  })();
}
