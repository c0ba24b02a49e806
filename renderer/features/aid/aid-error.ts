import type { TFunction } from 'i18next';
import { ApiError } from '../../api';
import { errorText } from '../../components/error-text';

const detailed = ['INVALID_AMOUNT', 'CURRENCY_MISMATCH', 'AMBIGUOUS_RECIPIENT', 'DUPLICATE_PAYMENT', 'FOUR_EYES', 'BUDGET_EXCEEDED', 'INVALID_TRANSITION', 'LEDGER_IMMUTABLE'] as const;
type AidCode = (typeof detailed)[number];
const isAidCode = (code: string): code is AidCode => (detailed as readonly string[]).includes(code);

/** The ledger's errors say which payment, which budget, which limit: the translated headline and that detail. */
export function aidErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && isAidCode(error.code)) return `${t(`errors.${error.code}`)} ${error.message}`;
  return errorText(t, error);
}

export const isCode = (error: unknown, code: string) => error instanceof ApiError && error.code === code;
