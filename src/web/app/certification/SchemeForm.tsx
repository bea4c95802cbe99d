import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, query, toApiError, type ApiError } from '../api.js';
import { compact, TranslatedInput } from '../catalogue/TranslatedInput.js';
import type { CourseSummary, Translated } from '../catalogue/types.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { CheckboxField, SelectField, TextField } from '../components/Fields.js';
import { FormErrors } from '../components/FormErrors.js';
import { Page } from '../components/Page.js';
import { LOCALES, useI18n } from '../i18n.js';
import { NoAssociation } from '../pages/NoAssociation.js';
import type { Page as ResultPage } from '../people/types.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { levelDraft, LevelsEditor, numberOrText, requirementBody, type LevelDraft } from './LevelsEditor.js';
import { SCHEME_STATUSES, type Scheme, type SchemeStatus } from './types.js';

interface Draft {
  name: Translated;
  description: Translated;
  numberPrefix: string;
  validityYears: string;
  renewalCpdCredits: string;
  free: boolean;
  feeAmount: string;
  feeCurrency: string;
  certificateLocales: string[];
  status: SchemeStatus;
  levels: LevelDraft[];
}

const FIELDS = ['name', 'description', 'numberPrefix', 'validityYears', 'renewalCpdCredits', 'fee', 'certificateLocales', 'status', 'levels'] as const;

function draftOf(scheme: Scheme | null, associationLocale: string): Draft {
  return {
    name: scheme?.name ?? {},
    description: scheme?.description ?? {},
    numberPrefix: scheme?.numberPrefix ?? '',
    validityYears: scheme ? String(scheme.validityYears) : '3',
    renewalCpdCredits: scheme ? String(scheme.renewalCpdCredits) : '0',
    free: scheme ? scheme.fee === null : true,
    feeAmount: scheme?.fee ? String(scheme.fee.amount) : '',
    feeCurrency: scheme?.fee?.currency ?? '',
    certificateLocales: scheme?.certificateLocales ?? [...new Set([associationLocale, 'en'])],
    status: scheme?.status ?? 'draft',
    levels: scheme ? scheme.levels.map(levelDraft) : [levelDraft()],
  };
}

function bodyOf(draft: Draft): Record<string, unknown> {
  return {
    name: compact(draft.name),
    description: compact(draft.description),
    numberPrefix: draft.numberPrefix,
    validityYears: numberOrText(draft.validityYears),
    renewalCpdCredits: numberOrText(draft.renewalCpdCredits) ?? 0,
    fee: draft.free ? null : { amount: numberOrText(draft.feeAmount) ?? 0, currency: draft.feeCurrency },
    certificateLocales: draft.certificateLocales,
    status: draft.status,
    levels: draft.levels.map((l) => ({ ...(l.id ? { id: l.id } : {}), name: compact(l.name), requirements: l.requirements.map(requirementBody) })),
  };
}

function SchemeFormBody({ scheme, associationId, associationLocale }: { scheme: Scheme | null; associationId: string; associationLocale: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const labels = useMemo(() => Object.fromEntries(FIELDS.map((f) => [f, t(`web.app.certification.fields.${f}`)])), [t]);
  const courses = useResource<ResultPage<CourseSummary>>(`/courses${query({ associationId, pageSize: 100 })}`);
  const [draft, setDraft] = useState<Draft>(() => draftOf(scheme, associationLocale));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = error?.fields ?? {};
  const set = <K extends keyof Draft>(name: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (scheme) await api.patch<Scheme>(`/schemes/${scheme.id}`, bodyOf(draft));
      else await api.post<Scheme>('/schemes', { associationId, ...bodyOf(draft) });
      await navigate('/certification/schemes');
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <form className="record-form" noValidate onSubmit={(event) => void submit(event)}>
      <FormErrors error={error} labels={labels} />
      <fieldset>
        <legend>{t('web.app.certification.form.scheme')}</legend>
        <TranslatedInput name="name" label={labels.name ?? 'name'} value={draft.name} onChange={set('name')} errors={errors} required />
        <TranslatedInput name="description" label={labels.description ?? 'description'} value={draft.description} onChange={set('description')} errors={errors} multiline />
        <TextField
          name="numberPrefix"
          label={labels.numberPrefix ?? 'prefix'}
          hint={t('web.app.certification.form.prefix_hint')}
          value={draft.numberPrefix}
          onChange={set('numberPrefix')}
          error={errors.numberPrefix}
          required
        />
        <SelectField
          name="status"
          label={labels.status ?? 'status'}
          value={draft.status}
          onChange={(v) => set('status')(v as SchemeStatus)}
          error={errors.status}
          options={SCHEME_STATUSES.map((s) => ({ value: s, label: t(`certification.scheme_status.${s}`) }))}
        />
      </fieldset>
      <fieldset>
        <legend>{t('web.app.certification.form.terms')}</legend>
        <TextField name="validityYears" label={labels.validityYears ?? 'validity'} value={draft.validityYears} onChange={set('validityYears')} error={errors.validityYears} required />
        <TextField
          name="renewalCpdCredits"
          label={labels.renewalCpdCredits ?? 'renewal'}
          hint={t('web.app.certification.form.renewal_hint')}
          value={draft.renewalCpdCredits}
          onChange={set('renewalCpdCredits')}
          error={errors.renewalCpdCredits}
        />
        <CheckboxField name="free" label={t('web.app.certification.form.free')} checked={draft.free} onChange={set('free')} />
        {draft.free ? null : (
          <>
            <TextField name="fee.amount" label={t('web.app.certification.form.fee_amount')} value={draft.feeAmount} onChange={set('feeAmount')} error={errors['fee.amount']} required />
            <TextField name="fee.currency" label={t('web.app.certification.form.fee_currency')} value={draft.feeCurrency} onChange={set('feeCurrency')} error={errors['fee.currency']} required />
          </>
        )}
        <fieldset className="checks">
          <legend>{labels.certificateLocales}</legend>
          {errors.certificateLocales ? <p className="field-error">{errors.certificateLocales}</p> : null}
          {LOCALES.map((l) => (
            <CheckboxField
              key={l}
              name={`certificateLocales.${l}`}
              label={t(`language.${l}`)}
              checked={draft.certificateLocales.includes(l)}
              onChange={(on) => set('certificateLocales')(on ? [...draft.certificateLocales, l] : draft.certificateLocales.filter((x) => x !== l))}
            />
          ))}
        </fieldset>
      </fieldset>
      <ErrorMessage error={courses.error} />
      <LevelsEditor levels={draft.levels} onChange={set('levels')} courses={courses.data?.items ?? []} errors={errors} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('web.app.common.saving') : t('web.app.common.save')}
        </button>
        <Link className="button secondary" to="/certification/schemes">
          {t('web.app.common.cancel')}
        </Link>
      </div>
    </form>
  );
}

export function NewScheme() {
  const { t } = useI18n();
  const { association } = useSession();
  if (!association) return <NoAssociation title={t('web.app.certification.schemes.new')} />;
  return (
    <Page title={t('web.app.certification.schemes.new')}>
      <SchemeFormBody scheme={null} associationId={association.id} associationLocale={association.defaultLocale} />
    </Page>
  );
}

export function EditScheme() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data, error } = useResource<Scheme>(`/schemes/${id}`);
  return (
    <Page title={t('web.app.certification.schemes.edit')}>
      <ErrorMessage error={error} />
      {data ? <SchemeFormBody key={data.id} scheme={data} associationId={data.associationId} associationLocale={data.certificateLocales[0] ?? 'en'} /> : error ? null : <Loading />}
    </Page>
  );
}
