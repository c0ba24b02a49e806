import { useTranslation } from 'react-i18next';
import { AUDIT_PAGE_SIZE } from './use-audit-page';

interface AuditPagerProps {
  total: number;
  pageIndex: number;
  loading: boolean;
  onPage: (index: number) => void;
}

/** Newest entries first: "Newer" goes back towards page one. */
export function AuditPager({ total, pageIndex, loading, onPage }: AuditPagerProps) {
  const { t } = useTranslation();
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const from = total === 0 ? 0 : pageIndex * AUDIT_PAGE_SIZE + 1;
  const to = Math.min(total, (pageIndex + 1) * AUDIT_PAGE_SIZE);
  return (
    <nav className="pager" aria-label={t('audit.pagination')}>
      <span className="pager-range">{total > 0 ? t('audit.range', { from, to, total }) : ''}</span>
      <button type="button" disabled={loading || pageIndex === 0} onClick={() => onPage(Math.max(0, pageIndex - 1))}>
        {t('audit.previous')}
      </button>
      <button type="button" disabled={loading || pageIndex + 1 >= pageCount} onClick={() => onPage(pageIndex + 1)}>
        {t('audit.next')}
      </button>
    </nav>
  );
}
