import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useCountryName } from '../components/countries.js';
import { ErrorMessage, Loading, Notice } from '../components/ErrorMessage.js';
import { MergeDuplicate } from '../components/MergeDuplicate.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { useResource } from '../use-resource.js';
import { usePersonFieldLabels } from './PersonForm.js';
import type { Person, PersonSummary } from './types.js';

function noticeFrom(state: unknown): string | null {
  const notice = (state as { notice?: unknown } | null)?.notice;
  return notice === 'saved' || notice === 'created' ? notice : null;
}

export function PersonDetail() {
  const { t, formatDate } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const labels = usePersonFieldLabels();
  const countryName = useCountryName();
  const { data, error, reload } = useResource<Person>(`/people/${id}`);
  const [merged, setMerged] = useState<string | null>(null);
  const person = data?.id === id ? data : undefined;
  const saved = noticeFrom(location.state);

  const row = (name: string, value: string | null | undefined) => (
    <div key={name}>
      <dt>{labels[name] ?? name}</dt>
      <dd>{value ? value : <span className="muted">{t('web.app.common.not_specified')}</span>}</dd>
    </div>
  );
  const consent = (given: boolean, at: string | null) =>
    given && at ? t('web.app.people.consent_given', { date: formatDate(at) }) : t('web.app.people.consent_not_given');

  return (
    <Page
      title={person ? person.fullName : t('web.app.people.detail_title')}
      actions={
        person ? (
          <Link className="button" to={`/people/${person.id}/edit`}>
            {t('web.app.common.edit')}
          </Link>
        ) : null
      }
    >
      <p>
        <Link to="/people">{t('web.app.people.back')}</Link>
      </p>
      <Notice>
        {merged ? t('web.app.merge.done', { name: merged }) : saved ? t(`web.app.people.${saved}`) : null}
      </Notice>
      <ErrorMessage error={error} />
      {!person && !error ? <Loading /> : null}
      {person ? (
        <>
          <dl className="facts">
            {row('nameLatin', person.nameLatin)}
            {row('gender', t(`web.app.gender.${person.gender}`))}
            {row('birthDate', person.birthDate ? formatDate(person.birthDate) : null)}
            {row('country', countryName(person.country))}
            {row('city', person.city)}
            {row('sector', person.sector ? t(`web.app.sector.${person.sector}`) : null)}
            {row('employerId', person.employerName)}
            {row('position', person.position)}
            {row('email', person.email)}
            {row('phone', person.phone)}
            {row('registryConsent', consent(person.registryConsent, person.registryConsentAt))}
            {row('emailConsent', consent(person.emailConsent, person.emailConsentAt))}
          </dl>
          <p className="muted">
            {t('web.app.common.record_dates', { created: formatDate(person.createdAt), updated: formatDate(person.updatedAt) })}
          </p>
          <MergeDuplicate<PersonSummary>
            collection="/people"
            target={{ id: person.id, label: person.fullName }}
            associationId={person.associationId}
            lead={t('web.app.merge.lead_person')}
            describe={(p) => ({
              label: p.fullName,
              detail: [p.nameLatin, p.employerName, p.city, p.email].filter(Boolean).join(', '),
            })}
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
