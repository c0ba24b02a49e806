import type { Handlers } from '../../shared/api';
import { writeSettings } from '../../db/repositories/settings';
import type { BackendContext } from '../context';

export function settingsHandlers(context: BackendContext) {
  const { platform, session } = context;
  return {
    'settings.get': () => session.settings,
    'settings.update': (patch) => {
      const before = session.settings;
      context.write((tx) => writeSettings(tx, patch, platform.now().toISOString()), { entity: 'settings', ids: [], before, after: { ...before, ...patch } });
      session.refreshSettings();
      return session.settings;
    },
  } satisfies Pick<Handlers, 'settings.get' | 'settings.update'>;
}
