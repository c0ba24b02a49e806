/**
 * The one contract between every front end (Electron renderer, CLI, test harness) and the backend.
 * Each method is declared once: its zod input schema, its output type and the roles allowed to call it.
 * Inputs and outputs are JSON-safe: ISO date strings, string ids.
 */
import { z } from 'zod';
import type { ApiErrorShape } from './errors';
import type { EventName, Events } from './events';

export * from './events';
import { caseListQuerySchema, newCaseSchema, type CasePage, type CaseRecord } from './domain/cases';
import { settingsSchema, type Settings } from './domain/settings';
import {
  displayNameSchema,
  newPassphraseSchema,
  passphraseSchema,
  roles,
  writerRoles,
  type Role,
  type SessionInfo,
  type VaultState,
} from './domain/staff';

/** `public` methods run without an unlocked vault; every other method names the roles that may call it. */
export type Access = 'public' | readonly Role[];

interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Type-level only: carries the output type. */
  readonly output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(spec: { input: I; access: Access }): MethodSpec<I, O> => spec;
}

const everyone = roles;
const writers = writerRoles;
const noInput = z.strictObject({});
const uuid = z.string().uuid({ message: 'must be a record id' });

export interface VaultStatus {
  office: string;
  cases: number;
  user: SessionInfo['user'];
}

export const api = {
  'vault.state': method<VaultState>()({ input: noInput, access: 'public' }),
  'vault.create': method<SessionInfo>()({
    input: z.strictObject({ office: displayNameSchema, user: displayNameSchema, passphrase: newPassphraseSchema }),
    access: 'public',
  }),
  'vault.unlock': method<SessionInfo>()({ input: z.strictObject({ passphrase: passphraseSchema }), access: 'public' }),
  /** Locking is always allowed: a forced moment must never meet an error. */
  'vault.lock': method<{ locked: true }>()({ input: noInput, access: 'public' }),
  'vault.changePassphrase': method<{ changed: true }>()({
    input: z.strictObject({ current: passphraseSchema, next: newPassphraseSchema }),
    access: everyone,
  }),
  'session.activity': method<{ autoLockAt: string }>()({ input: noInput, access: everyone }),
  'status.get': method<VaultStatus>()({ input: noInput, access: everyone }),
  'cases.list': method<CasePage>()({ input: caseListQuerySchema, access: everyone }),
  'cases.get': method<CaseRecord>()({ input: z.strictObject({ id: uuid }), access: everyone }),
  'cases.create': method<CaseRecord>()({ input: newCaseSchema, access: writers }),
  /** All or nothing: one transaction, so a bad row in a batch leaves the vault unchanged. */
  'cases.createMany': method<{ ids: string[] }>()({
    input: z.strictObject({ cases: z.array(newCaseSchema).min(1).max(10_000) }),
    access: writers,
  }),
  'settings.get': method<Settings>()({ input: noInput, access: everyone }),
  'settings.update': method<Settings>()({ input: settingsSchema.partial().strict(), access: ['admin'] }),
} as const;

export type Api = typeof api;
export type Method = keyof Api;
/** What a caller sends. */
export type Input<M extends Method> = z.input<Api[M]['input']>;
/** What a handler receives, after parsing and defaults. */
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = NonNullable<Api[M]['output']>;

export type InvokeResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export interface CallContext {
  user: SessionInfo['user'] | null;
}

export type Handler<M extends Method> = (input: ParsedInput<M>, ctx: CallContext) => Promise<Output<M>> | Output<M>;
export type Handlers = { [M in Method]: Handler<M> };

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(api, name);
}

/** The window API that preload exposes; the renderer sees nothing else. */
export interface CaseboardBridge {
  invoke(method: string, input: unknown): Promise<InvokeResult>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
