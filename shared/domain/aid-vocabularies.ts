/** The aid vocabularies: stored values are stable English keys; labels in be/ru/en for exports and the UI. */
import type { Vocabulary } from './vocabularies';

export const aidTypeLabels = {
  'legal-fees': { en: 'Legal fees', ru: 'Оплата адвоката', be: 'Аплата адваката' },
  parcel: { en: 'Parcel', ru: 'Передача', be: 'Перадача' },
  'cash-support': { en: 'Cash support', ru: 'Денежная помощь', be: 'Грашовая дапамога' },
  medical: { en: 'Medical', ru: 'Медицинская помощь', be: 'Медыцынская дапамога' },
  travel: { en: 'Travel', ru: 'Поездка', be: 'Паездка' },
  rent: { en: 'Rent', ru: 'Аренда жилья', be: 'Арэнда жылля' },
  other: { en: 'Other', ru: 'Другое', be: 'Іншае' },
} as const satisfies Vocabulary<string>;
export type AidType = keyof typeof aidTypeLabels;
export const aidTypes = Object.keys(aidTypeLabels) as AidType[];

export const paymentMethodLabels = {
  cash: { en: 'Cash', ru: 'Наличные', be: 'Наяўныя' },
  'bank-transfer': { en: 'Bank transfer', ru: 'Банковский перевод', be: 'Банкаўскі перавод' },
  parcel: { en: 'Parcel', ru: 'Передача', be: 'Перадача' },
  'lawyer-payment': { en: 'Payment to lawyer', ru: 'Оплата адвокату', be: 'Аплата адвакату' },
  voucher: { en: 'Voucher', ru: 'Ваучер', be: 'Ваўчар' },
} as const satisfies Vocabulary<string>;
export type PaymentMethod = keyof typeof paymentMethodLabels;
export const paymentMethods = Object.keys(paymentMethodLabels) as PaymentMethod[];

/** requested → approved → paid, or rejected / cancelled on the way. Paid, rejected and cancelled are final. */
export const disbursementStatusLabels = {
  requested: { en: 'Requested', ru: 'Запрошено', be: 'Запытана' },
  approved: { en: 'Approved', ru: 'Одобрено', be: 'Ухвалена' },
  paid: { en: 'Paid', ru: 'Выплачено', be: 'Выплачана' },
  rejected: { en: 'Rejected', ru: 'Отклонено', be: 'Адхілена' },
  cancelled: { en: 'Cancelled', ru: 'Отменено', be: 'Скасавана' },
} as const satisfies Vocabulary<string>;
export type DisbursementStatus = keyof typeof disbursementStatusLabels;
export const disbursementStatuses = Object.keys(disbursementStatusLabels) as DisbursementStatus[];

/** Who the help is for, as recorded with the disbursement (so a report of last year does not move later). */
export const recipientCategoryLabels = {
  prisoner: { en: 'Political prisoner', ru: 'Политзаключённый', be: 'Палітвязень' },
  family: { en: "Prisoner's family", ru: 'Семья политзаключённого', be: 'Сям’я палітвязня' },
  'former-prisoner': { en: 'Former prisoner', ru: 'Бывший политзаключённый', be: 'Былы палітвязень' },
  exile: { en: 'In exile', ru: 'В эмиграции', be: 'У эміграцыі' },
  other: { en: 'Other', ru: 'Другое', be: 'Іншае' },
} as const satisfies Vocabulary<string>;
export type RecipientCategory = keyof typeof recipientCategoryLabels;
export const recipientCategories = Object.keys(recipientCategoryLabels) as RecipientCategory[];

export const aidRequestStatusLabels = {
  open: { en: 'Open', ru: 'Открыт', be: 'Адкрыты' },
  granted: { en: 'Granted', ru: 'Удовлетворён', be: 'Задаволены' },
  declined: { en: 'Declined', ru: 'Отказано', be: 'Адмоўлена' },
  withdrawn: { en: 'Withdrawn', ru: 'Отозван', be: 'Адкліканы' },
} as const satisfies Vocabulary<string>;
export type AidRequestStatus = keyof typeof aidRequestStatusLabels;
export const aidRequestStatuses = Object.keys(aidRequestStatusLabels) as AidRequestStatus[];

export const reportGroupings = ['programme', 'month', 'region', 'type', 'category'] as const;
export type ReportGrouping = (typeof reportGroupings)[number];
