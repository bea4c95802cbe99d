import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, query, toApiError, type ApiError } from '../api.js';
import { useCountryOptions } from '../components/countries.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { CheckboxField, SelectField, TextField, type Option } from '../components/Fields.js';
import { FormErrors } from '../components/FormErrors.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import type { Organisation } from '../organisations/types.js';
import { NoAssociation } from '../pages/NoAssociation.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { GENDERS, SECTORS, type Page as ResultPage, type Person } from './types.js';

const TEXT_FIELDS = ['fullName', 'nameLatin', 'birthDate', 'country', 'city', 'sector', 'employerId', 'position', 'email', 'phone'] as const;
type TextFieldName = (typeof TEXT_FIELDS)[number];

type Draft = Record<TextFieldName, string> & {
  gender: Person['gender'];
  registryConsent: boolean;
  emailConsent: boolean;
};

function draftOf(person: Person | null): Draft {
  const draft = { gender: person?.gender ?? 'not_stated', registryConsent: person?.registryConsent ?? false, emailConsent: person?.emailConsent ?? false } as Draft;
  for (const name of TEXT_FIELDS) draft[name] = person?.[name] ?? '';
  return draft;
}

/** A new record leaves empty fields out; an edit sends them as null, which clears them. */
function bodyOf(draft: Draft, editing: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    gender: draft.gender,
    registryConsent: draft.registryConsent,
    emailConsent: draft.emailConsent,
  };
  for (const name of TEXT_FIELDS) {
    const value = draft[name].trim();
    if (value) body[name] = value;
    else if (editing) body[name] = null;
  }
  return body;
}

export const PERSON_FIELDS = [...TEXT_FIELDS, 'gender', 'registryConsent', 'emailConsent'] as const;

export function usePersonFieldLabels(): Record<string, string> {
  const { t } = useI18n();
  return useMemo(() => Object.fromEntries(PERSON_FIELDS.map((name) => [name, t(`web.app.people.fields.${name}`)])), [t]);
}

function useEmployerOptions(associationId: string, current: Person | null): Option[] {
  const { t } = useI18n();
  const { data } = useResource<ResultPage<Organisation>>(`/organisations${query({ associationId, pageSize: 100 })}`);
  return useMemo(() => {
    const options: Option[] = [{ value: '', label: t('web.app.people.no_employer') }];
    for (const org of data?.items ?? []) options.push({ value: org.id, label: org.name });
    if (current?.employerId && !options.some((o) => o.value === current.employerId)) {
      options.push({ value: current.employerId, label: current.employerName ?? current.employerId });
    }
    return options;
  }, [data, current, t]);
}

function PersonFormBody({ person, associationId }: { person: Person | null; associationId: string }) {
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  const labels = usePersonFieldLabels();
  const [draft, setDraft] = useState<Draft>(() => draftOf(person));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const countries = useCountryOptions(t('web.app.common.not_specified'));
  const employers = useEmployerOptions(associationId, person);

  const set = <K extends keyof Draft>(name: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [name]: value }));
  const err = (name: string) => error?.fields[name];
  const text = (name: TextFieldName, extra: { type?: 'text' | 'email' | 'tel' | 'date'; autoComplete?: string; hint?: string; required?: boolean } = {}) => (
    <TextField name={name} label={labels[name] ?? name} value={draft[name]} onChange={set(name)} error={err(name)} {...extra} />
  );
  const consentHint = (at: string | null | undefined) =>
    at ? t('web.app.people.consent_given', { date: formatDate(at) }) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = person
        ? await api.patch<Person>(`/people/${person.id}`, bodyOf(draft, true))
        : await api.post<Person>('/people', { associationId, ...bodyOf(draft, false) });
      await navigate(`/people/${saved.id}`, { state: { notice: person ? 'saved' : 'created' } });
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <form className="record-form" noValidate onSubmit={(event) => void submit(event)}>
      <FormErrors error={error} labels={labels} />
      <fieldset>
        <legend>{t('web.app.people.sections.identity')}</legend>
        {text('fullName', { required: true, autoComplete: 'off' })}
        {text('nameLatin', { hint: t('web.app.people.hints.nameLatin'), autoComplete: 'off' })}
        <SelectField
          name="gender"
          label={labels.gender ?? 'gender'}
          value={draft.gender}
          onChange={(value) => set('gender')(value as Person['gender'])}
          options={GENDERS.map((g) => ({ value: g, label: t(`web.app.gender.${g}`) }))}
          error={err('gender')}
        />
        {text('birthDate', { type: 'date' })}
        <SelectField name="country" label={labels.country ?? 'country'} value={draft.country} onChange={set('country')} options={countries} error={err('country')} />
        {text('city')}
      </fieldset>
      <fieldset>
        <legend>{t('web.app.people.sections.work')}</legend>
        <SelectField
          name="sector"
          label={labels.sector ?? 'sector'}
          value={draft.sector}
          onChange={set('sector')}
          options={[{ value: '', label: t('web.app.common.not_specified') }, ...SECTORS.map((s) => ({ value: s, label: t(`web.app.sector.${s}`) }))]}
          error={err('sector')}
        />
        <SelectField name="employerId" label={labels.employerId ?? 'employerId'} value={draft.employerId} onChange={set('employerId')} options={employers} error={err('employerId')} />
        {text('position')}
      </fieldset>
      <fieldset>
        <legend>{t('web.app.people.sections.contact')}</legend>
        {text('email', { type: 'email', autoComplete: 'off' })}
        {text('phone', { type: 'tel', autoComplete: 'off' })}
      </fieldset>
      <fieldset>
        <legend>{t('web.app.people.sections.consents')}</legend>
        <CheckboxField
          name="registryConsent"
          label={labels.registryConsent ?? 'registryConsent'}
          checked={draft.registryConsent}
          onChange={set('registryConsent')}
          hint={consentHint(person?.registryConsentAt)}
          error={err('registryConsent')}
        />
        <CheckboxField
          name="emailConsent"
          label={labels.emailConsent ?? 'emailConsent'}
          checked={draft.emailConsent}
          onChange={set('emailConsent')}
          hint={consentHint(person?.emailConsentAt)}
          error={err('emailConsent')}
        />
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('web.app.common.saving') : t('web.app.common.save')}
        </button>
        <Link to={person ? `/people/${person.id}` : '/people'}>{t('web.app.common.cancel')}</Link>
      </div>
    </form>
  );
}

export function NewPerson() {
  const { t } = useI18n();
  const { association } = useSession();
  if (!association) return <NoAssociation title={t('web.app.people.new_title')} />;
  return (
    <Page title={t('web.app.people.new_title')}>
      <PersonFormBody key={association.id} person={null} associationId={association.id} />
    </Page>
  );
}

export function EditPerson() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data, error } = useResource<Person>(`/people/${id}`);
  const person = data?.id === id ? data : undefined;
  return (
    <Page title={person ? t('web.app.people.edit_title', { name: person.fullName }) : t('web.app.people.edit_title_plain')}>
      <ErrorMessage error={error} />
      {person ? <PersonFormBody key={person.updatedAt} person={person} associationId={person.associationId} /> : error ? null : <Loading />}
    </Page>
  );
}
