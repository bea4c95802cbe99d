import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, query, toApiError, type ApiError } from '../api.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { CheckboxField, SelectField, TextField } from '../components/Fields.js';
import { FormErrors } from '../components/FormErrors.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { NoAssociation } from '../pages/NoAssociation.js';
import { SECTORS } from '../people/types.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { compact, TranslatedInput } from './TranslatedInput.js';
import { COMPETENCY_AREAS, COURSE_STATUSES, pick, type Course, type CourseStatus, type Programme, type Translated } from './types.js';

interface Draft {
  programmeId: string;
  code: string;
  slug: string;
  title: Translated;
  summary: Translated;
  learningOutcomes: Translated[];
  prerequisites: Translated;
  competencyAreas: string[];
  sectors: string[];
  hours: string;
  cpdCredits: string;
  eqfLevel: string;
  escoSkills: Array<{ uri: string; label: string }>;
  status: CourseStatus;
}

export const COURSE_FIELDS = [
  'programmeId', 'code', 'slug', 'title', 'summary', 'learningOutcomes', 'prerequisites', 'competencyAreas',
  'sectors', 'hours', 'cpdCredits', 'eqfLevel', 'escoSkills', 'status',
] as const;

export function useCourseFieldLabels(): Record<string, string> {
  const { t } = useI18n();
  return useMemo(() => Object.fromEntries(COURSE_FIELDS.map((name) => [name, t(`web.app.catalogue.fields.${name}`)])), [t]);
}

function draftOf(course: Course | null): Draft {
  return {
    programmeId: course?.programmeId ?? '',
    code: course?.code ?? '',
    slug: course?.slug ?? '',
    title: course?.title ?? {},
    summary: course?.summary ?? {},
    learningOutcomes: course?.learningOutcomes ?? [],
    prerequisites: course?.prerequisites ?? {},
    competencyAreas: course?.competencyAreas ?? [],
    sectors: course?.sectors ?? [],
    hours: course ? String(course.hours) : '',
    cpdCredits: course ? String(course.cpdCredits) : '0',
    eqfLevel: course?.eqfLevel ? String(course.eqfLevel) : '',
    escoSkills: course?.escoSkills ?? [],
    status: course?.status ?? 'draft',
  };
}

