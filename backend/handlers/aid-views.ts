import type { Handlers } from '../../shared/api';
import { deleteAidView, listAidViews, saveAidView } from '../../db/repositories/aid-views';
import type { BackendContext } from '../context';

export function aidViewHandlers(context: BackendContext) {
  const { platform, session } = context;
  return {
    'aid.views.list': () => listAidViews(session.require().orm, session.require().user.id),
    'aid.views.save': (view) =>
      context.write(
        (tx) => saveAidView(tx, session.require().user.id, view, platform.now().toISOString()),
        (saved) => ({ entity: 'aid_view', ids: [saved.id], before: null, after: view }),
      ),
    'aid.views.delete': ({ id }) => {
      context.write((tx) => deleteAidView(tx, session.require().user.id, id), { entity: 'aid_view', ids: [id], before: 'present', after: null });
      return { deleted: true as const };
    },
  } satisfies Pick<Handlers, 'aid.views.list' | 'aid.views.save' | 'aid.views.delete'>;
}
