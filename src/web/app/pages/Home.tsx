import { Link } from 'react-router';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { useSession } from '../session.js';
import { COMING_AREAS, WORK_AREAS } from '../shell/Shell.js';

export function Home() {
  const { t } = useI18n();
  const { user, association } = useSession();
  return (
    <Page title={t('web.app.home.title', { name: user.displayName })}>
      <p className="lead">
        {association ? t('web.app.home.lead', { association: association.name }) : t('web.app.association.none')}
      </p>
      <ul className="cards">
        {WORK_AREAS.map((area) => (
          <li key={area}>
            <h2>
              <Link to={`/${area}`}>{t(`web.app.nav.${area}`)}</Link>
            </h2>
            <p>{t(`web.app.home.${area}_text`)}</p>
          </li>
        ))}
      </ul>
      <h2>{t('web.app.home.coming_title')}</h2>
      <ul className="cards cards-quiet">
        {COMING_AREAS.map((area) => (
          <li key={area}>
            <h3>
              <Link to={`/${area}`}>{t(`web.nav.${area}`)}</Link>
            </h3>
            <p>{t(`web.app.areas.${area}.summary`)}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
