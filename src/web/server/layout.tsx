import type { ReactNode } from 'react';
import { LOCALES, type Locale } from '../../config.js';
import type { Translator } from '../../platform/i18n/catalogue.js';

export interface PageContext {
  tr: Translator;
  locale: Locale;
  /** The path of the current page, for the language switcher to come back to. */
  path: string;
  signedIn: boolean;
  csrfToken?: string;
}

/** The areas of the product, shown in the navigation of every page. */
export const AREAS = ['catalogue', 'events', 'certification', 'registry', 'reports', 'engagement'] as const;

/** Areas with public pages link there; the others open in the signed-in app. */
const PUBLIC_AREA_PATHS: Partial<Record<(typeof AREAS)[number], string>> = { catalogue: '/catalogue', events: '/events' };

export function LanguageSwitcher({ ctx }: { ctx: PageContext }) {
  return (
    <nav className="languages" aria-label={ctx.tr.t('language.choose')}>
      <ul>
        {LOCALES.map((locale) => (
          <li key={locale}>
            <a
              href={`/language/${locale}?next=${encodeURIComponent(ctx.path)}`}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === ctx.locale ? 'true' : undefined}
            >
              {ctx.tr.t(`language.${locale}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function PublicLayout({ ctx, title, children }: { ctx: PageContext; title: string; children: ReactNode }) {
  const { tr } = ctx;
  return (
    <>
      <a className="skip-link" href="#main">
        {tr.t('web.skip_to_content')}
      </a>
      <header className="site-header">
        <a className="brand" href="/">
          <span className="brand-mark" aria-hidden="true">
            U
          </span>
          {tr.t('app.name')}
        </a>
        <nav className="site-nav" aria-label={tr.t('web.nav.label')}>
          <ul>
            {AREAS.map((area) => (
              <li key={area}>
                <a href={PUBLIC_AREA_PATHS[area] ?? `/app/${area}`}>{tr.t(`web.nav.${area}`)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="site-account">
          {ctx.signedIn ? (
            <>
              <a href="/app">{tr.t('web.open_app')}</a>
              {ctx.csrfToken ? (
                <form method="post" action="/sign-out" className="sign-out">
                  <CsrfField ctx={ctx} />
                  <button type="submit" className="secondary">
                    {tr.t('web.sign_out')}
                  </button>
                </form>
              ) : null}
            </>
          ) : (
            <a href={`/sign-in?next=${encodeURIComponent(ctx.path)}`}>{tr.t('web.sign_in')}</a>
          )}
        </div>
        <LanguageSwitcher ctx={ctx} />
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{title}</h1>
        {children}
      </main>
      <footer className="site-footer">
        <p>{tr.t('app.tagline')}</p>
      </footer>
    </>
  );
}

/** A hidden CSRF field for every form that posts. */
export function CsrfField({ ctx }: { ctx: PageContext }) {
  return ctx.csrfToken ? <input type="hidden" name="_csrf" value={ctx.csrfToken} /> : null;
}

/** Field-level error list at the top of a form, linked to the fields, announced to screen readers. */
export function FormErrors({ ctx, message, fields }: { ctx: PageContext; message?: string; fields?: Record<string, string> }) {
  if (!message && !fields) return null;
  return (
    <div className="form-errors" role="alert" tabIndex={-1}>
      {message ? <p>{message}</p> : null}
      {fields ? (
        <ul>
          {Object.entries(fields).map(([name, text]) => (
            <li key={name}>
              <a href={`#field-${name}`}>{ctx.tr.has(`fields.${name}`) ? ctx.tr.t(`fields.${name}`) : name}</a>: {text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export interface FieldProps {
  ctx: PageContext;
  name: string;
  label: string;
  type?: string;
  value?: string;
  error?: string;
  required?: boolean;
  autoComplete?: string;
  hint?: string;
}

/** A labelled input whose error is tied to it with aria-describedby. */
export function Field({ name, label, type = 'text', value, error, required, autoComplete, hint }: FieldProps) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={type === 'password' ? undefined : value}
        required={required}
        autoComplete={autoComplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
