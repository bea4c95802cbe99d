import { Link } from 'react-router';
import { query } from '../api.js';
import { pick } from '../catalogue/types.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { NoAssociation } from '../pages/NoAssociation.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { BulkIssue } from './BulkIssue.js';
import { describeRequirement } from './describe.js';
import { useCertificationRoles } from './roles.js';
import { StatusBadge } from './Status.js';
import type { Scheme } from './types.js';

/** The association's certification schemes with their levels and requirements; staff edit them and issue in bulk. */
export function SchemeList() {
  const i18n = useI18n();
  const { t, locale, formatNumber } = i18n;
  const { association } = useSession();
  const roles = useCertificationRoles();
  const { data, error, loading, reload } = useResource<{ items: Scheme[] }>(association ? `/schemes${query({ associationId: association.id })}` : null);

  if (!association) return <NoAssociation title={t('web.app.certification.schemes.title')} />;
  const manage = roles.canManage(association.id);

  return (
    <Page
      title={t('web.app.certification.schemes.title')}
      actions={
        manage ? (
          <Link className="button" to="/certification/schemes/new">
            {t('web.app.certification.schemes.new')}
          </Link>
        ) : undefined
      }
    >
      <ErrorMessage error={error} />
      {!data && loading ? <Loading /> : null}
      {data && data.items.length === 0 ? <p>{t('web.app.certification.schemes.none')}</p> : null}
      {data?.items.map((scheme) => (
        <section key={scheme.id} className="scheme" aria-labelledby={`scheme-${scheme.id}`}>
          <h2 id={`scheme-${scheme.id}`}>
            {pick(scheme.name, locale)} <StatusBadge kind="scheme" status={scheme.status} />
          </h2>
          {pick(scheme.description, locale) ? <p>{pick(scheme.description, locale)}</p> : null}
          <dl className="facts">
            <div>
              <dt>{t('web.app.certification.fields.numberPrefix')}</dt>
              <dd>{scheme.numberPrefix}</dd>
            </div>
            <div>
              <dt>{t('web.app.certification.fields.validityYears')}</dt>
              <dd>{t('web.app.certification.requirement.years', { years: scheme.validityYears })}</dd>
            </div>
            <div>
              <dt>{t('web.app.certification.fields.renewalCpdCredits')}</dt>
              <dd>{formatNumber(scheme.renewalCpdCredits)}</dd>
            </div>
            <div>
              <dt>{t('web.app.certification.fields.fee')}</dt>
              <dd>
                {scheme.fee
                  ? new Intl.NumberFormat(i18n.tag, { style: 'currency', currency: scheme.fee.currency }).format(scheme.fee.amount)
                  : t('web.app.certification.schemes.free')}
              </dd>
            </div>
            <div>
              <dt>{t('web.app.certification.fields.certificateLocales')}</dt>
              <dd>{scheme.certificateLocales.map((l) => t(`language.${l}`)).join(', ')}</dd>
            </div>
          </dl>
          {scheme.levels.map((level) => (
            <div key={level.id}>
              <h3>{pick(level.name, locale)}</h3>
              {level.requirements.length === 0 ? (
                <p className="muted">{t('web.app.certification.schemes.no_requirements')}</p>
              ) : (
                <ul>
                  {level.requirements.map((r) => (
                    <li key={r.id}>{describeRequirement(r, i18n)}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
          {manage ? (
            <div className="row-actions">
              <Link className="button secondary small" to={`/certification/schemes/${scheme.id}/edit`}>
                {t('web.app.common.edit')}
              </Link>
              <BulkIssue schemeId={scheme.id} onDone={reload} />
            </div>
          ) : null}
        </section>
      ))}
    </Page>
  );
}
