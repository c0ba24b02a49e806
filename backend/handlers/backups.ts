import type { Handlers } from '../../shared/api';
import type { ScheduledBackups } from '../backups/scheduler';

export function backupHandlers(scheduled: ScheduledBackups) {
  return {
    'backups.schedule': () => scheduled.state(),
    'backups.chooseFolder': () => scheduled.chooseFolder(),
    'backups.configure': (input) => scheduled.configure(input),
    'backups.runNow': () => scheduled.run(),
  } satisfies Pick<Handlers, 'backups.schedule' | 'backups.chooseFolder' | 'backups.configure' | 'backups.runNow'>;
}
