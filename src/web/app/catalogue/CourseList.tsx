import { Link, useSearchParams } from 'react-router';
import { query } from '../api.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { Page } from '../components/Page.js';
import { Pager } from '../components/Pager.js';
import { SearchBox } from '../components/SearchBox.js';
import { useI18n } from '../i18n.js';
import { NoAssociation } from '../pages/NoAssociation.js';
import { pageFrom, PAGE_SIZE, type Page as ResultPage } from '../people/types.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { COURSE_STATUSES, pick, type CourseSummary } from './types.js';

/** The association's courses in every status, searchable by title (any language) or code. */
export function CourseList() {
  const { t, locale, formatNumber } = useI18n();
  const { association } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const programmeId = params.get('programme') ?? '';
  const page = pageFrom(params);
  const path = association ? `/courses${query({ associationId: association.id, programmeId, q, status, page, pageSize: PAGE_SIZE })}` : null;
  const { data, error, loading } = useResource<ResultPage<CourseSummary>>(path);

  if (!association) return <NoAssociation title={t('web.app.catalogue.title')} />;
  const setStatus = (value: string) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set('status', value);
      else next.delete('status');
      next.delete('page');
      return next;
    });

  return (
    <Page
      title={t('web.app.catalogue.title')}
      actions={
        <>
          <Link className="button secondary" to="/catalogue/programmes">
            {t('web.app.catalogue.programmes.title')}
          </Link>
          <Link className="button" to="/catalogue/new">
            {t('web.app.catalogue.new')}
          </Link>
        </>
      }
    >
      <p>
        <a href="/catalogue">{t('web.app.catalogue.public_link')}</a>
      </p>
      <div className="list-filters">
        <SearchBox label={t('web.app.catalogue.search_label')} hint={t('web.app.catalogue.search_hint')} />
        <div className="field">
          <label htmlFor="filter-status">{t('web.app.catalogue.fields.status')}</label>
          <select id="filter-status" value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">{t('web.app.catalogue.any_status')}</option>
            {COURSE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`catalogue.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorMessage error={error} />
      <p className="result-count" role="status" aria-busy={loading}>
        {data ? t('web.app.catalogue.total', { count: data.total }) : null}
      </p>
      {!data && loading ? <Loading /> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('web.app.catalogue.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.app.catalogue.fields.title')}</th>
                <th scope="col">{t('web.app.catalogue.fields.code')}</th>
                <th scope="col">{t('web.app.catalogue.fields.hours')}</th>
                <th scope="col">{t('web.app.catalogue.fields.cpdCredits')}</th>
                <th scope="col">{t('web.app.catalogue.fields.eqfLevel')}</th>
                <th scope="col">{t('web.app.catalogue.fields.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((course) => (
                  <tr key={course.id}>
                    <th scope="row">
                      <Link to={`/catalogue/courses/${course.id}`}>{pick(course.title, locale)}</Link>
                    </th>
                    <td>{course.code}</td>
                    <td className="num">{formatNumber(course.hours)}</td>
                    <td className="num">{formatNumber(course.cpdCredits)}</td>
                    <td className="num">{course.eqfLevel ?? '—'}</td>
                    <td>
                      <span className={`status status-${course.status}`}>{t(`catalogue.status.${course.status}`)}</span>
                    </td>
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
