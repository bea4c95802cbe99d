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
import type { Project } from './types.js';

/** The donor-funded projects of the association, newest first. */
export function ProjectList() {
  const { t, formatDate } = useI18n();
  const { association } = useSession();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = pageFrom(params);
  const path = association ? `/projects${query({ associationId: association.id, q, page, pageSize: PAGE_SIZE })}` : null;
  const { data, error, loading } = useResource<ResultPage<Project>>(path);

  if (!association) return <NoAssociation title={t('web.app.projects.title')} />;
  const dates = (p: Project) => [p.startsOn, p.endsOn].map((d) => (d ? formatDate(d) : '…')).join(' – ');
  return (
    <Page
      title={t('web.app.projects.title')}
      actions={
        <Link className="button" to="/projects/new">
          {t('web.app.projects.new')}
        </Link>
      }
    >
      <SearchBox label={t('web.app.projects.search_label')} />
      <ErrorMessage error={error} />
      <p className="result-count" role="status" aria-busy={loading}>
        {data ? t('web.app.projects.total', { count: data.total }) : null}
      </p>
      {!data && loading ? <Loading /> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('web.app.projects.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.app.projects.fields.name')}</th>
                <th scope="col">{t('web.app.projects.fields.donor')}</th>
                <th scope="col">{t('web.app.projects.fields.agreementNumber')}</th>
                <th scope="col">{t('web.app.projects.dates')}</th>
                <th scope="col">{t('web.app.projects.fields.partners')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/projects/${p.id}`}>{p.name}</Link>
                  </th>
                  <td>{p.donor}</td>
                  <td>{p.agreementNumber ?? ''}</td>
                  <td>{dates(p)}</td>
                  <td className="num">{p.partners.length}</td>
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
