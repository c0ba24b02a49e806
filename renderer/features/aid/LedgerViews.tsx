import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DisbursementFilter, DisbursementSort } from '../../../shared/domain/aid';
import { AID_VIEW_NAME_MAX, type AidSavedView } from '../../../shared/domain/aid-views';
import { isConflict } from '../../components/error-text';
import type { Notice } from '../../components/NoticeLine';
import { ViewPicker } from '../views/ViewPicker';
import { aidErrorText } from './aid-error';
import { useLedgerViews } from './use-ledger-views';

interface LedgerViewsProps {
  viewId: string;
  onApply: (view: AidSavedView | null) => void;
  filter: DisbursementFilter;
  sort: DisbursementSort[];
  onMessage: (message: { error?: string; success?: string }) => void;
}

const builtInKeys: Record<string, 'awaitingApproval' | 'approvedUnpaid' | 'fromPartners'> = {
  'builtin:aid-awaiting-approval': 'awaitingApproval',
  'builtin:aid-approved-unpaid': 'approvedUnpaid',
  'builtin:aid-from-partners': 'fromPartners',
};

/** Built-in views are named in the interface language, by id; people's own views by the name they gave. */
function ledgerViewName(t: TFunction, view: AidSavedView): string {
  const key = view.builtIn ? builtInKeys[view.id] : undefined;
  return key ? t(`aid.views.builtIn.${key}`) : view.name;
}

/** A person's view names are unique to them, so a clash gets its own sentence rather than the generic conflict. */
function saveErrorText(t: TFunction, error: unknown, name: string): string {
  return isConflict(error) ? t('aid.views.duplicate', { name }) : aidErrorText(t, error);
}

/** The person's saved views of the aid ledger; the ledger shows its outcomes as plain messages. */
export function LedgerViews({ onMessage, ...props }: LedgerViewsProps) {
  const { t } = useTranslation();
  const tell = (notice: Notice) => onMessage(notice.tone === 'error' ? { error: notice.text(t) } : { success: notice.text(t) });
  return (
    <ViewPicker
      {...props}
      messages="aid.views"
      list={useLedgerViews()}
      nameMax={AID_VIEW_NAME_MAX}
      viewName={ledgerViewName}
      errorText={aidErrorText}
      saveErrorText={saveErrorText}
      onNotice={tell}
    />
  );
}
