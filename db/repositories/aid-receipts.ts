import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { ReceiptMeta } from '../../shared/domain/aid';
import { AppError } from '../../shared/errors';
import { aidReceipts, staff } from '../schema';
import { recordChanges, type Author, type Db } from './changes';
import { getDisbursementRow } from './aid-ledger';
import { intakeHash, verifiedFile } from './verified-file';

/**
 * A receipt belongs to a disbursement in its own append-only table, so it can arrive after payment without
 * touching the paid entry. Like case attachments it keeps the SHA-256 taken at intake.
 */
export function addReceipt(db: Db, input: { disbursementId: string; fileName: string; mediaType: string; data: Buffer }, author: Author): ReceiptMeta {
  const disbursement = getDisbursementRow(db, input.disbursementId);
  if (disbursement.status === 'rejected' || disbursement.status === 'cancelled') {
    throw new AppError('INVALID_TRANSITION', `A ${disbursement.status} disbursement takes no receipt.`);
  }
  const sha256 = intakeHash(input.data);
  const id = uuidv7();
  db.insert(aidReceipts)
    .values({ id, disbursementId: input.disbursementId, fileName: input.fileName, mediaType: input.mediaType, size: input.data.length, sha256, data: input.data, createdAt: author.at, createdBy: author.id })
    .run();
  recordChanges(db, 'disbursement', input.disbursementId, { receipt: null }, { receipt: { fileName: input.fileName, size: input.data.length, sha256 } }, author);
  return getReceipt(db, id).meta;
}

export function getReceipt(db: Db, id: string): { meta: ReceiptMeta; data: Buffer } {
  const found = db.select({ file: aidReceipts, author: staff.name }).from(aidReceipts).leftJoin(staff, eq(staff.id, aidReceipts.createdBy)).where(eq(aidReceipts.id, id)).get();
  return verifiedFile(found, 'receipt', id);
}
