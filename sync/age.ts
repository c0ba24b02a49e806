/** The age layer: a bundle is a standard age file for the recipient's X25519 key (`age -d -i KEY` opens it). */
import { Decrypter, Encrypter } from 'age-encryption';
import { AppError } from '../shared/errors';

const AGE_MAGIC = Buffer.from('age-encryption.org/v1\n');

export async function encryptTo(recipient: string, plain: Uint8Array): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  return encrypter.encrypt(plain);
}

export async function decryptWith(identity: string, file: Uint8Array): Promise<Buffer> {
  if (!Buffer.from(file.subarray(0, AGE_MAGIC.length)).equals(AGE_MAGIC)) {
    throw new AppError('BUNDLE_FORMAT', 'This file is not a Caseboard bundle (not an age-encrypted file).');
  }
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  try {
    return Buffer.from(await decrypter.decrypt(file, 'uint8array'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/no identity matched/i.test(message)) {
      throw new AppError('BUNDLE_RECIPIENT', 'This bundle is not encrypted to this office: it was made for another office (or its header is damaged).');
    }
    throw new AppError('BUNDLE_DAMAGED', 'The bundle is damaged or was altered: it does not decrypt.');
  }
}
