import type { Author } from '../../db/repositories/changes';
import type { BackendContext } from '../context';

/** Who is writing, and when: stamped on every change. */
export function authorOf({ platform, session }: BackendContext): Author {
  return { id: session.require().user.id, at: platform.now().toISOString() };
}
