import { useTranslation } from 'react-i18next';
import { CASE_PAGE_SIZE } from './use-case-page';

interface PagerProps {
  total: number;
  pageIndex: number;
  loading: boolean;
  onPage: (index: number) => void;
}

export function Pager({ total, pageIndex, loading, onPage }: PagerProps) {
  const { t } = useTranslation();
  const pageCount = Math.max(1, Math.ceil(total / CASE_PAGE_SIZE));
  const from = total === 0 ? 0 : pageIndex * CASE_PAGE_SIZE + 1;
  const to = Math.min(total, (pageIndex + 1) * CASE_PAGE_SIZE);
  return (
    <nav className="pager" aria-label={t('cases.pagination')}>
      <span className="pager-range">{total > 0 ? t('cases.range', { from, to }) : ''}</span>
      <button type="button" disabled={loading || pageIndex === 0} onClick={() => onPage(Math.max(0, pageIndex - 1))}>
        {t('cases.previous')}
      </button>
      <button type="button" disabled={loading || pageIndex + 1 >= pageCount} onClick={() => onPage(pageIndex + 1)}>
        {t('cases.next')}
      </button>
    </nav>
  );
}
