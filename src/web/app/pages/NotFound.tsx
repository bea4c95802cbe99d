import { Link } from 'react-router';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';

export function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('web.error.title_not_found')}>
      <p>{t('web.app.not_found.text')}</p>
      <p>
        <Link to="/">{t('web.app.not_found.home')}</Link>
      </p>
    </Page>
  );
}
