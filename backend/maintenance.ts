/** Operations on a data directory that need no unlocked vault: the CLI's `wipe` and `restore`. */
export { wipeVault as wipeDataDir, type WipeReport } from '../db/wipe';
export { restoreBackup as restoreDataDir } from '../db/backup';
