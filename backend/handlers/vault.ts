import type { Handlers } from '../../shared/api';
import type { SessionInfo, VaultState } from '../../shared/domain/staff';
import { createVault, inspectDataDir, unlockVault, vaultIdOf } from '../../db/vault';
import { wipeVault } from '../../db/wipe';
import { createBackup } from '../../db/backup';
import type { BackendContext } from '../context';
import { AppError } from '../../shared/errors';
import { clearMustChange } from '../../db/repositories/staff';
import { requireStrongPassphrase } from '../passphrase-policy';
import { retryAt, UnlockAttempts } from '../unlock-attempts';

export function sessionInfo({ session }: BackendContext): SessionInfo {
  const vault = session.require();
  const { id, name, role, mustChangePassphrase } = vault.user;
  return { office: vault.officeName, user: { id, name, role }, autoLockMinutes: session.settings.autoLockMinutes, mustChangePassphrase };
}

export function vaultHandlers(context: BackendContext) {
  const { platform, session } = context;
  const options = () => ({ ...platform.vault, now: () => platform.now() });
  const attempts = new UnlockAttempts(platform.stateDir);

  return {
    'vault.state': (): VaultState => {
      if (session.vault) return { state: 'unlocked', ...sessionInfo(context) };
      return inspectDataDir(platform.dataDir) === 'empty' ? { state: 'none' } : { state: 'locked' };
    },
    'vault.create': async (input) => {
      await requireStrongPassphrase(input.passphrase, [input.office, input.user], 'passphrase');
      const epoch = session.epoch;
      const vault = await createVault(platform.dataDir, input, options());
      session.open(vault, epoch);
      context.write(() => undefined, { entity: 'office', ids: [vault.vaultId, vault.user.id], before: null, after: { office: input.office, admin: input.user } });
      return sessionInfo(context);
    },
    'vault.unlock': async ({ passphrase }) => {
      session.lock('user');
      const epoch = session.epoch;
      const vaultId = vaultIdOf(platform.dataDir);
      const before = attempts.begin(vaultId, platform.now());
      let vault;
      try {
        vault = await unlockVault(platform.dataDir, passphrase, options());
      } catch (error) {
        // Only a wrong passphrase counts; a damaged file says nothing about the passphrase.
        if (!(error instanceof AppError && error.code === 'WRONG_PASSPHRASE')) attempts.restore(vaultId, before);
        throw error;
      }
      attempts.succeeded(vaultId);
      session.open(vault, epoch);
      return sessionInfo(context);
    },
    'vault.attempts': () => {
      if (inspectDataDir(platform.dataDir) === 'empty') return { failures: 0, retryAt: null, waitSeconds: 0 };
      const record = attempts.get(vaultIdOf(platform.dataDir));
      const until = retryAt(record);
      const waitMs = until ? until.getTime() - platform.now().getTime() : 0;
      return { failures: record.failures, retryAt: until?.toISOString() ?? null, waitSeconds: Math.max(0, Math.ceil(waitMs / 1000)) };
    },
    'vault.lock': () => {
      session.lock('user');
      return { locked: true as const };
    },
    'vault.changePassphrase': async ({ current, next }) => {
      const vault = session.require();
      if (current === next) throw new AppError('VALIDATION', 'next: must differ from the current passphrase');
      await requireStrongPassphrase(next, [vault.officeName, vault.user.name], 'next');
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
      if (passphrase) await requireStrongPassphrase(passphrase, [vault.officeName, vault.user.name], 'passphrase');
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
    | 'vault.attempts'
    | 'vault.lock'
    | 'vault.wipe'
    | 'vault.backup'
    | 'vault.changePassphrase'
    | 'session.activity'
  >;
}
