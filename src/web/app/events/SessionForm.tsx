import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, query, toApiError, type ApiError } from '../api.js';
import { pick, type CourseSummary } from '../catalogue/types.js';
import { useCountryOptions } from '../components/countries.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { CheckboxField, SelectField, TextField } from '../components/Fields.js';
import { FormErrors } from '../components/FormErrors.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { NoAssociation } from '../pages/NoAssociation.js';
import type { Page as ResultPage } from '../people/types.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { useProjectOptions, zoneOptions } from './EventForm.js';
import { PlainInput, RecordPicker, type Picked } from './Pickers.js';
import { COMMON_CURRENCIES, INSTRUCTION_LANGUAGES, SESSION_FORMATS, type EventSummary, type Session, type SessionFormat } from './types.js';

interface Day {
  date: string;
  start: string;
  end: string;
}

interface Draft {
  courseId: string;
  eventId: string;
  projectId: string;
  format: SessionFormat;
  venue: string;
  city: string;
  country: string;
  onlineUrl: string;
  timeZone: string;
  language: string;
  capacity: string;
  opensAt: string;
  closesAt: string;
  free: boolean;
  amount: string;
  currency: string;
  minAttendancePercent: string;
  requiresFinalTest: boolean;
  minTestScore: string;
  days: Day[];
  trainers: Picked[];
  partners: Picked[];
  guests: Array<{ name: string; title: string; personId: string | null }>;
}

function draftOf(s: Session | null, defaults: { zone: string; eventId: string; language: string; currency: string }): Draft {
  return {
    courseId: s?.courseId ?? '',
    eventId: s?.eventId ?? defaults.eventId,
    projectId: s?.projectId ?? '',
    format: s?.format ?? 'in_person',
    venue: s?.venue ?? '',
    city: s?.city ?? '',
    country: s?.country ?? '',
    onlineUrl: s?.onlineUrl ?? '',
    timeZone: s?.timeZone ?? defaults.zone,
    language: s?.language ?? defaults.language,
    capacity: String(s?.capacity ?? 30),
    opensAt: s?.registrationOpensLocal ?? '',
    closesAt: s?.registrationClosesLocal ?? '',
    free: s ? s.price === null : true,
    amount: s?.price ? String(s.price.amount) : '',
    currency: s?.price?.currency ?? defaults.currency,
    minAttendancePercent: String(s?.minAttendancePercent ?? 80),
    requiresFinalTest: s?.requiresFinalTest ?? false,
    minTestScore: s?.minTestScore === null || s?.minTestScore === undefined ? '' : String(s.minTestScore),
    days: s?.days.map((d) => ({ date: d.date, start: d.start, end: d.end })) ?? [{ date: '', start: '09:00', end: '17:00' }],
    trainers: s?.trainers.map((t) => ({ id: t.personId, name: t.fullName, nameLatin: t.nameLatin, role: t.role })) ?? [],
    partners: s?.partners.map((p) => ({ id: p.organisationId, name: p.name, nameLatin: p.nameLatin, role: p.role })) ?? [],
    guests: s?.guests.map((g) => ({ name: g.name, title: g.title ?? '', personId: g.personId })) ?? [],
  };
}

function bodyOf(d: Draft) {
  const number = (value: string) => (value.trim() === '' ? null : Number(value));
  return {
    courseId: d.courseId,
    eventId: d.eventId || null,
    projectId: d.projectId || null,
    format: d.format,
    venue: d.venue.trim() || null,
    city: d.city.trim() || null,
    country: d.country || null,
    onlineUrl: d.onlineUrl.trim() || null,
    timeZone: d.timeZone,
    language: d.language,
    capacity: number(d.capacity) ?? 0,
    registrationOpensAt: d.opensAt || null,
    registrationClosesAt: d.closesAt || null,
    price: d.free ? null : { amount: number(d.amount) ?? 0, currency: d.currency },
    minAttendancePercent: number(d.minAttendancePercent) ?? 0,
    requiresFinalTest: d.requiresFinalTest,
    minTestScore: number(d.minTestScore),
    days: d.days,
    trainers: d.trainers.map((t) => ({ personId: t.id, role: t.role.trim() || null })),
    partners: d.partners.map((p) => ({ organisationId: p.id, role: p.role.trim() || null })),
    guests: d.guests.map((g) => ({ name: g.name, title: g.title.trim() || null, personId: g.personId })),
  };
}

