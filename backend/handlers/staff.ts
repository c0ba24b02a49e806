import { v7 as uuidv7 } from 'uuid';
import type { Handlers } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { assertNotLastAdmin, getActiveStaff, insertStaff, listStaff, markStaffRemoved, setStaffRole } from '../../db/repositories/staff';
import type { BackendContext } from '../context';

export function staffHandlers({ platform, session }: BackendContext) {
  const vault = () => session.require();
  return {
    'staff.list': () => listStaff(vault().orm),
    'staff.add': async ({ name, role, oneTimePassphrase }) => {
      const open = vault();
      // The slot is written first; if the account row then fails, the slot is taken back out.
      const slotId = await open.addSlot(oneTimePassphrase);
      try {
        return insertStaff(open.orm, {
          id: uuidv7(),
          name,
          role,
          slotId,
          mustChangePassphrase: true,
          removedAt: null,
          createdAt: platform.now().toISOString(),
        });
      } catch (error) {
        open.removeSlot(slotId);
        throw error;
      }
    },
    'staff.setRole': ({ id, role }) => {
      if (id === vault().user.id && role !== 'admin') throw new AppError('FORBIDDEN', 'You cannot change your own role.');
      return setStaffRole(vault().orm, id, role);
    },
    'staff.remove': ({ id }) => {
      const open = vault();
      if (id === open.user.id) throw new AppError('FORBIDDEN', 'You cannot remove your own account.');
      assertNotLastAdmin(open.orm, id);
      const member = getActiveStaff(open.orm, id);
      // The key slot goes first: from then on the passphrase opens nothing, even if the rest fails.
      open.removeSlot(member.slotId);
      markStaffRemoved(open.orm, id, platform.now().toISOString());
      return { removed: true as const };
    },
  } satisfies Pick<Handlers, 'staff.list' | 'staff.add' | 'staff.setRole' | 'staff.remove'>;
}
