import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';

/** Shown instead of association records to someone who belongs to no association yet. */
export function NoAssociation({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <Page title={title}>
      <p className="notice">{t('web.app.association.none')}</p>
    </Page>
  );
}
