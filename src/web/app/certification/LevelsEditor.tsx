import { pick, type CourseSummary, type Translated } from '../catalogue/types.js';
import { TranslatedInput } from '../catalogue/TranslatedInput.js';
import { CheckboxField, SelectField, TextField } from '../components/Fields.js';
import { useI18n } from '../i18n.js';
import { DOCUMENT_TYPES, REQUIREMENT_KINDS, type DocumentType, type Level, type Requirement, type RequirementKind } from './types.js';

export interface RequirementDraft {
  id?: string;
  kind: RequirementKind;
  courseIds: string[];
  credits: string;
  windowYears: string;
  examName: string;
  years: string;
  documentType: DocumentType;
}

export interface LevelDraft {
  id?: string;
  name: Translated;
  requirements: RequirementDraft[];
}

export function requirementDraft(r?: Requirement): RequirementDraft {
  return {
    ...(r ? { id: r.id } : {}),
    kind: r?.kind ?? 'courses',
    courseIds: r?.courseIds ?? [],
    credits: r?.credits !== undefined ? String(r.credits) : '',
    windowYears: r?.windowYears ? String(r.windowYears) : '',
    examName: r?.examName ?? '',
    years: r?.years !== undefined ? String(r.years) : '',
    documentType: r?.documentType ?? 'diploma',
  };
}

export function levelDraft(level?: Level): LevelDraft {
  return { ...(level ? { id: level.id } : {}), name: level?.name ?? {}, requirements: (level?.requirements ?? []).map(requirementDraft) };
}

/** A number as typed: sent as a number when it is one, as typed otherwise so the server names the problem. */
export function numberOrText(value: string): number | string | undefined {
  const text = value.trim().replace(',', '.');
  if (text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** Only the fields of the requirement's kind. */
export function requirementBody(r: RequirementDraft): Record<string, unknown> {
  const id = r.id ? { id: r.id } : {};
  switch (r.kind) {
    case 'courses':
      return { ...id, kind: r.kind, courseIds: r.courseIds };
    case 'cpd_credits':
      return { ...id, kind: r.kind, credits: numberOrText(r.credits), windowYears: r.windowYears.trim() ? numberOrText(r.windowYears) : null };
    case 'exam':
      return { ...id, kind: r.kind, examName: r.examName };
    case 'experience':
      return { ...id, kind: r.kind, years: numberOrText(r.years) };
    case 'document':
      return { ...id, kind: r.kind, documentType: r.documentType };
  }
}

function RequirementEditor({
  field,
  value,
  onChange,
  onRemove,
  courses,
  errors,
  n,
}: {
  field: string;
  value: RequirementDraft;
  onChange: (value: RequirementDraft) => void;
  onRemove: () => void;
  courses: CourseSummary[];
  errors: Record<string, string>;
  n: number;
}) {
  const { t, locale } = useI18n();
  const set = <K extends keyof RequirementDraft>(key: K) => (v: RequirementDraft[K]) => onChange({ ...value, [key]: v });
  return (
    <fieldset className="repeated">
      <legend>{t('web.app.certification.form.requirement_n', { n })}</legend>
      <SelectField
        name={`${field}.kind`}
        label={t('web.app.certification.form.kind')}
        value={value.kind}
        onChange={(v) => set('kind')(v as RequirementKind)}
        error={errors[`${field}.kind`]}
        options={REQUIREMENT_KINDS.map((k) => ({ value: k, label: t(`certification.requirement_kind.${k}`) }))}
      />
      {value.kind === 'courses' ? (
        <fieldset className="checks">
          <legend>{t('web.app.certification.form.courses')}</legend>
          {errors[`${field}.courseIds`] ? <p className="field-error">{errors[`${field}.courseIds`]}</p> : null}
          {courses.map((course) => (
            <CheckboxField
              key={course.id}
              name={`${field}.course.${course.id}`}
              label={`${course.code} — ${pick(course.title, locale)}`}
              checked={value.courseIds.includes(course.id)}
              onChange={(on) => set('courseIds')(on ? [...value.courseIds, course.id] : value.courseIds.filter((id) => id !== course.id))}
            />
          ))}
        </fieldset>
      ) : null}
      {value.kind === 'cpd_credits' ? (
        <>
          <TextField name={`${field}.credits`} label={t('web.app.certification.form.credits')} value={value.credits} onChange={set('credits')} error={errors[`${field}.credits`]} required />
          <TextField
            name={`${field}.windowYears`}
            label={t('web.app.certification.form.window_years')}
            hint={t('web.app.certification.form.window_hint')}
            value={value.windowYears}
            onChange={set('windowYears')}
            error={errors[`${field}.windowYears`]}
          />
        </>
      ) : null}
      {value.kind === 'exam' ? (
        <TextField name={`${field}.examName`} label={t('web.app.certification.form.exam_name')} value={value.examName} onChange={set('examName')} error={errors[`${field}.examName`]} required />
      ) : null}
      {value.kind === 'experience' ? (
        <TextField name={`${field}.years`} label={t('web.app.certification.form.years')} value={value.years} onChange={set('years')} error={errors[`${field}.years`]} required />
      ) : null}
      {value.kind === 'document' ? (
        <SelectField
          name={`${field}.documentType`}
          label={t('web.app.certification.form.document_type')}
          value={value.documentType}
          onChange={(v) => set('documentType')(v as DocumentType)}
          error={errors[`${field}.documentType`]}
          options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`certification.document_type.${d}`) }))}
        />
      ) : null}
      <button type="button" className="secondary small" onClick={onRemove}>
        {t('web.app.certification.form.remove_requirement', { n })}
      </button>
    </fieldset>
  );
}

