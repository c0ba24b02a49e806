import type { Handlers } from '../../shared/api';
import { deleteView, listViews, saveView } from '../../db/repositories/views';
import type { BackendContext } from '../context';

export function viewHandlers({ platform, session }: BackendContext) {
  return {
    'views.list': () => listViews(session.require().orm, session.require().user.id),
    'views.save': (view) => saveView(session.require().orm, session.require().user.id, view, platform.now().toISOString()),
    'views.delete': ({ id }) => {
      deleteView(session.require().orm, session.require().user.id, id);
      return { deleted: true as const };
    },
  } satisfies Pick<Handlers, 'views.list' | 'views.save' | 'views.delete'>;
}
