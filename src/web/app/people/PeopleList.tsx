import { Link, useSearchParams } from 'react-router';
import { query } from '../api.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { Page } from '../components/Page.js';
import { Pager } from '../components/Pager.js';
import { SearchBox } from '../components/SearchBox.js';
import { useI18n } from '../i18n.js';
import { NoAssociation } from '../pages/NoAssociation.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { pageFrom, PAGE_SIZE, type Page as ResultPage, type PersonSummary } from './types.js';

export function PeopleList() {
  const { t } = useI18n();
  const { association } = useSession();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = pageFrom(params);
  const path = association
    ? `/people${query({ associationId: association.id, q, page, pageSize: PAGE_SIZE })}`
    : null;
  const { data, error, loading } = useResource<ResultPage<PersonSummary>>(path);

  if (!association) return <NoAssociation title={t('web.app.people.title')} />;
  return (
    <Page
      title={t('web.app.people.title')}
      actions={
        <Link className="button" to="/people/new">
          {t('web.app.people.new')}
        </Link>
      }
    >
      <SearchBox label={t('web.app.people.search_label')} hint={t('web.app.people.search_hint')} />
      <ErrorMessage error={error} />
      <p className="result-count" role="status" aria-busy={loading}>
        {data ? t('web.app.people.total', { count: data.total }) : null}
      </p>
      {!data && loading ? <Loading /> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('web.app.people.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.app.people.columns.name')}</th>
                <th scope="col">{t('web.app.people.columns.organisation')}</th>
                <th scope="col">{t('web.app.people.columns.city')}</th>
                <th scope="col">{t('web.app.people.columns.sector')}</th>
                <th scope="col">{t('web.app.people.columns.gender')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((person) => (
                <tr key={person.id}>
                  <th scope="row">
                    <Link to={`/people/${person.id}`}>{person.fullName}</Link>
                    {person.nameLatin && person.nameLatin !== person.fullName ? (
                      <span className="latin" lang="und-Latn">
                        {person.nameLatin}
                      </span>
                    ) : null}
                  </th>
                  <td>{person.employerName ?? ''}</td>
                  <td>{person.city ?? ''}</td>
                  <td>{person.sector ? t(`web.app.sector.${person.sector}`) : ''}</td>
                  <td>{t(`web.app.gender.${person.gender}`)}</td>
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
