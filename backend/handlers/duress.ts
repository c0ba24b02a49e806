import { eq } from 'drizzle-orm';
import type { Handlers } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { openSlot, readKeyFile } from '../../db/keyfile';
import { vaultPaths } from '../../db/paths';
import { settings } from '../../db/schema';
import { DURESS_DECOY_NAME_KEY, type OpenVault } from '../../db/vault';
import type { BackendContext } from '../context';
import { requireStrongPassphrase } from '../passphrase-policy';

/** Admins confirm their own passphrase before touching the duress passphrase: it can destroy the vault. */
async function confirmOwnPassphrase(vault: OpenVault, current: string): Promise<void> {
  const keyFile = readKeyFile(vaultPaths(vault.dir).keys);
  const own = keyFile.slots.find((slot) => slot.id === vault.slotId);
  const key = own ? await openSlot(keyFile.vaultId, own, current) : null;
  if (!key) throw new AppError('WRONG_PASSPHRASE', 'Your current passphrase is wrong.');
  key.fill(0);
}

export function duressHandlers(context: BackendContext) {
  const { session, platform } = context;
  return {
    'duress.get': () => {
      const vault = session.require();
      const found = vault.duress();
      const named = vault.orm.select().from(settings).where(eq(settings.key, DURESS_DECOY_NAME_KEY)).get();
      return { mode: found?.mode ?? null, decoyName: found && named ? (JSON.parse(named.value) as string) : null };
    },
    'duress.set': async ({ current, passphrase, mode, decoyName }) => {
      const vault = session.require();
      await confirmOwnPassphrase(vault, current);
      await requireStrongPassphrase(passphrase, [vault.officeName, vault.user.name, decoyName ?? ''], 'passphrase');
      await vault.setDuress(passphrase, mode);
      const name = decoyName ?? vault.user.name;
      const at = platform.now().toISOString();
      // The audit entry says that a duress passphrase was set and how it acts, never anything about it.
      context.write(
        (tx) => {
          const value = JSON.stringify(name);
          tx.insert(settings).values({ key: DURESS_DECOY_NAME_KEY, value, updatedAt: at }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } }).run();
        },
        { entity: 'settings', ids: [], before: null, after: { duress: mode } },
      );
      return { mode, decoyName: name };
    },
    'duress.clear': async ({ current }) => {
      const vault = session.require();
      await confirmOwnPassphrase(vault, current);
      const removed = vault.clearDuress();
      if (removed) {
        context.write((tx) => tx.delete(settings).where(eq(settings.key, DURESS_DECOY_NAME_KEY)).run(), { entity: 'settings', ids: [], before: { duress: true }, after: { duress: null } });
      }
      return { removed };
    },
  } satisfies Pick<Handlers, 'duress.get' | 'duress.set' | 'duress.clear'>;
}
