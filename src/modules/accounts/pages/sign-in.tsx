import { CsrfField, Field, FormErrors, PublicLayout, type PageContext } from '../../../web/server/layout.js';
import type { FormState } from './form-state.js';

export function SignInPage({ ctx, state, next }: { ctx: PageContext; state: FormState; next: string }) {
  const { tr } = ctx;
  const withNext = next === '/app' ? '' : `?next=${encodeURIComponent(next)}`;
  return (
    <PublicLayout ctx={ctx} title={tr.t('accounts.sign_in.title')}>
      <form method="post" action="/sign-in" className="stacked">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="next" value={next} />
        <FormErrors ctx={ctx} message={state.message} fields={state.fields} />
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={tr.t('fields.email')}
          value={state.values.email}
          error={state.fields?.email}
          required
          autoComplete="username"
        />
        <Field
          ctx={ctx}
          name="password"
          type="password"
          label={tr.t('fields.password')}
          error={state.fields?.password}
          required
          autoComplete="current-password"
        />
        <button type="submit">{tr.t('accounts.sign_in.submit')}</button>
      </form>
      <p>
        <a href="/forgot-password">{tr.t('accounts.sign_in.forgot')}</a>
      </p>
      <p>
        {tr.t('accounts.sign_in.no_account')} <a href={`/sign-up${withNext}`}>{tr.t('accounts.sign_up.title')}</a>
      </p>
    </PublicLayout>
  );
}
