import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n.js';

/** Previous / next links that keep the rest of the query (the search) as it is. */
export function Pager({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t } = useI18n();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const to = (target: number) => {
    const params = new URLSearchParams(location.search);
    if (target <= 1) params.delete('page');
    else params.set('page', String(target));
    const search = params.toString();
    return `${location.pathname}${search ? `?${search}` : ''}`;
  };
  return (
    <nav className="pager" aria-label={t('web.app.common.pagination')}>
      {page > 1 ? (
        <Link to={to(page - 1)} rel="prev">
          {t('web.app.common.previous')}
        </Link>
      ) : (
        <span aria-hidden="true" className="pager-off">
          {t('web.app.common.previous')}
        </span>
      )}
      <span>{t('web.app.common.page_of', { page, pages })}</span>
      {page < pages ? (
        <Link to={to(page + 1)} rel="next">
          {t('web.app.common.next')}
        </Link>
      ) : (
        <span aria-hidden="true" className="pager-off">
          {t('web.app.common.next')}
        </span>
      )}
    </nav>
  );
}
