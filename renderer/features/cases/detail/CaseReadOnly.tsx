import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/domain/cases';
import { PriorityBadge } from '../../../components/PriorityBadge';
import { ReadItem } from '../../../components/ReadItem';
import { formatPartialDate } from '../../../components/format-date';

/** Every field of a case, for roles that may read but not change it. */
export function CaseReadOnly({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const none = t('common.none');
  const list = (items: string[]) => (items.length ? items.join(', ') : none);
  const date = (value: string | null) => formatPartialDate(value, i18n.language) || none;
  return (
    <div className="read-only">
      <p className="notice">{t('detail.readOnly')}</p>
      <dl className="read-grid">
        <ReadItem label={t('caseFields.summary')}>
          <span className="prewrap">{detail.summary || none}</span>
        </ReadItem>
        <ReadItem label={t('caseFields.region')}>{t(`regions.${detail.region}`)}</ReadItem>
        <ReadItem label={t('caseFields.locality')}>{detail.locality || none}</ReadItem>
        <ReadItem label={t('caseFields.placeOfDetention')}>{detail.placeOfDetention || none}</ReadItem>
        <ReadItem label={t('caseFields.sentence')}>{detail.sentence || none}</ReadItem>
        <ReadItem label={t('caseFields.eventDate')}>{date(detail.eventDate)}</ReadItem>
        <ReadItem label={t('caseFields.eventEndDate')}>{date(detail.eventEndDate)}</ReadItem>
        <ReadItem label={t('caseFields.violations')}>{list(detail.violations.map((v) => t(`violations.${v}`)))}</ReadItem>
        <ReadItem label={t('caseFields.articles')}>{list(detail.articles)}</ReadItem>
        <ReadItem label={t('caseFields.risks')}>{list(detail.risks.map((r) => t(`risks.${r}`)))}</ReadItem>
        <ReadItem label={t('caseFields.tags')}>{list(detail.tags)}</ReadItem>
        <ReadItem label={t('caseFields.priority')}>
          <PriorityBadge priority={detail.priority} />
        </ReadItem>
        <ReadItem label={t('caseFields.status')}>{t(`statuses.${detail.status}`)}</ReadItem>
        {detail.statusReason ? <ReadItem label={t('caseFields.statusReason')}>{detail.statusReason}</ReadItem> : null}
        <ReadItem label={t('caseFields.assignee')}>{detail.assignee?.name ?? t('detail.noAssignee')}</ReadItem>
        <ReadItem label={t('caseFields.consentPublish')}>{detail.consentPublish ? t('common.yes') : t('common.no')}</ReadItem>
        <ReadItem label={t('caseFields.consentShare')}>{detail.consentShare ? t('common.yes') : t('common.no')}</ReadItem>
      </dl>
    </div>
  );
}
