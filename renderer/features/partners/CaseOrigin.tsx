import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useRemote } from '../../components/use-remote';

/** For a case received from a partner: who recorded it, under which of their references. */
export function CaseOrigin({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const origin = useRemote(() => call('sync.caseOrigin', { id: caseId }), [caseId]);
  const found = origin.value?.origin;
  if (!found) return null;
  return <span className="case-origin">{t('partners.origin', { office: found.office ?? t('conflicts.unknownOffice'), reference: found.reference })}</span>;
}
