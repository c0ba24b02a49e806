import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** `caseboard-backup-20261124T090000Z.age`: sortable by name, and the only names rotation ever deletes. */
const BACKUP_NAME = /^caseboard-backup-\d{8}T\d{6}Z\.age$/;
/** What writeFileAtomic leaves behind when a write was cut short. */
const PARTIAL_NAME = /^\.caseboard-backup-\d{8}T\d{6}Z\.age\.partial-[0-9a-f]{12}$/;

export function scheduledBackupName(at: Date): string {
  return `caseboard-backup-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}.age`;
}

/** Keeps the newest `keep` backups Caseboard wrote in `folder`, and removes its own cut-short writes. */
export function rotate(folder: string, keep: number): string[] {
  const names = readdirSync(folder);
  const backups = names.filter((name) => BACKUP_NAME.test(name)).sort().reverse();
  const removed = [...backups.slice(keep), ...names.filter((name) => PARTIAL_NAME.test(name))];
  for (const name of removed) rmSync(join(folder, name), { force: true });
  return removed;
}
