import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/domain/cases';
import { PriorityBadge } from '../../../components/PriorityBadge';
import { formatPartialDate } from '../../../components/format-date';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="read-item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

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
        <Item label={t('caseFields.summary')}>
          <span className="prewrap">{detail.summary || none}</span>
        </Item>
        <Item label={t('caseFields.region')}>{t(`regions.${detail.region}`)}</Item>
        <Item label={t('caseFields.locality')}>{detail.locality || none}</Item>
        <Item label={t('caseFields.placeOfDetention')}>{detail.placeOfDetention || none}</Item>
        <Item label={t('caseFields.sentence')}>{detail.sentence || none}</Item>
        <Item label={t('caseFields.eventDate')}>{date(detail.eventDate)}</Item>
        <Item label={t('caseFields.eventEndDate')}>{date(detail.eventEndDate)}</Item>
        <Item label={t('caseFields.violations')}>{list(detail.violations.map((v) => t(`violations.${v}`)))}</Item>
        <Item label={t('caseFields.articles')}>{list(detail.articles)}</Item>
        <Item label={t('caseFields.risks')}>{list(detail.risks.map((r) => t(`risks.${r}`)))}</Item>
        <Item label={t('caseFields.tags')}>{list(detail.tags)}</Item>
        <Item label={t('caseFields.priority')}>
          <PriorityBadge priority={detail.priority} />
        </Item>
        <Item label={t('caseFields.status')}>{t(`statuses.${detail.status}`)}</Item>
        {detail.statusReason ? <Item label={t('caseFields.statusReason')}>{detail.statusReason}</Item> : null}
        <Item label={t('caseFields.assignee')}>{detail.assignee?.name ?? t('detail.noAssignee')}</Item>
        <Item label={t('caseFields.consentPublish')}>{detail.consentPublish ? t('common.yes') : t('common.no')}</Item>
        <Item label={t('caseFields.consentShare')}>{detail.consentShare ? t('common.yes') : t('common.no')}</Item>
      </dl>
    </div>
  );
}
