import type { Backend } from '../backend';
import type { InvokeResult } from '../shared/api';
import { isAppUrl } from './policy';

export interface Sender {
  url: string | undefined;
  /** True only for the top frame of the app's own window. */
  isMainFrame: boolean;
}

/** SECURITY.md #8: a call from any frame but the app's own page is refused before the backend sees it. */
export async function dispatchFromSender(
  backend: Backend,
  sender: Sender,
  method: unknown,
  input: unknown,
  isTrustedUrl: (url: string) => boolean = isAppUrl,
): Promise<InvokeResult> {
  if (!sender.isMainFrame || !sender.url || !isTrustedUrl(sender.url)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Caseboard window.' } };
  }
  return backend.invoke(method, input);
}
