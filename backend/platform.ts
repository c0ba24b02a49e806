import type { VaultOptions } from '../db/vault';

/**
 * What differs between the Electron app, the CLI and the browser test harness. Everything else
 * is shared, so the three front ends can never drift apart.
 */
export interface Platform {
  /** The directory holding the vault (database and key file). */
  dataDir: string;
  now(): Date;
  vault?: Omit<VaultOptions, 'now'>;
}

export function systemPlatform(dataDir: string, vault?: Platform['vault']): Platform {
  return { dataDir, now: () => new Date(), vault };
}
