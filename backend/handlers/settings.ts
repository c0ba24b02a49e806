import type { Handlers } from '../../shared/api';
import { writeSettings } from '../../db/repositories/settings';
import type { BackendContext } from '../context';

export function settingsHandlers({ platform, session }: BackendContext) {
  return {
    'settings.get': () => session.settings,
    'settings.update': (patch) => {
      writeSettings(session.require().orm, patch, platform.now().toISOString());
      session.refreshSettings();
      return session.settings;
    },
  } satisfies Pick<Handlers, 'settings.get' | 'settings.update'>;
}