function SessionFormBody({ session, associationId, defaults }: { session: Session | null; associationId: string; defaults: Parameters<typeof draftOf>[1] }) {
  const { t, locale, tag } = useI18n();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => draftOf(session, defaults));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const courses = useResource<ResultPage<CourseSummary>>(`/courses${query({ associationId, pageSize: 100 })}`);
  const events = useResource<ResultPage<EventSummary>>(`/events${query({ associationId, pageSize: 100 })}`);
  const projects = useProjectOptions(associationId);
  const countries = useCountryOptions(t('web.app.common.not_specified'));
  const errors = error?.fields ?? {};
  const set = <K extends keyof Draft>(name: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [name]: value }));
  const label = (name: string) => t(`web.app.events.fields.${name}`);
  const labels = useMemo(
    () =>
      Object.fromEntries(
        ['courseId', 'eventId', 'projectId', 'format', 'venue', 'city', 'country', 'onlineUrl', 'timeZone', 'language', 'capacity', 'registrationOpensAt', 'registrationClosesAt', 'amount', 'currency', 'minAttendancePercent', 'minTestScore', 'days', 'trainers', 'partners', 'guests', 'slug'].map((n) => [
          n === 'amount' || n === 'currency' ? `price.${n}` : n,
          t(`web.app.events.fields.${n}`),
        ]),
      ),
    [t],
  );
  const languageNames = useMemo(() => new Intl.DisplayNames([tag, 'en'], { type: 'language' }), [tag]);
  const languages = [...new Set([...INSTRUCTION_LANGUAGES, draft.language])].map((l) => ({ value: l, label: `${languageNames.of(l) ?? l} (${l})` }));
  const currencies = [...new Set([...COMMON_CURRENCIES, draft.currency])].map((c) => ({ value: c, label: c }));
  const courseOptions = [
    { value: '', label: t('web.app.events.choose_course') },
    ...(courses.data?.items ?? []).filter((c) => c.status !== 'archived' || c.id === draft.courseId).map((c) => ({ value: c.id, label: `${pick(c.title, locale)} (${c.code})` })),
  ];
  const eventOptions = [{ value: '', label: t('web.app.events.no_event') }, ...(events.data?.items ?? []).map((e) => ({ value: e.id, label: pick(e.title, locale) }))];
  const setDay = (i: number, patch: Partial<Day>) => setDraft((d) => ({ ...d, days: d.days.map((day, j) => (i === j ? { ...day, ...patch } : day)) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = session
        ? await api.patch<Session>(`/sessions/${session.id}`, bodyOf(draft))
        : await api.post<Session>('/sessions', { associationId, ...bodyOf(draft) });
      await navigate(`/events/sessions/${saved.id}`, { state: { notice: session ? 'saved' : 'created' } });
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <form className="record-form" noValidate onSubmit={(e) => void submit(e)}>
      <FormErrors error={error} labels={labels} />
      <fieldset>
        <legend>{t('web.app.events.sections.what')}</legend>
        <SelectField name="courseId" label={label('courseId')} value={draft.courseId} onChange={set('courseId')} options={courseOptions} error={errors.courseId} required />
        <SelectField name="eventId" label={label('eventId')} value={draft.eventId} onChange={set('eventId')} options={eventOptions} error={errors.eventId} />
        <SelectField name="projectId" label={label('projectId')} hint={t('web.app.events.hints.project')} value={draft.projectId} onChange={set('projectId')} options={projects} error={errors.projectId} />
        <SelectField name="language" label={label('language')} value={draft.language} onChange={set('language')} options={languages} error={errors.language} />
      </fieldset>
      <fieldset>
        <legend>{t('web.app.events.sections.where')}</legend>
        <SelectField
          name="format"
          label={label('format')}
          value={draft.format}
          onChange={(v) => set('format')(v as SessionFormat)}
          options={SESSION_FORMATS.map((f) => ({ value: f, label: t(`web.app.events.format.${f}`) }))}
          error={errors.format}
        />
        {draft.format !== 'online' ? <TextField name="venue" label={label('venue')} value={draft.venue} onChange={set('venue')} error={errors.venue} required /> : null}
        {draft.format !== 'in_person' ? (
          <TextField name="onlineUrl" type="url" label={label('onlineUrl')} value={draft.onlineUrl} onChange={set('onlineUrl')} error={errors.onlineUrl} required />
        ) : null}
        <TextField name="city" label={label('city')} value={draft.city} onChange={set('city')} error={errors.city} />
        <SelectField name="country" label={label('country')} value={draft.country} onChange={set('country')} options={countries} error={errors.country} />
        <SelectField name="timeZone" label={label('timeZone')} hint={t('web.app.events.hints.time_zone')} value={draft.timeZone} onChange={set('timeZone')} options={zoneOptions(draft.timeZone)} error={errors.timeZone} />
      </fieldset>
      <fieldset>
        <legend>{t('web.app.events.sections.days')}</legend>
        <p className="hint">{t('web.app.events.hints.days', { zone: draft.timeZone })}</p>
        {errors.days ? <p className="field-error">{errors.days}</p> : null}
        {draft.days.map((day, i) => (
          <div key={i} className="repeated day-row">
            <p className="group-label">{t('web.app.events.day_n', { n: i + 1 })}</p>
            <PlainInput name={`days.${i}.date`} type="date" label={label('date')} value={day.date} onChange={(v) => setDay(i, { date: v })} error={errors[`days.${i}.date`]} required />
            <PlainInput name={`days.${i}.start`} type="time" label={label('start')} value={day.start} onChange={(v) => setDay(i, { start: v })} error={errors[`days.${i}.start`]} required />
            <PlainInput name={`days.${i}.end`} type="time" label={label('end')} value={day.end} onChange={(v) => setDay(i, { end: v })} error={errors[`days.${i}.end`]} required />
            {draft.days.length > 1 ? (
              <button type="button" className="secondary small" onClick={() => setDraft((d) => ({ ...d, days: d.days.filter((_, j) => j !== i) }))}>
                {t('web.app.events.remove_day', { n: i + 1 })}
              </button>
            ) : null}
          </div>
        ))}
        <p>
          <button
            type="button"
            className="secondary small"
            onClick={() => setDraft((d) => ({ ...d, days: [...d.days, { date: '', start: d.days[d.days.length - 1]?.start ?? '09:00', end: d.days[d.days.length - 1]?.end ?? '17:00' }] }))}
          >
            {t('web.app.events.add_day')}
          </button>
        </p>
      </fieldset>
      <fieldset>
        <legend>{t('web.app.events.sections.seats')}</legend>
        <PlainInput name="capacity" type="number" min={1} label={label('capacity')} value={draft.capacity} onChange={set('capacity')} error={errors.capacity} required />
        <PlainInput name="registrationOpensAt" type="datetime-local" label={label('registrationOpensAt')} hint={t('web.app.events.hints.opens')} value={draft.opensAt} onChange={set('opensAt')} error={errors.registrationOpensAt} />
        <PlainInput name="registrationClosesAt" type="datetime-local" label={label('registrationClosesAt')} hint={t('web.app.events.hints.closes')} value={draft.closesAt} onChange={set('closesAt')} error={errors.registrationClosesAt} />
        <CheckboxField name="free" label={t('web.app.events.free')} checked={draft.free} onChange={set('free')} />
        {!draft.free ? (
          <>
            <PlainInput name="price.amount" type="number" min={0} step="any" label={labels['price.amount']!} value={draft.amount} onChange={set('amount')} error={errors['price.amount']} required />
            <SelectField name="price.currency" label={labels['price.currency']!} value={draft.currency} onChange={set('currency')} options={currencies} error={errors['price.currency']} />
          </>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t('web.app.events.sections.people')}</legend>
        <RecordPicker kind="people" associationId={associationId} legend={label('trainers')} roleLabel={t('web.app.events.role')} picked={draft.trainers} onChange={set('trainers')} errors={errors} field="trainers" idKey="personId" />
        <RecordPicker kind="organisations" associationId={associationId} legend={label('partners')} roleLabel={t('web.app.events.role')} picked={draft.partners} onChange={set('partners')} errors={errors} field="partners" idKey="organisationId" />
        <fieldset className="picker">
          <legend>{label('guests')}</legend>
          {draft.guests.map((g, i) => (
            <div key={i} className="repeated">
              <TextField name={`guests.${i}.name`} label={t('web.app.events.guest_name')} value={g.name} onChange={(v) => setDraft((d) => ({ ...d, guests: d.guests.map((x, j) => (i === j ? { ...x, name: v } : x)) }))} error={errors[`guests.${i}.name`]} required />
              <TextField name={`guests.${i}.title`} label={t('web.app.events.guest_title')} value={g.title} onChange={(v) => setDraft((d) => ({ ...d, guests: d.guests.map((x, j) => (i === j ? { ...x, title: v } : x)) }))} error={errors[`guests.${i}.title`]} />
              <button type="button" className="secondary small" onClick={() => setDraft((d) => ({ ...d, guests: d.guests.filter((_, j) => j !== i) }))}>
                {t('web.app.events.remove_named', { name: g.name || t('web.app.events.guest_n', { n: i + 1 }) })}
              </button>
            </div>
          ))}
          <p>
            <button type="button" className="secondary small" onClick={() => setDraft((d) => ({ ...d, guests: [...d.guests, { name: '', title: '', personId: null }] }))}>
              {t('web.app.events.add_guest')}
            </button>
          </p>
        </fieldset>
      </fieldset>
      <fieldset>
        <legend>{t('web.app.events.sections.completion')}</legend>
        <PlainInput name="minAttendancePercent" type="number" min={0} max={100} label={label('minAttendancePercent')} value={draft.minAttendancePercent} onChange={set('minAttendancePercent')} error={errors.minAttendancePercent} />
        <CheckboxField name="requiresFinalTest" label={label('requiresFinalTest')} checked={draft.requiresFinalTest} onChange={set('requiresFinalTest')} />
        {draft.requiresFinalTest ? <PlainInput name="minTestScore" type="number" min={0} max={100} label={label('minTestScore')} value={draft.minTestScore} onChange={set('minTestScore')} error={errors.minTestScore} /> : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('web.app.common.saving') : t('web.app.common.save')}
        </button>
        <Link to={session ? `/events/sessions/${session.id}` : '/events'}>{t('web.app.common.cancel')}</Link>
      </div>
    </form>
  );
}

/** A session's language defaults to the association's; its currency to the country's. */
const CURRENCY_OF: Record<string, string> = { UZ: 'UZS', KZ: 'KZT', LV: 'EUR' };

export function NewSession() {
  const { t } = useI18n();
  const { association } = useSession();
  const [params] = useSearchParams();
  if (!association) return <NoAssociation title={t('web.app.events.new_session')} />;
  const defaults = { zone: association.timeZone, eventId: params.get('eventId') ?? '', language: association.defaultLocale, currency: CURRENCY_OF[association.country] ?? 'EUR' };
  return (
    <Page title={t('web.app.events.new_session')}>
      <SessionFormBody key={association.id} session={null} associationId={association.id} defaults={defaults} />
    </Page>
  );
}

export function EditSession() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { data, error } = useResource<Session>(`/sessions/${id}`);
  const session = data?.id === id ? data : undefined;
  const title = session?.course ? pick(session.course.title, locale) : '';
  return (
    <Page title={t('web.app.events.edit_session', { title })}>
      <ErrorMessage error={error} />
      {session ? (
        <SessionFormBody key={session.updatedAt} session={session} associationId={session.associationId} defaults={{ zone: session.timeZone, eventId: '', language: session.language, currency: 'EUR' }} />
      ) : error ? null : (
        <Loading />
      )}
    </Page>
  );
}
