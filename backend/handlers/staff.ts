import { v7 as uuidv7 } from 'uuid';
import type { Handlers } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { assertNotLastAdmin, getActiveStaff, insertStaff, listStaff, markStaffRemoved, setStaffRole } from '../../db/repositories/staff';
import type { BackendContext } from '../context';
import { requireStrongPassphrase } from '../passphrase-policy';

export function staffHandlers(context: BackendContext) {
  const { platform, session } = context;
  const vault = () => session.require();
  return {
    'staff.list': () => listStaff(vault().orm),
    'staff.add': async ({ name, role, oneTimePassphrase }) => {
      const open = vault();
      await requireStrongPassphrase(oneTimePassphrase, [open.officeName, name], 'oneTimePassphrase');
      // The slot is written first; if the account row then fails, the slot is taken back out.
      const slotId = await open.addSlot(oneTimePassphrase);
      try {
        const id = uuidv7();
        return context.write(
          (tx) => insertStaff(tx, { id, name, role, slotId, mustChangePassphrase: true, removedAt: null, createdAt: platform.now().toISOString() }),
          { entity: 'staff', ids: [id], before: null, after: { name, role } },
        );
      } catch (error) {
        open.removeSlot(slotId);
        throw error;
      }
    },
    'staff.setRole': ({ id, role }) => {
      if (id === vault().user.id && role !== 'admin') throw new AppError('FORBIDDEN', 'You cannot change your own role.');
      const before = getActiveStaff(vault().orm, id).role;
      return context.write((tx) => setStaffRole(tx, id, role), { entity: 'staff', ids: [id], before: { role: before }, after: { role } });
    },
    'staff.remove': ({ id }) => {
      const open = vault();
      if (id === open.user.id) throw new AppError('FORBIDDEN', 'You cannot remove your own account.');
      assertNotLastAdmin(open.orm, id);
      const member = getActiveStaff(open.orm, id);
      // The key slot goes first: from then on the passphrase opens nothing, even if the rest fails.
      open.removeSlot(member.slotId);
      const at = platform.now().toISOString();
      context.write((tx) => markStaffRemoved(tx, id, at), { entity: 'staff', ids: [id], before: { removedAt: null }, after: { removedAt: at } });
      return { removed: true as const };
    },
  } satisfies Pick<Handlers, 'staff.list' | 'staff.add' | 'staff.setRole' | 'staff.remove'>;
}
