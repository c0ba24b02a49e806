import type { Platform } from './platform';
import type { Session } from './session';

export interface BackendContext {
  platform: Platform;
  session: Session;
}
