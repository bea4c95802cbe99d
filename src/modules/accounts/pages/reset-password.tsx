import { CsrfField, Field, FormErrors, PublicLayout, type PageContext } from '../../../web/server/layout.js';
import type { FormState } from './form-state.js';

/** `token` null: the link is not (or no longer) valid, and the page says so instead of showing the form. */
export function ResetPasswordPage({ ctx, state, token }: { ctx: PageContext; state: FormState; token: string | null }) {
  const { tr } = ctx;
  const title = tr.t('accounts.reset.title');
  if (token === null) {
    return (
      <PublicLayout ctx={ctx} title={title}>
        <FormErrors ctx={ctx} message={tr.t('errors.invalid_token')} />
        <p>
          <a href="/forgot-password">{tr.t('accounts.reset.new_link')}</a>
        </p>
      </PublicLayout>
    );
  }
  return (
    <PublicLayout ctx={ctx} title={title}>
      <p className="lead">{tr.t('accounts.reset.lead')}</p>
      <form method="post" action="/reset-password" className="stacked">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="token" value={token} />
        <FormErrors ctx={ctx} message={state.message} fields={state.fields} />
        <Field
          ctx={ctx}
          name="password"
          type="password"
          label={tr.t('fields.newPassword')}
          hint={tr.t('accounts.password_hint')}
          error={state.fields?.password}
          required
          autoComplete="new-password"
        />
        <Field
          ctx={ctx}
          name="passwordRepeat"
          type="password"
          label={tr.t('fields.passwordRepeat')}
          error={state.fields?.passwordRepeat}
          required
          autoComplete="new-password"
        />
        <button type="submit">{tr.t('accounts.reset.submit')}</button>
      </form>
    </PublicLayout>
  );
}
