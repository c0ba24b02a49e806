import { useTranslation } from 'react-i18next';
import { CASE_PAGE_SIZE } from './use-case-page';

interface PagerProps {
  /** Rows on the page in view. */
  rows: number;
  pageIndex: number;
  hasNextPage: boolean;
  loading: boolean;
  onPage: (index: number) => void;
}

export function Pager({ rows, pageIndex, hasNextPage, loading, onPage }: PagerProps) {
  const { t } = useTranslation();
  const from = pageIndex * CASE_PAGE_SIZE + 1;
  const to = pageIndex * CASE_PAGE_SIZE + rows;
  return (
    <nav className="pager" aria-label={t('cases.pagination')}>
      <span className="pager-range">{rows > 0 ? t('cases.range', { from, to }) : ''}</span>
      <button type="button" disabled={loading || pageIndex === 0} onClick={() => onPage(Math.max(0, pageIndex - 1))}>
        {t('cases.previous')}
      </button>
      <button type="button" disabled={loading || !hasNextPage} onClick={() => onPage(pageIndex + 1)}>
        {t('cases.next')}
      </button>
    </nav>
  );
}
