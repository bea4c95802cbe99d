import type { ReactNode } from 'react';
import { CsrfField, Field, FormErrors, PublicLayout, type PageContext } from '../../../web/server/layout.js';
import { LocaleField, type FormState } from './form-state.js';

export interface AccountFormProps {
  ctx: PageContext;
  state: FormState;
  title: string;
  lead: string;
  action: string;
  submit: string;
  next?: string;
  children?: ReactNode;
}

/** A new account's fields: sign-up and first-run setup ask the same things. */
export function AccountFormPage({ ctx, state, title, lead, action, submit, next, children }: AccountFormProps) {
  const { tr } = ctx;
  const { values, fields } = state;
  return (
    <PublicLayout ctx={ctx} title={title}>
      <p className="lead">{lead}</p>
      <form method="post" action={action} className="stacked">
        <CsrfField ctx={ctx} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <FormErrors ctx={ctx} message={state.message} fields={fields} />
        <Field
          ctx={ctx}
          name="displayName"
          label={tr.t('fields.displayName')}
          value={values.displayName}
          error={fields?.displayName}
          required
          autoComplete="name"
        />
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={tr.t('fields.email')}
          value={values.email}
          error={fields?.email}
          required
          autoComplete="email"
        />
        <Field
          ctx={ctx}
          name="password"
          type="password"
          label={tr.t('fields.password')}
          hint={tr.t('accounts.password_hint')}
          error={fields?.password}
          required
          autoComplete="new-password"
        />
        <Field
          ctx={ctx}
          name="passwordRepeat"
          type="password"
          label={tr.t('fields.passwordRepeat')}
          error={fields?.passwordRepeat}
          required
          autoComplete="new-password"
        />
        <LocaleField ctx={ctx} value={values.locale} error={fields?.locale} />
        <button type="submit">{submit}</button>
      </form>
      {children}
    </PublicLayout>
  );
}
