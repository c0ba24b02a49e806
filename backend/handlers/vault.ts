import type { Handlers } from '../../shared/api';
import type { SessionInfo, VaultState } from '../../shared/domain/staff';
import { createVault, inspectDataDir, unlockVault } from '../../db/vault';
import { wipeVault } from '../../db/wipe';
import { createBackup } from '../../db/backup';
import type { BackendContext } from '../context';
import { AppError } from '../../shared/errors';
import { clearMustChange } from '../../db/repositories/staff';

export function sessionInfo({ session }: BackendContext): SessionInfo {
  const vault = session.require();
  const { id, name, role, mustChangePassphrase } = vault.user;
  return { office: vault.officeName, user: { id, name, role }, autoLockMinutes: session.settings.autoLockMinutes, mustChangePassphrase };
}

export function vaultHandlers(context: BackendContext) {
  const { platform, session } = context;
  const options = () => ({ ...platform.vault, now: () => platform.now() });

  return {
    'vault.state': (): VaultState => {
      if (session.vault) return { state: 'unlocked', ...sessionInfo(context) };
      return inspectDataDir(platform.dataDir) === 'empty' ? { state: 'none' } : { state: 'locked' };
    },
    'vault.create': async (input) => {
      const epoch = session.epoch;
      const vault = await createVault(platform.dataDir, input, options());
      session.open(vault, epoch);
      context.write(() => undefined, { entity: 'office', ids: [vault.vaultId, vault.user.id], before: null, after: { office: input.office, admin: input.user } });
      return sessionInfo(context);
    },
    'vault.unlock': async ({ passphrase }) => {
      session.lock('user');
      const epoch = session.epoch;
      const vault = await unlockVault(platform.dataDir, passphrase, options());
      session.open(vault, epoch);
      return sessionInfo(context);
    },
    'vault.lock': () => {
      session.lock('user');
      return { locked: true as const };
    },
    'vault.changePassphrase': async ({ current, next }) => {
      const vault = session.require();
      if (current === next) throw new AppError('VALIDATION', 'next: must differ from the current passphrase');
      await vault.changePassphrase(current, next);
      // The audit entry says the passphrase changed, never anything about it.
      context.write((tx) => clearMustChange(tx, vault.user.id), { entity: 'staff', ids: [vault.user.id], before: null, after: 'passphrase changed' });
      vault.user.mustChangePassphrase = false;
      return { changed: true as const };
    },
    'vault.wipe': () => {
      session.lock('system');
      return wipeVault(platform.dataDir);
    },
    'vault.backup': async ({ passphrase, recipients }) => {
      if (!platform.saveFile) throw new AppError('FORBIDDEN', 'This front end cannot write files.');
      const vault = session.require();
      const now = platform.now();
      const bytes = await createBackup(vault, { passphrase, recipients }, now);
      const path = await platform.saveFile(`caseboard-backup-${now.toISOString().slice(0, 10)}.age`, bytes);
      if (path) context.write(() => undefined, { entity: 'backup', ids: [vault.vaultId], before: null, after: { recipients: recipients?.length ?? 0, passphrase: Boolean(passphrase) } });
      return { path };
    },
    'session.activity': () => ({ autoLockAt: session.autoLockAt().toISOString() }),
  } satisfies Pick<
    Handlers,
    | 'vault.state'
    | 'vault.create'
    | 'vault.unlock'
    | 'vault.lock'
    | 'vault.wipe'
    | 'vault.backup'
    | 'vault.changePassphrase'
    | 'session.activity'
  >;
}
