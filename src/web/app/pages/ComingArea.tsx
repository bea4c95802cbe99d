import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import type { ComingArea as Area } from '../shell/Shell.js';

/** An area of the product still being built: says plainly what it will hold. */
export function ComingArea({ area }: { area: Area }) {
  const { t } = useI18n();
  return (
    <Page title={t(`web.nav.${area}`)}>
      <p className="notice">{t('web.app.areas.coming_note')}</p>
      <p className="lead">{t(`web.app.areas.${area}.summary`)}</p>
      <p>{t(`web.app.areas.${area}.details`)}</p>
    </Page>
  );
}
