/** Stable error codes: scripts and the UI match on these, so never rename one. */
export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'LOCKED',
  'NO_VAULT',
  'VAULT_EXISTS',
  'NOT_A_VAULT',
  'VAULT_DAMAGED',
  'WRONG_PASSPHRASE',
  'WEAK_PASSPHRASE',
  'NOT_FOUND',
  'CONFLICT',
  'AUDIT_BROKEN',
  'INTERNAL',
  /** Person links: merging a record with itself. */
  'SAME_PERSON',
  /** Person links: the decision asked for is already in force. */
  'ALREADY_LINKED',
  /** Person links: there is no such merge to undo. */
  'NOT_LINKED',
  /** Person links: the decision contradicts another one (a merge across a "not the same person"). */
  'LINK_CONFLICT',
  'RATE_LIMITED',
  // Aid disbursements.
  'INVALID_AMOUNT',
  'CURRENCY_MISMATCH',
  'AMBIGUOUS_RECIPIENT',
  'DUPLICATE_PAYMENT',
  'FOUR_EYES',
  'BUDGET_EXCEEDED',
  'INVALID_TRANSITION',
  'LEDGER_IMMUTABLE',
  // Sync with partner offices: why a bundle or an office card was refused.
  'BUNDLE_FORMAT',
  'BUNDLE_DAMAGED',
  'BUNDLE_VERSION',
  'BUNDLE_RECIPIENT',
  'BUNDLE_SIGNATURE',
  'BUNDLE_REPLAY',
  'BUNDLE_GAP',
  'BUNDLE_CHAIN',
  'BUNDLE_INVALID',
  'BUNDLE_TOO_LARGE',
  'UNKNOWN_PARTNER',
  'PARTNER_EXISTS',
  'CARD_FORMAT',
  'CARD_SIGNATURE',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** The only shape an error takes when it crosses a process boundary. */
export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
