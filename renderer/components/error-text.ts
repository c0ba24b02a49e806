import type { TFunction } from 'i18next';
import { ApiError } from '../api';

/**
 * A user-facing sentence for any thrown value: translated by error code, with the server's detail for
 * validation; the server's own message for a code this build does not know.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.rawCode !== error.code) return error.message;
    if (error.code === 'VALIDATION') return t('errors.VALIDATION', { detail: error.message });
    return t(`errors.${error.code}`, { defaultValue: error.message });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return t('errors.unexpected', { detail });
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'CONFLICT';
}

/** Problems a form finds before calling the backend. */
export type LocalProblemKey =
  | 'vault.mismatch'
  | 'vault.tooShort'
  | 'caseForm.regionRequired'
  | 'bulk.reasonRequired'
  | 'detail.reasonNeeded'
  | 'persons.nameRequired'
  | 'personPage.nameRequired'
  | 'personPage.birthDateInvalid'
  | 'staff.tooShort'
  | 'strength.weak';

/** What a form shows when something is wrong; kept untranslated so a language switch re-renders it. */
export type Problem = { error: unknown } | { local: LocalProblemKey } | { text: (t: TFunction) => string };

export function problemText(t: TFunction, problem: Problem | null): string | null {
  if (!problem) return null;
  if ('local' in problem) return t(problem.local);
  if ('text' in problem) return problem.text(t);
  return errorText(t, problem.error);
}
