import { useState } from 'react';
import { useParams } from 'react-router';
import { api, toApiError, type ApiError } from '../api.js';
import { pick } from '../catalogue/types.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { ApplicantPanel } from './ApplicantPanel.js';
import { RequirementList } from './RequirementList.js';
import { ReviewPanel } from './ReviewPanel.js';
import { useCertificationRoles } from './roles.js';
import { StatusBadge } from './Status.js';
import type { Application } from './types.js';

function Body({ initial }: { initial: Application }) {
  const { t, locale, formatDateTime, formatNumber } = useI18n();
  const roles = useCertificationRoles();
  const [application, setApplication] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { user } = useSession();
  // Nobody reviews their own application; the server refuses it too.
  const reviewer = roles.canReview(application.associationId) && user.personId !== application.applicant.personId;

  const check = async (requirementId: string, met: boolean, note: string) => {
    setBusy(true);
    setError(null);
    try {
      setApplication(await api.put<Application>(`/applications/${application.id}/checklist/${encodeURIComponent(requirementId)}`, { met, note: note || null }));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="lead">
        <StatusBadge kind="application" status={application.status} /> {application.applicant.fullName}
        {application.applicant.nameLatin && application.applicant.nameLatin !== application.applicant.fullName ? ` (${application.applicant.nameLatin})` : ''}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('web.app.certification.fields.scheme')}</dt>
          <dd>{pick(application.scheme.name, locale)}</dd>
        </div>
        <div>
          <dt>{t('web.app.certification.fields.level')}</dt>
          <dd>{pick(application.level.name, locale)}</dd>
        </div>
        <div>
          <dt>{t('web.app.certification.apply.experience')}</dt>
          <dd>{application.experienceYears === null ? '—' : formatNumber(application.experienceYears)}</dd>
        </div>
        {application.decisionReason ? (
          <div>
            <dt>{t('web.app.certification.detail.decision')}</dt>
            <dd>{application.decisionReason}</dd>
          </div>
        ) : null}
        {application.certificate ? (
          <div>
            <dt>{t('web.app.certification.fields.certificate')}</dt>
            <dd>
              {application.certificate.number} <StatusBadge kind="certificate" status={application.certificate.status} />
              <ul className="certificate-files">
                <li>
                  <a href={`/api/v1/certificates/${application.certificate.id}/certificate.pdf`} download>
                    {t('web.app.certification.detail.download_pdf')}
                  </a>
                </li>
                <li>
                  <a href={`/api/v1/certificates/${application.certificate.id}/credential.json`} download>
                    {t('web.app.certification.detail.download_credential')}
                  </a>
                </li>
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      {application.statement ? <p>{application.statement}</p> : null}
      <section aria-labelledby="requirements-heading">
        <h2 id="requirements-heading">{t('web.app.certification.detail.requirements')}</h2>
        <ErrorMessage error={error} />
        <RequirementList requirements={application.requirements} canCheck={reviewer && application.status === 'in_review'} busy={busy} onCheck={(id, met, note) => void check(id, met, note)} />
      </section>
      {!application.canEdit && application.documents.length > 0 ? (
        <section aria-labelledby="documents-heading">
          <h2 id="documents-heading">{t('web.app.certification.detail.documents')}</h2>
          <ul>
            {application.documents.map((d) => (
              <li key={d.id}>
                {t(`certification.document_type.${d.documentType}`)}: <a href={`${d.downloadUrl}`}>{d.fileName}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ApplicantPanel application={application} onChange={setApplication} />
      {reviewer ? <ReviewPanel application={application} canIssue={roles.canManage(application.associationId)} onChange={setApplication} /> : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('web.app.certification.detail.history')}</h2>
        <ol className="history">
          {application.history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.at}>{formatDateTime(h.at)}</time> — {t(`web.app.certification.history.${h.action}`)}
              {h.actorName ? ` (${h.actorName})` : ''}
              {h.note ? `: ${h.note}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** One application: requirement status and checklist, documents, the steps the reader may take, and its history. */
export function ApplicationDetail() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data, error } = useResource<Application>(`/applications/${id}`);
  return (
    <Page title={t('web.app.certification.detail.title')}>
      <ErrorMessage error={error} />
      {data ? <Body key={data.id} initial={data} /> : error ? null : <Loading />}
    </Page>
  );
}
