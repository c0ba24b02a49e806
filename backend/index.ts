/**
 * The backend every front end calls: one `invoke(method, input)` that checks the method exists,
 * applies the idle lock, checks the caller's role, validates the input with the method's zod schema,
 * runs the handler and turns every failure into `{ code, message }`.
 */
import { z } from 'zod';
import { api, isMethod, type EventName, type Events, type Handlers, type InvokeResult, type Method } from '../shared/api';
import { AppError } from '../shared/errors';
import type { BackendContext } from './context';
import { attachmentHandlers } from './handlers/attachments';
import { caseHandlers } from './handlers/cases';
import { personHandlers } from './handlers/persons';
import { settingsHandlers } from './handlers/settings';
import { spreadsheetHandlers } from './handlers/spreadsheets';
import { staffHandlers } from './handlers/staff';
import { vaultHandlers } from './handlers/vault';
import { viewHandlers } from './handlers/views';
import { auditHandlers } from './handlers/audit';
import { duplicateHandlers } from './handlers/duplicates';
import { evidenceHandlers } from './handlers/evidence';
import { duressHandlers } from './handlers/duress';
import { backupHandlers } from './handlers/backups';
import { ScheduledBackups } from './backups/scheduler';
import { ClipboardGuard } from './clipboard-guard';
import { clipboardHandlers } from './handlers/clipboard';
import { aidHandlers } from './handlers/aid';
import { aidViewHandlers } from './handlers/aid-views';
import { syncHandlers } from './handlers/sync';
import { appendAudit, changeMark, subjectFromChanges } from '../db/audit';
import { captureChanges } from '../db/sync/capture';
import type { Platform } from './platform';
import { Session } from './session';

export interface Backend {
  invoke(method: unknown, input: unknown): Promise<InvokeResult>;
  subscribe(listener: <E extends EventName>(event: E, payload: Events[E]) => void): () => void;
  /**
   * Applies the idle lock, then starts a scheduled backup when one is due; the host calls it on a timer.
   * Resolves when what it started has finished (the lock itself is immediate).
   */
  tick(): Promise<void>;
  /** Locks at once, outside the call queue: a forced moment never waits. */
  lockNow(reason: 'user' | 'system'): void;
}

function describeValidation(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

export function toErrorShape(error: unknown) {
  if (error instanceof AppError) return error.toJSON();
  // Anything else stays inside: its message may hold record data or paths, and stacks never cross.
  return { code: 'INTERNAL' as const, message: 'An unexpected error occurred; nothing was changed.' };
}

const allowedBeforeOwnPassphrase = new Set<Method>(['vault.changePassphrase', 'session.activity', 'status.get']);

export function createBackend(platform: Platform): Backend {
  const session = new Session(platform);
  /** The method being served; calls are served one at a time, so one slot suffices. */
  let current: Method | 'backups.scheduled' | null = null;
  const context: BackendContext = {
    platform,
    session,
    write(fn, subject) {
      const vault = session.require();
      return vault.orm.transaction((tx) => {
        const mark = changeMark(tx);
        const result = fn(tx);
        // The operations partners will receive are recorded in the same transaction as the change.
        captureChanges(vault.sqlite, platform.now());
        const about = (typeof subject === 'function' ? subject(result) : subject) ?? subjectFromChanges(tx, mark);
        if (about) appendAudit(tx, { at: platform.now().toISOString(), staffId: vault.user.id, method: current ?? 'unknown', subject: about });
        return result;
      });
    },
  };
  const scheduled = new ScheduledBackups(context);
  const clipboard = platform.clipboard ? new ClipboardGuard(platform.clipboard) : null;
  // A lock takes a copied field off the clipboard at once.
  if (clipboard) session.subscribe((event) => event === 'vault.locked' && void clipboard.clearIfOurs());
  const handlers = {
    ...vaultHandlers(context),
    ...caseHandlers(context),
    ...personHandlers(context),
    ...attachmentHandlers(context),
    ...spreadsheetHandlers(context),
    ...staffHandlers(context),
    ...viewHandlers(context),
    ...settingsHandlers(context),
    ...auditHandlers(context),
    ...duplicateHandlers(context),
    ...evidenceHandlers(context),
    ...duressHandlers(context),
    ...backupHandlers(scheduled),
    ...clipboardHandlers(context, clipboard),
    ...aidHandlers(context),
    ...aidViewHandlers(context),
    ...syncHandlers(context),
  } satisfies Handlers;
  let queue: Promise<unknown> = Promise.resolve();

  async function run(method: Method, input: unknown): Promise<unknown> {
    session.lockIfIdle();
    const spec = api[method];
    if (spec.access !== 'public') {
      const { user } = session.require();
      if (!spec.access.includes(user.role)) {
        throw new AppError('FORBIDDEN', `The ${user.role} role may not call ${method}.`);
      }
      // A one-time passphrase opens the vault for one thing only: choosing one's own.
      if (user.mustChangePassphrase && !allowedBeforeOwnPassphrase.has(method)) {
        throw new AppError('FORBIDDEN', 'Choose your own passphrase first: the one you were given works only once.');
      }
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw new AppError('VALIDATION', describeValidation(parsed.error));
    if (session.vault) session.touch();
    const handler = handlers[method] as (input: unknown, ctx: { user: unknown }) => unknown;
    current = method;
    try {
      return await handler(parsed.data, { user: session.vault?.user ?? null });
    } finally {
      current = null;
    }
  }

  return {
    async invoke(method, input) {
      if (!isMethod(method)) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no method called ${String(method).slice(0, 80)}.` } };
      }
      if (method === 'vault.lock') {
        session.lock('user');
        return { ok: true, value: { locked: true } };
      }
      // One call at a time: unlocking and re-keying await Argon2id and must not interleave.
      const result = queue.then(() => run(method, input));
      queue = result.catch(() => undefined);
      try {
        return { ok: true, value: await result };
      } catch (error) {
        return { ok: false, error: toErrorShape(error) };
      }
    },
    subscribe: (listener) => session.subscribe(listener),
    tick: async () => {
      session.lockIfIdle();
      if (!scheduled.isDue()) return;
      // Through the call queue, so a backup never interleaves with a write or an unlock.
      const job = queue.then(async () => {
        if (!scheduled.isDue()) return;
        current = 'backups.scheduled';
        try {
          await scheduled.run();
        } finally {
          current = null;
        }
      });
      queue = job.catch(() => undefined);
      await queue;
    },
    lockNow: (reason) => {
      session.lock(reason);
    },
  };
}
