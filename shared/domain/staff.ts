import { z } from 'zod';

/** Admins manage accounts and settings; coordinators also see sources and approve aid; viewers only read. */
export const roles = ['admin', 'coordinator', 'caseworker', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Roles that may change records. */
export const writerRoles = ['admin', 'coordinator', 'caseworker'] as const satisfies readonly Role[];

/** Floor for a new passphrase; the strength estimate comes with staff management. */
export const MIN_PASSPHRASE_LENGTH = 12;

export const passphraseSchema = z.string().max(1024, { message: 'is too long' });

export const newPassphraseSchema = passphraseSchema.refine((value) => [...value].length >= MIN_PASSPHRASE_LENGTH, {
  message: `must be at least ${MIN_PASSPHRASE_LENGTH} characters`,
});

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(120, { message: 'must be at most 120 characters' });

export interface SessionInfo {
  office: string;
  user: { id: string; name: string; role: Role };
  autoLockMinutes: number;
  /** The account was opened with a one-time passphrase: ask its owner to choose their own now. */
  mustChangePassphrase: boolean;
}

export type VaultState = { state: 'none' } | { state: 'locked' } | ({ state: 'unlocked' } & SessionInfo);
