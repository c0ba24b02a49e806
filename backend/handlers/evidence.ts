import { Encrypter } from 'age-encryption';
import type { Handlers } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { buildEvidencePackage } from '../evidence/package';
import type { BackendContext } from '../context';
import { requireStrongPassphrase } from '../passphrase-policy';

export function evidenceHandlers(context: BackendContext) {
  const { platform, session } = context;
  return {
    /** A zip anyone can check with sha256sum; NOT encrypted unless a passphrase or age recipients are given. */
    'cases.exportEvidence': async ({ id, passphrase, recipients }) => {
      if (!platform.saveFile) throw new AppError('FORBIDDEN', 'This front end cannot write files.');
      const vault = session.require();
      if (passphrase) await requireStrongPassphrase(passphrase, [vault.officeName, vault.user.name], 'passphrase');
      const now = platform.now();
      const built = buildEvidencePackage(vault.orm, {
        caseId: id,
        vaultId: vault.vaultId,
        office: vault.officeName,
        exportedBy: { id: vault.user.id, name: vault.user.name },
        now,
      });
      const encrypted = Boolean(passphrase) || (recipients?.length ?? 0) > 0;
      let bytes = built.zip;
      if (encrypted) {
        const encrypter = new Encrypter();
        try {
          if (passphrase) encrypter.setPassphrase(passphrase);
          for (const recipient of recipients ?? []) encrypter.addRecipient(recipient);
        } catch (error) {
          throw new AppError('VALIDATION', `recipients: ${(error as Error).message}`);
        }
        bytes = await encrypter.encrypt(built.zip);
      }
      const path = await platform.saveFile(`${built.folder}.zip${encrypted ? '.age' : ''}`, bytes);
      if (path) context.write(() => undefined, { entity: 'export', ids: [id], before: null, after: { evidencePackage: built.files.length, encrypted } });
      return { path, encrypted, files: built.files.length };
    },
  } satisfies Pick<Handlers, 'cases.exportEvidence'>;
}
