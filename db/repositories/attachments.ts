import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { AttachmentMeta } from '../../shared/domain/cases';
import { AppError } from '../../shared/errors';
import { attachments, cases, staff } from '../schema';
import { recordChanges, type Author, type Db } from './changes';
import { intakeHash, verifiedFile } from './verified-file';

/** Stores the file inside the vault with the SHA-256 and size taken now, at intake; they are never updated. */
export function addAttachment(db: Db, input: { caseId: string; fileName: string; mediaType: string; data: Buffer }, author: Author): AttachmentMeta {
  if (!db.select({ id: cases.id }).from(cases).where(eq(cases.id, input.caseId)).get()) {
    throw new AppError('NOT_FOUND', `No case with id ${input.caseId}.`);
  }
  const sha256 = intakeHash(input.data);
  const id = uuidv7();
  db.insert(attachments)
    .values({ id, caseId: input.caseId, fileName: input.fileName, mediaType: input.mediaType, size: input.data.length, sha256, data: input.data, createdAt: author.at, createdBy: author.id })
    .run();
  recordChanges(db, 'case', input.caseId, { attachment: null }, { attachment: { fileName: input.fileName, size: input.data.length, sha256 } }, author);
  return getAttachment(db, id).meta;
}

export function getAttachment(db: Db, id: string): { meta: AttachmentMeta; data: Buffer } {
  const found = db
    .select({ file: attachments, author: staff.name })
    .from(attachments)
    .leftJoin(staff, eq(staff.id, attachments.createdBy))
    .where(eq(attachments.id, id))
    .get();
  return verifiedFile(found, 'attachment', id);
}
