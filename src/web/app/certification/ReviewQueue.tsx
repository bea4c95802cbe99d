import { Link, useSearchParams } from 'react-router';
import { pick } from '../catalogue/types.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { Page } from '../components/Page.js';
import { Pager } from '../components/Pager.js';
import { useI18n } from '../i18n.js';
import { pageFrom, PAGE_SIZE, type Page as ResultPage } from '../people/types.js';
import { useResource } from '../use-resource.js';
import { StatusBadge } from './Status.js';
import { APPLICATION_STATUSES, type ApplicationSummary } from './types.js';

/** Applications the signed-in assessor may review, oldest submission first; waiting ones unless another status is chosen. */
export function ReviewQueue() {
  const { t, locale, formatDate } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'waiting';
  const page = pageFrom(params);
  const statuses = status === 'waiting' ? ['submitted', 'in_review'] : status ? [status] : [];
  const search = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  for (const s of statuses) search.append('status', s);
  const { data, error, loading } = useResource<ResultPage<ApplicationSummary>>(`/applications?${search.toString()}`);

  return (
    <Page title={t('web.app.certification.review.title')}>
      <div className="list-filters">
        <div className="field">
          <label htmlFor="filter-status">{t('web.app.certification.fields.status')}</label>
          <select
            id="filter-status"
            value={status}
            onChange={(event) =>
              setParams(() => {
                const next = new URLSearchParams();
                next.set('status', event.target.value);
                return next;
              })
            }
          >
            <option value="waiting">{t('web.app.certification.review.waiting')}</option>
            <option value="">{t('web.app.certification.review.any')}</option>
            {APPLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`certification.application_status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorMessage error={error} />
      <p className="result-count" role="status" aria-busy={loading}>
        {data ? t('web.app.certification.review.total', { count: data.total }) : null}
      </p>
      {!data && loading ? <Loading /> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('web.app.certification.review.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.app.certification.fields.applicant')}</th>
                <th scope="col">{t('web.app.certification.fields.scheme')}</th>
                <th scope="col">{t('web.app.certification.fields.level')}</th>
                <th scope="col">{t('web.app.certification.fields.status')}</th>
                <th scope="col">{t('web.app.certification.fields.submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/certification/applications/${a.id}`}>{a.applicant.fullName}</Link>
                    {a.applicant.nameLatin && a.applicant.nameLatin !== a.applicant.fullName ? <span className="muted"> ({a.applicant.nameLatin})</span> : null}
                  </th>
                  <td>{pick(a.scheme.name, locale)}</td>
                  <td>{pick(a.level.name, locale)}</td>
                  <td>
                    <StatusBadge kind="application" status={a.status} />
                  </td>
                  <td>{a.submittedAt ? formatDate(a.submittedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data ? <Pager page={data.page} pageSize={data.pageSize} total={data.total} /> : null}
    </Page>
  );
}
