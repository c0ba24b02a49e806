/** Operations on a data directory that need no unlocked vault (the CLI's `wipe`). */
export { wipeVault as wipeDataDir, type WipeReport } from '../db/wipe';