/** A number as typed: sent as a number when it is one, as typed otherwise so the server names the problem. */
function numberOrText(value: string): number | string | undefined {
  const text = value.trim().replace(',', '.');
  if (text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

function bodyOf(draft: Draft, editing: boolean): Record<string, unknown> {
  return {
    programmeId: draft.programmeId || null,
    code: draft.code,
    ...(draft.slug.trim() || editing ? { slug: draft.slug } : {}),
    title: compact(draft.title),
    summary: compact(draft.summary),
    learningOutcomes: draft.learningOutcomes.map(compact),
    prerequisites: compact(draft.prerequisites),
    competencyAreas: draft.competencyAreas,
    sectors: draft.sectors,
    hours: numberOrText(draft.hours),
    cpdCredits: numberOrText(draft.cpdCredits) ?? 0,
    eqfLevel: draft.eqfLevel ? Number(draft.eqfLevel) : null,
    escoSkills: draft.escoSkills.filter((s) => s.uri.trim() || s.label.trim()),
    status: draft.status,
  };
}

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

function CourseFormBody({ course, associationId }: { course: Course | null; associationId: string }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const labels = useCourseFieldLabels();
  const programmes = useResource<{ items: Programme[] }>(`/programmes${query({ associationId })}`);
  const [draft, setDraft] = useState<Draft>(() => draftOf(course));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = error?.fields ?? {};
  const set = <K extends keyof Draft>(name: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = course
        ? await api.patch<Course>(`/courses/${course.id}`, bodyOf(draft, true))
        : await api.post<Course>('/courses', { associationId, ...bodyOf(draft, false) });
      await navigate(`/catalogue/courses/${saved.id}`, { state: { notice: course ? 'saved' : 'created' } });
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  const outcomes = draft.learningOutcomes;
  const setOutcome = (i: number, value: Translated) => set('learningOutcomes')(outcomes.map((o, j) => (j === i ? value : o)));
  const skills = draft.escoSkills;
  const setSkill = (i: number, key: 'uri' | 'label', value: string) =>
    set('escoSkills')(skills.map((s, j) => (j === i ? { ...s, [key]: value } : s)));

  return (
    <form className="record-form course-form" noValidate onSubmit={(event) => void submit(event)}>
      <FormErrors error={error} labels={labels} />
      <fieldset>
        <legend>{t('web.app.catalogue.sections.identity')}</legend>
        <TranslatedInput name="title" label={labels.title ?? 'title'} value={draft.title} onChange={set('title')} errors={errors} required />
        <TextField name="code" label={labels.code ?? 'code'} value={draft.code} onChange={set('code')} error={errors.code} required hint={t('web.app.catalogue.hints.code')} />
        <TextField name="slug" label={labels.slug ?? 'slug'} value={draft.slug} onChange={set('slug')} error={errors.slug} hint={t('web.app.catalogue.hints.slug')} />
        <SelectField
          name="programmeId"
          label={labels.programmeId ?? 'programme'}
          value={draft.programmeId}
          onChange={set('programmeId')}
          error={errors.programmeId}
          options={[
            { value: '', label: t('web.app.catalogue.no_programme') },
            ...(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${pick(p.title, locale)}` })),
          ]}
        />
        <SelectField
          name="status"
          label={labels.status ?? 'status'}
          value={draft.status}
          onChange={(value) => set('status')(value as CourseStatus)}
          error={errors.status}
          hint={t('web.app.catalogue.hints.status')}
          options={COURSE_STATUSES.map((s) => ({ value: s, label: t(`catalogue.status.${s}`) }))}
        />
      </fieldset>
      <fieldset>
        <legend>{t('web.app.catalogue.sections.content')}</legend>
        <TranslatedInput name="summary" label={labels.summary ?? 'summary'} value={draft.summary} onChange={set('summary')} errors={errors} multiline />
        <div className="field-group" role="group" aria-labelledby="outcomes-label">
          <p className="group-label" id="outcomes-label">
            {labels.learningOutcomes}
          </p>
          {errors.learningOutcomes ? <p className="field-error">{errors.learningOutcomes}</p> : null}
          {outcomes.map((outcome, i) => (
            <div className="repeated" key={i}>
              <TranslatedInput
                name={`learningOutcomes.${i}`}
                label={t('web.app.catalogue.outcome_n', { n: i + 1 })}
                value={outcome}
                onChange={(value) => setOutcome(i, value)}
                errors={errors}
                multiline
              />
              <button type="button" className="secondary small" onClick={() => set('learningOutcomes')(outcomes.filter((_, j) => j !== i))}>
                {t('web.app.catalogue.remove_outcome', { n: i + 1 })}
              </button>
            </div>
          ))}
          <button type="button" className="secondary small" onClick={() => set('learningOutcomes')([...outcomes, {}])}>
            {t('web.app.catalogue.add_outcome')}
          </button>
        </div>
        <TranslatedInput name="prerequisites" label={labels.prerequisites ?? 'prerequisites'} value={draft.prerequisites} onChange={set('prerequisites')} errors={errors} multiline />
      </fieldset>
      <fieldset>
        <legend>{t('web.app.catalogue.sections.scope')}</legend>
        <TextField name="hours" label={labels.hours ?? 'hours'} value={draft.hours} onChange={set('hours')} error={errors.hours} required />
        <TextField name="cpdCredits" label={labels.cpdCredits ?? 'cpd'} value={draft.cpdCredits} onChange={set('cpdCredits')} error={errors.cpdCredits} />
        <SelectField
          name="eqfLevel"
          label={labels.eqfLevel ?? 'eqf'}
          value={draft.eqfLevel}
          onChange={set('eqfLevel')}
          error={errors.eqfLevel}
          options={[{ value: '', label: t('web.app.common.not_specified') }, ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ value: String(n), label: String(n) }))]}
        />
        <fieldset className="checks">
          <legend>{labels.competencyAreas}</legend>
          {errors.competencyAreas ? <p className="field-error">{errors.competencyAreas}</p> : null}
          {COMPETENCY_AREAS.map((area) => (
            <CheckboxField
              key={area}
              name={`area-${area}`}
              label={t(`catalogue.area.${area}`)}
              checked={draft.competencyAreas.includes(area)}
              onChange={(on) => set('competencyAreas')(toggle(draft.competencyAreas, area, on))}
            />
          ))}
        </fieldset>
        <fieldset className="checks">
          <legend>{labels.sectors}</legend>
          {SECTORS.map((sector) => (
            <CheckboxField
              key={sector}
              name={`sector-${sector}`}
              label={t(`web.app.sector.${sector}`)}
              checked={draft.sectors.includes(sector)}
              onChange={(on) => set('sectors')(toggle(draft.sectors, sector, on))}
            />
          ))}
        </fieldset>
      </fieldset>
      <fieldset>
        <legend>{labels.escoSkills}</legend>
        <p className="hint">{t('web.app.catalogue.hints.esco')}</p>
        {skills.map((skill, i) => (
          <div className="repeated esco-row" key={i}>
            <TextField name={`escoSkills.${i}.uri`} label={t('web.app.catalogue.esco_uri')} value={skill.uri} onChange={(v) => setSkill(i, 'uri', v)} error={errors[`escoSkills.${i}.uri`]} type="url" />
            <TextField name={`escoSkills.${i}.label`} label={t('web.app.catalogue.esco_label')} value={skill.label} onChange={(v) => setSkill(i, 'label', v)} error={errors[`escoSkills.${i}.label`]} />
            <button type="button" className="secondary small" onClick={() => set('escoSkills')(skills.filter((_, j) => j !== i))}>
              {t('web.app.catalogue.remove_skill', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="secondary small" onClick={() => set('escoSkills')([...skills, { uri: '', label: '' }])}>
          {t('web.app.catalogue.add_skill')}
        </button>
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('web.app.common.saving') : t('web.app.common.save')}
        </button>
        <Link to={course ? `/catalogue/courses/${course.id}` : '/catalogue'}>{t('web.app.common.cancel')}</Link>
      </div>
    </form>
  );
}

export function NewCourse() {
  const { t } = useI18n();
  const { association } = useSession();
  if (!association) return <NoAssociation title={t('web.app.catalogue.new_title')} />;
  return (
    <Page title={t('web.app.catalogue.new_title')}>
      <CourseFormBody key={association.id} course={null} associationId={association.id} />
    </Page>
  );
}

export function EditCourse() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { data, error } = useResource<Course>(`/courses/${id}`);
  const course = data?.id === id ? data : undefined;
  return (
    <Page title={course ? t('web.app.catalogue.edit_title', { title: pick(course.title, locale) }) : t('web.app.catalogue.edit_title_plain')}>
      <ErrorMessage error={error} />
      {course ? <CourseFormBody key={course.updatedAt} course={course} associationId={course.associationId} /> : error ? null : <Loading />}
    </Page>
  );
}
