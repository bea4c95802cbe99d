import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../public/site.css';
import './app.css';
import { api, setCsrfToken, setRequestLocale, signInUrl, toApiError } from './api.js';
import { App } from './App.js';
import { I18nProvider, INTL_LOCALE, isLocale, loadCatalogue, LOCALES, type Locale } from './i18n.js';
import { SessionProvider, visibleAssociations, type Association, type SessionInfo } from './session.js';

const LOCALE_COOKIE = 'usta_lang';

/** The language cookie the server sets, then the account's choice, then the browser's languages. */
function startingLocale(accountLocale: string | null): Locale {
  const cookie = document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  if (isLocale(cookie)) return cookie;
  if (isLocale(accountLocale)) return accountLocale;
  for (const tag of navigator.languages) {
    const base = tag.split('-')[0]?.toLowerCase();
    if (isLocale(base)) return base;
  }
  return LOCALES[0];
}

const persistLocale = (locale: Locale) => api.put<void>('/session/locale', { locale });

async function start(root: HTMLElement): Promise<void> {
  const info = await api.get<SessionInfo>('/session');
  setCsrfToken(info.csrfToken);
  const locale = startingLocale(info.user.locale);
  setRequestLocale(locale);
  const [catalogue, associations] = await Promise.all([
    loadCatalogue(locale),
    api.get<{ items: Association[] }>('/associations'),
  ]);
  document.documentElement.lang = INTL_LOCALE[locale];
  createRoot(root).render(
    <StrictMode>
      <I18nProvider initialLocale={locale} initialCatalogue={catalogue} persist={persistLocale}>
        <SessionProvider info={info} associations={visibleAssociations(info, associations.items)}>
          <App />
        </SessionProvider>
      </I18nProvider>
    </StrictMode>,
  );
}

/** When the app cannot start: the reason in the user's language if the catalogue can still be had. */
async function showStartFailure(root: HTMLElement, error: unknown): Promise<void> {
  const failure = toApiError(error);
  if (failure.status === 401) return;
  const locale = startingLocale(null);
  const catalogue = await loadCatalogue(locale).catch(() => null);
  const text = (key: string, fallback: string) => catalogue?.[key] ?? fallback;
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = failure.messageKey
    ? text('web.app.errors.start', 'Usta could not start. Reload the page to try again.')
    : failure.message;
  const link = document.createElement('a');
  link.href = signInUrl();
  link.textContent = text('web.sign_in', 'Sign in');
  document.documentElement.lang = INTL_LOCALE[locale];
  root.replaceChildren(message, link);
}

const root = document.getElementById('root');
if (root) start(root).catch((error: unknown) => showStartFailure(root, error));
