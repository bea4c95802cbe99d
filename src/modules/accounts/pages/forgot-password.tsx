import { CsrfField, Field, FormErrors, PublicLayout, type PageContext } from '../../../web/server/layout.js';
import type { FormState } from './form-state.js';

export function ForgotPasswordPage({ ctx, state, sent }: { ctx: PageContext; state: FormState; sent: boolean }) {
  const { tr } = ctx;
  return (
    <PublicLayout ctx={ctx} title={tr.t('accounts.forgot.title')}>
      {sent ? (
        <p className="notice" role="status">
          {tr.t('accounts.forgot.sent')}
        </p>
      ) : (
        <>
          <p className="lead">{tr.t('accounts.forgot.lead')}</p>
          <form method="post" action="/forgot-password" className="stacked">
            <CsrfField ctx={ctx} />
            <FormErrors ctx={ctx} message={state.message} fields={state.fields} />
            <Field
              ctx={ctx}
              name="email"
              type="email"
              label={tr.t('fields.email')}
              value={state.values.email}
              error={state.fields?.email}
              required
              autoComplete="email"
            />
            <button type="submit">{tr.t('accounts.forgot.submit')}</button>
          </form>
        </>
      )}
      <p>
        <a href="/sign-in">{tr.t('accounts.forgot.back')}</a>
      </p>
    </PublicLayout>
  );
}
