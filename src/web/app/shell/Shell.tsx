import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n.js';
import { AssociationPicker } from './AssociationPicker.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { UserMenu } from './UserMenu.js';

/** The areas that work today, then the areas still to come (each has a page saying what it will hold). */
export const WORK_AREAS = ['people', 'organisations', 'import', 'catalogue', 'projects', 'events', 'certification'] as const;
export const COMING_AREAS = ['registry', 'reports', 'engagement'] as const;
export type ComingArea = (typeof COMING_AREAS)[number];

/** After each navigation, focus goes to the new page's heading, as a full page load would announce it. */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const last = useRef(pathname);
  useEffect(() => {
    if (last.current === pathname) return;
    last.current = pathname;
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [pathname]);
}

export function Shell() {
  const { t } = useI18n();
  useFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('web.skip_to_content')}
      </a>
      <header className="site-header app-header">
        <Link className="brand" to="/">
          <span className="brand-mark" aria-hidden="true">
            U
          </span>
          {t('app.name')}
        </Link>
        <div className="header-tools">
          <AssociationPicker />
          <LanguageSwitcher />
          <UserMenu />
        </div>
        <nav className="app-nav" aria-label={t('web.nav.label')}>
          <ul>
            {WORK_AREAS.map((area) => (
              <li key={area}>
                <NavLink to={`/${area}`}>{t(`web.app.nav.${area}`)}</NavLink>
              </li>
            ))}
            {COMING_AREAS.map((area, index) => (
              <li key={area} className={index === 0 ? 'coming coming-first' : 'coming'}>
                <NavLink to={`/${area}`}>{t(`web.nav.${area}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.tagline')}</p>
      </footer>
    </>
  );
}
