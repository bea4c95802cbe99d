import { Link } from 'react-router';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { useSession } from '../session.js';
import { useCertificationRoles } from './roles.js';

/** Where certification starts: one's own applications for everyone, the review and the register for the association's people. */
export function CertificationHome() {
  const { t } = useI18n();
  const { association } = useSession();
  const roles = useCertificationRoles();
  const cards: Array<{ to: string; key: string; show: boolean }> = [
    { to: '/certification/applications', key: 'mine', show: true },
    { to: '/certification/review', key: 'review', show: roles.reviewsAnywhere },
    { to: '/certification/certificates', key: 'certificates', show: roles.reviewsAnywhere },
    { to: '/certification/schemes', key: 'schemes', show: association !== null },
  ];
  return (
    <Page title={t('web.app.certification.title')}>
      <p className="lead">{t('web.app.certification.lead')}</p>
      <ul className="cards">
        {cards
          .filter((c) => c.show)
          .map((c) => (
            <li key={c.key}>
              <h2>
                <Link to={c.to}>{t(`web.app.certification.home.${c.key}`)}</Link>
              </h2>
              <p>{t(`web.app.certification.home.${c.key}_text`)}</p>
            </li>
          ))}
      </ul>
    </Page>
  );
}
