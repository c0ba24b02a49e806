import { createHash } from 'node:crypto';
import type { AttachmentMeta } from '../../shared/domain/cases';
import { AppError } from '../../shared/errors';

/** The columns every table of stored files has (case attachments, aid receipts). */
interface StoredFileRow {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  data: Buffer;
  createdAt: string;
  createdBy: string | null;
}

/** What a stored file is called in errors: `attachment` gives "No attachment with id …" and "Attachment … no longer matches …". */
export type StoredFileKind = 'attachment' | 'receipt';

export const intakeHash = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * A stored file as read back from its table (joined with its author's name), refused unless its bytes still
 * hash to what was taken at intake: bytes that changed inside the vault are damage, not evidence.
 */
export function verifiedFile(
  found: { file: StoredFileRow; author: string | null } | undefined,
  kind: StoredFileKind,
  id: string,
): { meta: AttachmentMeta; data: Buffer } {
  if (!found) throw new AppError('NOT_FOUND', `No ${kind} with id ${id}.`);
  const { file, author } = found;
  if (intakeHash(file.data) !== file.sha256) {
    const title = `${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
    throw new AppError('VAULT_DAMAGED', `${title} ${file.fileName} no longer matches its intake hash.`);
  }
  return {
    meta: {
      id: file.id,
      fileName: file.fileName,
      mediaType: file.mediaType,
      size: file.size,
      sha256: file.sha256,
      createdAt: file.createdAt,
      createdBy: file.createdBy ? { id: file.createdBy, name: author ?? '' } : null,
    },
    data: file.data,
  };
}
