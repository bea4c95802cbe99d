import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, toApiError, type ApiError } from '../api.js';
import { useCountryOptions } from '../components/countries.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { SelectField, TextField } from '../components/Fields.js';
import { FormErrors } from '../components/FormErrors.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { NoAssociation } from '../pages/NoAssociation.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { ORGANISATION_KINDS, type Organisation } from './types.js';

const TEXT_FIELDS = ['name', 'nameLatin', 'country', 'city', 'website', 'email', 'phone'] as const;
type TextFieldName = (typeof TEXT_FIELDS)[number];
type Draft = Record<TextFieldName, string> & { kind: Organisation['kind'] };

export const ORGANISATION_FIELDS = [...TEXT_FIELDS, 'kind'] as const;

export function useOrganisationFieldLabels(): Record<string, string> {
  const { t } = useI18n();
  return useMemo(
    () => Object.fromEntries(ORGANISATION_FIELDS.map((name) => [name, t(`web.app.organisations.fields.${name}`)])),
    [t],
  );
}

function draftOf(org: Organisation | null): Draft {
  const draft = { kind: org?.kind ?? 'company' } as Draft;
  for (const name of TEXT_FIELDS) draft[name] = org?.[name] ?? '';
  return draft;
}

/** A new record leaves empty fields out; an edit sends them as null, which clears them. */
function bodyOf(draft: Draft, editing: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: draft.kind };
  for (const name of TEXT_FIELDS) {
    const value = draft[name].trim();
    if (value) body[name] = value;
    else if (editing) body[name] = null;
  }
  return body;
}

function OrganisationFormBody({ org, associationId }: { org: Organisation | null; associationId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const labels = useOrganisationFieldLabels();
  const countries = useCountryOptions(t('web.app.common.not_specified'));
  const [draft, setDraft] = useState<Draft>(() => draftOf(org));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof Draft>(name: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [name]: value }));
  const text = (name: TextFieldName, extra: { type?: 'text' | 'email' | 'tel' | 'url'; required?: boolean } = {}) => (
    <TextField name={name} label={labels[name] ?? name} value={draft[name]} onChange={set(name)} error={error?.fields[name]} autoComplete="off" {...extra} />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = org
        ? await api.patch<Organisation>(`/organisations/${org.id}`, bodyOf(draft, true))
        : await api.post<Organisation>('/organisations', { associationId, ...bodyOf(draft, false) });
      await navigate(`/organisations/${saved.id}`, { state: { notice: org ? 'saved' : 'created' } });
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <form className="record-form" noValidate onSubmit={(event) => void submit(event)}>
      <FormErrors error={error} labels={labels} />
      <fieldset>
        <legend>{t('web.app.organisations.sections.identity')}</legend>
        {text('name', { required: true })}
        {text('nameLatin')}
        <SelectField
          name="kind"
          label={labels.kind ?? 'kind'}
          value={draft.kind}
          onChange={(value) => set('kind')(value as Organisation['kind'])}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`web.app.kind.${k}`) }))}
          error={error?.fields.kind}
        />
        <SelectField name="country" label={labels.country ?? 'country'} value={draft.country} onChange={set('country')} options={countries} error={error?.fields.country} />
        {text('city')}
      </fieldset>
      <fieldset>
        <legend>{t('web.app.organisations.sections.contact')}</legend>
        {text('website', { type: 'url' })}
        {text('email', { type: 'email' })}
        {text('phone', { type: 'tel' })}
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('web.app.common.saving') : t('web.app.common.save')}
        </button>
        <Link to={org ? `/organisations/${org.id}` : '/organisations'}>{t('web.app.common.cancel')}</Link>
      </div>
    </form>
  );
}

export function NewOrganisation() {
  const { t } = useI18n();
  const { association } = useSession();
  if (!association) return <NoAssociation title={t('web.app.organisations.new_title')} />;
  return (
    <Page title={t('web.app.organisations.new_title')}>
      <OrganisationFormBody key={association.id} org={null} associationId={association.id} />
    </Page>
  );
}

export function EditOrganisation() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data, error } = useResource<Organisation>(`/organisations/${id}`);
  const org = data?.id === id ? data : undefined;
  return (
    <Page title={org ? t('web.app.organisations.edit_title', { name: org.name }) : t('web.app.organisations.edit_title_plain')}>
      <ErrorMessage error={error} />
      {org ? <OrganisationFormBody key={org.updatedAt} org={org} associationId={org.associationId} /> : error ? null : <Loading />}
    </Page>
  );
}
