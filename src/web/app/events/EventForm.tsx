import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, query, toApiError, type ApiError } from '../api.js';
import { compact, TranslatedInput } from '../catalogue/TranslatedInput.js';
import type { Translated } from '../catalogue/types.js';
import { useCountryOptions } from '../components/countries.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { SelectField, TextField, type Option } from '../components/Fields.js';
import { FormErrors } from '../components/FormErrors.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { NoAssociation } from '../pages/NoAssociation.js';
import type { Page as ResultPage } from '../people/types.js';
import type { Project } from '../projects/types.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { COMMON_ZONES, EVENT_KINDS, type EventDetail, type EventKind } from './types.js';

interface Draft {
  title: Translated;
  description: Translated;
  kind: EventKind;
  startsOn: string;
  endsOn: string;
  city: string;
  country: string;
  timeZone: string;
  projectId: string;
}

function draftOf(event: EventDetail | null, zone: string): Draft {
  return {
    title: event?.title ?? {},
    description: event?.description ?? {},
    kind: event?.kind ?? 'training_week',
    startsOn: event?.startsOn ?? '',
    endsOn: event?.endsOn ?? '',
    city: event?.city ?? '',
    country: event?.country ?? '',
    timeZone: event?.timeZone ?? zone,
    projectId: event?.projectId ?? '',
  };
}

/** The association's projects as choices, "none" first. */
export function useProjectOptions(associationId: string): Option[] {
  const { t } = useI18n();
  const { data } = useResource<ResultPage<Project>>(`/projects${query({ associationId, pageSize: 100 })}`);
  return useMemo(() => [{ value: '', label: t('web.app.events.no_project') }, ...(data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.donor})` }))], [data, t]);
}

export function zoneOptions(current: string): Option[] {
  const zones: string[] = [...COMMON_ZONES];
  if (current && !zones.includes(current)) zones.unshift(current);
  return zones.map((z) => ({ value: z, label: z.replace('_', ' ') }));
}

function EventFormBody({ event, associationId, defaultZone }: { event: EventDetail | null; associationId: string; defaultZone: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => draftOf(event, defaultZone));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const projects = useProjectOptions(associationId);
  const countries = useCountryOptions(t('web.app.common.not_specified'));
  const set = <K extends keyof Draft>(name: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [name]: value }));
  const errors = error?.fields ?? {};
  const labels = useMemo(
    () => Object.fromEntries(['title', 'description', 'kind', 'startsOn', 'endsOn', 'city', 'country', 'timeZone', 'projectId', 'slug'].map((n) => [n, t(`web.app.events.fields.${n}`)])),
    [t],
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      title: compact(draft.title),
      description: compact(draft.description),
      kind: draft.kind,
      startsOn: draft.startsOn,
      endsOn: draft.endsOn,
      city: draft.city.trim() || null,
      country: draft.country || null,
      timeZone: draft.timeZone,
      projectId: draft.projectId || null,
    };
    try {
      const saved = event ? await api.patch<EventDetail>(`/events/${event.id}`, body) : await api.post<EventDetail>('/events', { associationId, ...body });
      await navigate(`/events/${saved.id}`, { state: { notice: event ? 'saved' : 'created' } });
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <form className="record-form" noValidate onSubmit={(e) => void submit(e)}>
      <FormErrors error={error} labels={labels} />
      <fieldset>
        <legend>{t('web.app.events.sections.event')}</legend>
        <TranslatedInput name="title" label={labels.title!} value={draft.title} onChange={set('title')} errors={errors} required />
        <TranslatedInput name="description" label={labels.description!} value={draft.description} onChange={set('description')} errors={errors} multiline />
        <SelectField
          name="kind"
          label={labels.kind!}
          value={draft.kind}
          onChange={(v) => set('kind')(v as EventKind)}
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(`web.app.events.kind.${k}`) }))}
          error={errors.kind}
        />
        <SelectField name="projectId" label={labels.projectId!} value={draft.projectId} onChange={set('projectId')} options={projects} error={errors.projectId} />
      </fieldset>
      <fieldset>
        <legend>{t('web.app.events.sections.when_where')}</legend>
        <TextField name="startsOn" type="date" label={labels.startsOn!} value={draft.startsOn} onChange={set('startsOn')} error={errors.startsOn} required />
        <TextField name="endsOn" type="date" label={labels.endsOn!} value={draft.endsOn} onChange={set('endsOn')} error={errors.endsOn} required />
        <TextField name="city" label={labels.city!} value={draft.city} onChange={set('city')} error={errors.city} />
        <SelectField name="country" label={labels.country!} value={draft.country} onChange={set('country')} options={countries} error={errors.country} />
        <SelectField name="timeZone" label={labels.timeZone!} value={draft.timeZone} onChange={set('timeZone')} options={zoneOptions(draft.timeZone)} error={errors.timeZone} />
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('web.app.common.saving') : t('web.app.common.save')}
        </button>
        <Link to={event ? `/events/${event.id}` : '/events'}>{t('web.app.common.cancel')}</Link>
      </div>
    </form>
  );
}

export function NewEvent() {
  const { t } = useI18n();
  const { association } = useSession();
  if (!association) return <NoAssociation title={t('web.app.events.new_event')} />;
  return (
    <Page title={t('web.app.events.new_event')}>
      <EventFormBody key={association.id} event={null} associationId={association.id} defaultZone={association.timeZone} />
    </Page>
  );
}

export function EditEvent() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { data, error } = useResource<EventDetail>(`/events/${id}`);
  const event = data?.id === id ? data : undefined;
  const title = event ? (event.title[locale] ?? event.title.en ?? Object.values(event.title)[0] ?? '') : '';
  return (
    <Page title={t('web.app.events.edit_event', { title })}>
      <ErrorMessage error={error} />
      {event ? <EventFormBody key={event.updatedAt} event={event} associationId={event.associationId} defaultZone={event.timeZone} /> : error ? null : <Loading />}
    </Page>
  );
}
