import { Link, useSearchParams } from 'react-router';
import { query } from '../api.js';
import { useCountryName } from '../components/countries.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { Page } from '../components/Page.js';
import { Pager } from '../components/Pager.js';
import { SearchBox } from '../components/SearchBox.js';
import { useI18n } from '../i18n.js';
import { NoAssociation } from '../pages/NoAssociation.js';
import { pageFrom, PAGE_SIZE, type Page as ResultPage } from '../people/types.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import type { Organisation } from './types.js';

export function OrganisationList() {
  const { t } = useI18n();
  const { association } = useSession();
  const countryName = useCountryName();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = pageFrom(params);
  const path = association
    ? `/organisations${query({ associationId: association.id, q, page, pageSize: PAGE_SIZE })}`
    : null;
  const { data, error, loading } = useResource<ResultPage<Organisation>>(path);

  if (!association) return <NoAssociation title={t('web.app.organisations.title')} />;
  return (
    <Page
      title={t('web.app.organisations.title')}
      actions={
        <Link className="button" to="/organisations/new">
          {t('web.app.organisations.new')}
        </Link>
      }
    >
      <SearchBox label={t('web.app.organisations.search_label')} hint={t('web.app.people.search_hint')} />
      <ErrorMessage error={error} />
      <p className="result-count" role="status" aria-busy={loading}>
        {data ? t('web.app.organisations.total', { count: data.total }) : null}
      </p>
      {!data && loading ? <Loading /> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('web.app.organisations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.app.organisations.fields.name')}</th>
                <th scope="col">{t('web.app.organisations.fields.kind')}</th>
                <th scope="col">{t('web.app.organisations.fields.country')}</th>
                <th scope="col">{t('web.app.organisations.fields.city')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((org) => (
                <tr key={org.id}>
                  <th scope="row">
                    <Link to={`/organisations/${org.id}`}>{org.name}</Link>
                    {org.nameLatin && org.nameLatin !== org.name ? <span className="latin">{org.nameLatin}</span> : null}
                  </th>
                  <td>{t(`web.app.kind.${org.kind}`)}</td>
                  <td>{countryName(org.country)}</td>
                  <td>{org.city ?? ''}</td>
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
