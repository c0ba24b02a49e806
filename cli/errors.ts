import type { ErrorCode } from '../shared/errors';

/** CLI-only failures (bad arguments, no terminal) use USAGE; everything else carries the backend's code. */
export class CliError extends Error {
  constructor(
    readonly code: ErrorCode | 'USAGE',
    message: string,
  ) {
    super(message);
  }
}
