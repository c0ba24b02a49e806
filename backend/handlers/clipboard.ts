import type { Handlers } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { getCaseRecord } from '../../db/repositories/cases';
import type { ClipboardGuard } from '../clipboard-guard';
import type { BackendContext } from '../context';

export function clipboardHandlers({ session }: BackendContext, clipboard: ClipboardGuard | null) {
  return {
    // The value is read here, not sent by the window: the page can only ask for a field of a case it may see.
    'clipboard.copy': async ({ caseId, field }) => {
      if (!clipboard) throw new AppError('FORBIDDEN', 'This front end has no clipboard.');
      const record = getCaseRecord(session.require().orm, caseId);
      await clipboard.copy(record[field]);
      return { clearsInSeconds: Math.round(clipboard.clearAfterMs / 1000) };
    },
  } satisfies Pick<Handlers, 'clipboard.copy'>;
}
