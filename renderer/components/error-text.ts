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

/** Problems a form finds before calling the backend. */
export type LocalProblemKey = 'vault.mismatch' | 'caseForm.regionRequired';

/** What a form shows when something is wrong; kept untranslated so a language switch re-renders it. */
export type Problem = { error: unknown } | { local: LocalProblemKey };

export function problemText(t: TFunction, problem: Problem | null): string | null {
  if (!problem) return null;
  return 'local' in problem ? t(problem.local) : errorText(t, problem.error);
}
