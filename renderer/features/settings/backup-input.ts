import type { TFunction } from 'i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/domain/staff';
import type { PassphraseStrength } from '../../../shared/passphrase/strength';

const ageRecipient = /^age1[0-9a-z]+$/;

export type BackupInput = { ok: true; passphrase?: string; recipients?: string[] } | { ok: false; problem: (t: TFunction) => string };

/** Checks the form before anything is encrypted: the same rules the backend applies, in the person's words. */
export function backupInput(passphrase: string, confirmation: string, recipientsText: string, strength: PassphraseStrength | null = null): BackupInput {
  const lines = recipientsText.split(/\r?\n/).map((line) => line.trim());
  const recipients: string[] = [];
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    if (!ageRecipient.test(line)) return { ok: false, problem: (t) => t('backup.badRecipient', { line: index + 1 }) };
    recipients.push(line);
  }
  if (passphrase === '' && recipients.length === 0) return { ok: false, problem: (t) => t('backup.needOne') };
  if (passphrase !== '') {
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return { ok: false, problem: (t) => t('backup.tooShort') };
    if (strength && !strength.acceptable) return { ok: false, problem: (t) => t('strength.weak') };
    if (passphrase !== confirmation) return { ok: false, problem: (t) => t('backup.mismatch') };
  }
  return {
    ok: true,
    ...(passphrase !== '' ? { passphrase } : {}),
    ...(recipients.length > 0 ? { recipients } : {}),
  };
}