/** The scheme's levels in order, each with its requirements of every kind. */
export function LevelsEditor({
  levels,
  onChange,
  courses,
  errors,
}: {
  levels: LevelDraft[];
  onChange: (levels: LevelDraft[]) => void;
  courses: CourseSummary[];
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  const setLevel = (i: number, level: LevelDraft) => onChange(levels.map((l, j) => (j === i ? level : l)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...levels];
    const [taken] = next.splice(i, 1);
    next.splice(i + by, 0, taken!);
    onChange(next);
  };
  return (
    <div className="field-group" role="group" aria-labelledby="levels-label">
      <p className="group-label" id="levels-label">
        {t('web.app.certification.fields.levels')}
      </p>
      {errors.levels ? <p className="field-error">{errors.levels}</p> : null}
      {levels.map((level, i) => (
        <fieldset key={level.id ?? `new-${i}`} className="repeated">
          <legend>{t('web.app.certification.form.level_n', { n: i + 1 })}</legend>
          <TranslatedInput name={`levels.${i}.name`} label={t('web.app.certification.form.level_name')} value={level.name} onChange={(name) => setLevel(i, { ...level, name })} errors={errors} required />
          {level.requirements.map((r, j) => (
            <RequirementEditor
              key={r.id ?? `new-${j}`}
              field={`levels.${i}.requirements.${j}`}
              n={j + 1}
              value={r}
              courses={courses}
              errors={errors}
              onChange={(value) => setLevel(i, { ...level, requirements: level.requirements.map((x, k) => (k === j ? value : x)) })}
              onRemove={() => setLevel(i, { ...level, requirements: level.requirements.filter((_, k) => k !== j) })}
            />
          ))}
          <div className="row-actions">
            <button type="button" className="secondary small" onClick={() => setLevel(i, { ...level, requirements: [...level.requirements, requirementDraft()] })}>
              {t('web.app.certification.form.add_requirement')}
            </button>
            {i > 0 ? (
              <button type="button" className="secondary small" onClick={() => move(i, -1)}>
                {t('web.app.certification.form.move_up', { n: i + 1 })}
              </button>
            ) : null}
            <button type="button" className="secondary small" onClick={() => onChange(levels.filter((_, k) => k !== i))}>
              {t('web.app.certification.form.remove_level', { n: i + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      <button type="button" className="secondary small" onClick={() => onChange([...levels, levelDraft()])}>
        {t('web.app.certification.form.add_level')}
      </button>
    </div>
  );
}
