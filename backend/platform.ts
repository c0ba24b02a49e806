import type { VaultOptions } from '../db/vault';
import type { SystemClipboard } from './clipboard-guard';

/**
 * What differs between the Electron app, the CLI and the browser test harness. Everything else
 * is shared, so the three front ends can never drift apart.
 */
export interface Platform {
  /** The directory holding the vault (database and key file). */
  dataDir: string;
  /**
   * This computer's own state, outside any vault directory (unlock attempts): never inside `dataDir`,
   * so a wrong passphrase changes nothing beside the vault.
   */
  stateDir: string;
  now(): Date;
  vault?: Omit<VaultOptions, 'now'>;
  /**
   * Asks where to save an export and writes it there; resolves to the path, or null when the person
   * cancelled. Absent where no file may be written (the export is then refused).
   */
  saveFile?(suggestedName: string, data: Uint8Array): Promise<string | null>;
  /**
   * Asks for a folder (for scheduled backups, e.g. on an encrypted USB drive); resolves to its path, or null
   * when the person cancelled. The CLI answers with its --folder flag.
   */
  chooseFolder?(title: string): Promise<string | null>;
  /** The system clipboard, for copying a sensitive field; absent where there is none (the CLI). */
  clipboard?: SystemClipboard;
}

export function systemPlatform(dataDir: string, stateDir: string, vault?: Platform['vault']): Platform {
  return { dataDir, stateDir, now: () => new Date(), vault };
}
