import type { Handlers } from '../../shared/api';
import { deleteView, listViews, saveView } from '../../db/repositories/views';
import type { BackendContext } from '../context';

export function viewHandlers(context: BackendContext) {
  const { platform, session } = context;
  return {
    'views.list': () => listViews(session.require().orm, session.require().user.id),
    'views.save': (view) =>
      context.write(
        (tx) => saveView(tx, session.require().user.id, view, platform.now().toISOString()),
        (saved) => ({ entity: 'view', ids: [saved.id], before: null, after: view }),
      ),
    'views.delete': ({ id }) => {
      context.write((tx) => deleteView(tx, session.require().user.id, id), { entity: 'view', ids: [id], before: 'present', after: null });
      return { deleted: true as const };
    },
  } satisfies Pick<Handlers, 'views.list' | 'views.save' | 'views.delete'>;
}
