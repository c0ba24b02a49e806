import { useTranslation } from 'react-i18next';
import { aidTypeLabels, disbursementStatusLabels, paymentMethodLabels, recipientCategoryLabels } from '../../../shared/domain/aid';
import { regionLabels, type Labels } from '../../../shared/domain/vocabularies';
import type { Language } from '../../i18n/languages';

const pick = (vocab: Record<string, Labels>, key: string, language: Language) => vocab[key]?.[language] ?? key;

/** Vocabulary labels of the aid module in the interface language. */
export function useAidLabels() {
  const { i18n } = useTranslation();
  const language = (['en', 'ru', 'be'].includes(i18n.language) ? i18n.language : 'en') as Language;
  return {
    language,
    type: (key: string) => pick(aidTypeLabels, key, language),
    method: (key: string) => pick(paymentMethodLabels, key, language),
    status: (key: string) => pick(disbursementStatusLabels, key, language),
    category: (key: string) => pick(recipientCategoryLabels, key, language),
    region: (key: string) => pick(regionLabels, key, language),
  };
}

export const percentOf = (basisPoints: number) => `${(basisPoints / 100).toFixed(1)} %`;
