import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useCountryName } from '../components/countries.js';
import { ErrorMessage, Loading, Notice } from '../components/ErrorMessage.js';
import { MergeDuplicate } from '../components/MergeDuplicate.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { useResource } from '../use-resource.js';
import { useOrganisationFieldLabels } from './OrganisationForm.js';
import type { Organisation } from './types.js';

function noticeFrom(state: unknown): string | null {
  const notice = (state as { notice?: unknown } | null)?.notice;
  return notice === 'saved' || notice === 'created' ? notice : null;
}

export function OrganisationDetail() {
  const { t, formatDate } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const labels = useOrganisationFieldLabels();
  const countryName = useCountryName();
  const { data, error, reload } = useResource<Organisation>(`/organisations/${id}`);
  const [merged, setMerged] = useState<string | null>(null);
  const org = data?.id === id ? data : undefined;
  const saved = noticeFrom(location.state);

  const row = (name: string, value: string | null | undefined) => (
    <div key={name}>
      <dt>{labels[name] ?? name}</dt>
      <dd>{value ? value : <span className="muted">{t('web.app.common.not_specified')}</span>}</dd>
    </div>
  );

  return (
    <Page
      title={org ? org.name : t('web.app.organisations.detail_title')}
      actions={
        org ? (
          <Link className="button" to={`/organisations/${org.id}/edit`}>
            {t('web.app.common.edit')}
          </Link>
        ) : null
      }
    >
      <p>
        <Link to="/organisations">{t('web.app.organisations.back')}</Link>
      </p>
      <Notice>
        {merged ? t('web.app.merge.done', { name: merged }) : saved ? t(`web.app.organisations.${saved}`) : null}
      </Notice>
      <ErrorMessage error={error} />
      {!org && !error ? <Loading /> : null}
      {org ? (
        <>
          <dl className="facts">
            {row('nameLatin', org.nameLatin)}
            {row('kind', t(`web.app.kind.${org.kind}`))}
            {row('country', countryName(org.country))}
            {row('city', org.city)}
            {row('website', org.website)}
            {row('email', org.email)}
            {row('phone', org.phone)}
          </dl>
          <p className="muted">
            {t('web.app.common.record_dates', { created: formatDate(org.createdAt), updated: formatDate(org.updatedAt) })}
          </p>
          <MergeDuplicate<Organisation>
            collection="/organisations"
            target={{ id: org.id, label: org.name }}
            associationId={org.associationId}
            lead={t('web.app.merge.lead_organisation')}
            describe={(o) => ({ label: o.name, detail: [o.nameLatin, o.city, countryName(o.country)].filter(Boolean).join(', ') })}
            onMerged={(label) => {
              setMerged(label);
              reload();
            }}
          />
        </>
      ) : null}
    </Page>
  );
}
