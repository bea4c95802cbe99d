import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { query } from '../api.js';
import { pick } from '../catalogue/types.js';
import { ErrorMessage, Loading, Notice } from '../components/ErrorMessage.js';
import { Page } from '../components/Page.js';
import { Pager } from '../components/Pager.js';
import { SearchBox } from '../components/SearchBox.js';
import { useI18n } from '../i18n.js';
import { pageFrom, PAGE_SIZE, type Page as ResultPage } from '../people/types.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { CertificateActions } from './CertificateActions.js';
import { useCertificationRoles } from './roles.js';
import { StatusBadge } from './Status.js';
import { CERTIFICATE_STATUSES, type Certificate, type Scheme } from './types.js';

/** The association's certificates with filters by status, scheme and holder, and the state changes staff may make. */
export function CertificateList() {
  const { t, locale, formatDate } = useI18n();
  const { association } = useSession();
  const roles = useCertificationRoles();
  const [params, setParams] = useSearchParams();
  const [notice, setNotice] = useState<string | null>(null);
  const status = params.get('status') ?? '';
  const schemeId = params.get('scheme') ?? '';
  const holder = params.get('q') ?? '';
  const page = pageFrom(params);
  const associationId = association?.id;
  const schemes = useResource<{ items: Scheme[] }>(associationId ? `/schemes${query({ associationId })}` : null);
  const { data, error, loading, reload } = useResource<ResultPage<Certificate>>(
    `/certificates${query({ associationId, status, schemeId, holder, page, pageSize: PAGE_SIZE })}`,
  );
  const setParam = (name: string, value: string) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(name, value);
      else next.delete(name);
      next.delete('page');
      return next;
    });
  const manage = roles.canManage(associationId);

  return (
    <Page title={t('web.app.certification.certificates.title')}>
      <Notice>{notice}</Notice>
      <div className="list-filters">
        <SearchBox label={t('web.app.certification.certificates.search_label')} hint={t('web.app.certification.certificates.search_hint')} />
        <div className="field">
          <label htmlFor="filter-status">{t('web.app.certification.fields.status')}</label>
          <select id="filter-status" value={status} onChange={(event) => setParam('status', event.target.value)}>
            <option value="">{t('web.app.certification.review.any')}</option>
            {CERTIFICATE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`certification.certificate_status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-scheme">{t('web.app.certification.fields.scheme')}</label>
          <select id="filter-scheme" value={schemeId} onChange={(event) => setParam('scheme', event.target.value)}>
            <option value="">{t('web.app.certification.certificates.any_scheme')}</option>
            {(schemes.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {pick(s.name, locale)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorMessage error={error} />
      <p className="result-count" role="status" aria-busy={loading}>
        {data ? t('web.app.certification.certificates.total', { count: data.total }) : null}
      </p>
      {!data && loading ? <Loading /> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('web.app.certification.certificates.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.app.certification.fields.number')}</th>
                <th scope="col">{t('web.app.certification.fields.holder')}</th>
                <th scope="col">{t('web.app.certification.fields.scheme')}</th>
                <th scope="col">{t('web.app.certification.fields.status')}</th>
                <th scope="col">{t('web.app.certification.fields.validity')}</th>
                {manage ? <th scope="col">{t('web.app.common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {c.number}
                    <br />
                    <span className="muted">{t('web.app.certification.certificates.code', { code: c.verificationCode })}</span>
                  </th>
                  <td>
                    {c.holder.name}
                    {c.holder.nameLatin && c.holder.nameLatin !== c.holder.name ? <span className="muted"> ({c.holder.nameLatin})</span> : null}
                  </td>
                  <td>
                    {pick(c.scheme.name, locale)} — {pick(c.level.name, locale)}
                  </td>
                  <td>
                    <StatusBadge kind="certificate" status={c.status} />
                    {c.statusReasonCategory ? <span className="muted"> {t(`certification.reason.${c.statusReasonCategory}`)}</span> : null}
                    {c.replacedBy ? <span className="muted"> {t('web.app.certification.certificates.replaced_by', { number: c.replacedBy.number })}</span> : null}
                    {c.replaces ? <span className="muted"> {t('web.app.certification.certificates.replaces', { number: c.replaces.number })}</span> : null}
                  </td>
                  <td>
                    {formatDate(c.issuedOn)} – {formatDate(c.validUntil)}
                  </td>
                  {manage ? (
                    <td>
                      <CertificateActions
                        certificate={c}
                        onChanged={(message) => {
                          setNotice(message);
                          reload();
                        }}
                      />
                    </td>
                  ) : null}
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
