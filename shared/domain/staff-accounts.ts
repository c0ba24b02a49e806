import { z } from 'zod';
import { recordId } from './text';
import { displayNameSchema, newPassphraseSchema, roles, type Role } from './staff';

export interface StaffRecord {
  id: string;
  name: string;
  role: Role;
  mustChangePassphrase: boolean;
  createdAt: string;
}

export const staffAddSchema = z.strictObject({
  name: displayNameSchema,
  role: z.enum(roles),
  /** Handed to the person out of band; they must choose their own at first unlock. */
  oneTimePassphrase: newPassphraseSchema,
});

export const staffRoleSchema = z.strictObject({ id: recordId, role: z.enum(roles) });
export const staffIdSchema = z.strictObject({ id: recordId });
