import { LOCALES, type Locale } from '../../../config.js';
import { INTL_LOCALE } from '../../../platform/i18n/catalogue.js';
import { CsrfField, Field, FormErrors, type PageContext } from '../../../web/server/layout.js';
import { isCountryCode } from '../../people/countries.js';
import { GENDERS, SECTORS } from '../../people/tables.js';
import type { RegistrationState } from '../registration-window.js';
import { CheckboxField, SelectField } from './form-parts.js';

/** What the form shows: the values typed, and the problems found with them. */
export interface RegistrationFormState {
  values: Record<string, string>;
  message?: string;
  fields?: Record<string, string>;
}

const countryLists = new Map<Locale, Array<{ value: string; label: string }>>();

/** Every country, named in the reader's language, in their alphabetical order. */
function countryOptions(locale: Locale): Array<{ value: string; label: string }> {
  let list = countryLists.get(locale);
  if (list) return list;
  const names = new Intl.DisplayNames([INTL_LOCALE[locale]], { type: 'region' });
  list = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (isCountryCode(code)) list.push({ value: code, label: names.of(code) ?? code });
    }
  }
  const collator = new Intl.Collator(INTL_LOCALE[locale]);
  list.sort((x, y) => collator.compare(x.label, y.label));
  countryLists.set(locale, list);
  return list;
}

export interface RegistrationPanelProps {
  ctx: PageContext;
  action: string;
  state: RegistrationState;
  seatsLeft: number;
  /** When registration opens, worded for the reader (for a window not open yet). */
  opensAt?: string;
  /** Made when the page is rendered; a double submit or a retry sends it again and gets the same registration. */
  idempotencyKey: string;
  form: RegistrationFormState;
}

/** The public registration form, or why one cannot register now. */
export function RegistrationPanel({ ctx, action, state, seatsLeft, opensAt, idempotencyKey, form }: RegistrationPanelProps) {
  const { tr, locale } = ctx;
  if (state === 'cancelled' || state === 'draft') return null;
  if (state === 'not_yet_open') {
    return (
      <section aria-labelledby="register-heading" className="register">
        <h2 id="register-heading">{tr.t('registration.form.title')}</h2>
        <p className="notice">{tr.t('registration.form.not_yet_open', { date: opensAt ?? '' })}</p>
      </section>
    );
  }
  if (state === 'closed') {
    return (
      <section aria-labelledby="register-heading" className="register">
        <h2 id="register-heading">{tr.t('registration.form.title')}</h2>
        <p className="notice">{tr.t('registration.form.closed')}</p>
      </section>
    );
  }
  const full = seatsLeft <= 0;
  const { values, fields } = form;
  const none = { value: '', label: tr.t('registration.form.not_stated') };
  return (
    <section aria-labelledby="register-heading" className="register">
      <h2 id="register-heading">{full ? tr.t('registration.form.waitlist_title') : tr.t('registration.form.title')}</h2>
      <p>{full ? tr.t('registration.form.waitlist_lead') : tr.t('registration.form.lead')}</p>
      <form method="post" action={action} className="stacked" noValidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <FormErrors ctx={ctx} message={form.message} fields={fields} />
        <Field ctx={ctx} name="fullName" label={tr.t('registration.form.fullName')} hint={tr.t('registration.form.fullName_hint')} value={values.fullName} error={fields?.fullName} required autoComplete="name" />
        <Field ctx={ctx} name="nameLatin" label={tr.t('registration.form.nameLatin')} hint={tr.t('registration.form.nameLatin_hint')} value={values.nameLatin} error={fields?.nameLatin} autoComplete="off" />
        <Field ctx={ctx} name="email" type="email" label={tr.t('registration.form.email')} value={values.email} error={fields?.email} required autoComplete="email" />
        <SelectField
          name="gender"
          label={tr.t('registration.form.gender')}
          hint={tr.t('registration.form.gender_hint')}
          value={values.gender ?? ''}
          options={[none, ...GENDERS.filter((g) => g !== 'not_stated').map((g) => ({ value: g, label: tr.t(`people.gender.${g}`) }))]}
          error={fields?.gender}
        />
        <SelectField name="country" label={tr.t('registration.form.country')} value={values.country ?? ''} options={[none, ...countryOptions(locale)]} error={fields?.country} />
        <Field ctx={ctx} name="city" label={tr.t('registration.form.city')} value={values.city} error={fields?.city} autoComplete="address-level2" />
        <Field ctx={ctx} name="organisation" label={tr.t('registration.form.organisation')} value={values.organisation} error={fields?.organisation} autoComplete="organization" />
        <SelectField
          name="sector"
          label={tr.t('registration.form.sector')}
          value={values.sector ?? ''}
          options={[none, ...SECTORS.map((s) => ({ value: s, label: tr.t(`people.sector.${s}`) }))]}
          error={fields?.sector}
        />
        <SelectField
          name="locale"
          label={tr.t('registration.form.locale')}
          hint={tr.t('registration.form.locale_hint')}
          value={values.locale ?? locale}
          options={LOCALES.map((l) => ({ value: l, label: tr.t(`language.${l}`), lang: l }))}
          error={fields?.locale}
        />
        <fieldset className="consents">
          <legend>{tr.t('registration.form.consents')}</legend>
          <CheckboxField name="privacyConsent" label={tr.t('registration.form.privacyConsent')} checked={values.privacyConsent === 'yes'} error={fields?.privacyConsent} required />
          <CheckboxField name="emailConsent" label={tr.t('registration.form.emailConsent')} checked={values.emailConsent === 'yes'} error={fields?.emailConsent} />
          <CheckboxField name="registryConsent" label={tr.t('registration.form.registryConsent')} checked={values.registryConsent === 'yes'} error={fields?.registryConsent} />
        </fieldset>
        <button type="submit">{full ? tr.t('registration.form.join_waitlist') : tr.t('registration.form.submit')}</button>
      </form>
    </section>
  );
}
