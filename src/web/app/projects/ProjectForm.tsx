import { useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, toApiError, type ApiError } from '../api.js';
import { compact, TranslatedInput } from '../catalogue/TranslatedInput.js';
import type { Translated } from '../catalogue/types.js';
import { ErrorMessage, Loading, Notice } from '../components/ErrorMessage.js';
import { TextField } from '../components/Fields.js';
import { FormErrors } from '../components/FormErrors.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { NoAssociation } from '../pages/NoAssociation.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { PartnerPicker } from './PartnerPicker.js';
import type { Partner, Project } from './types.js';

const TEXT_FIELDS = ['name', 'donor', 'programme', 'agreementNumber', 'startsOn', 'endsOn'] as const;
type TextFieldName = (typeof TEXT_FIELDS)[number];
type Draft = Record<TextFieldName, string> & { acknowledgement: Translated; partners: Partner[] };

function useProjectFieldLabels(): Record<string, string> {
  const { t } = useI18n();
  return useMemo(
    () => Object.fromEntries([...TEXT_FIELDS, 'acknowledgement', 'partners'].map((name) => [name, t(`web.app.projects.fields.${name}`)])),
    [t],
  );
}

function draftOf(project: Project | null): Draft {
  const draft = { acknowledgement: project?.acknowledgement ?? {}, partners: project?.partners ?? [] } as Draft;
  for (const name of TEXT_FIELDS) draft[name] = project?.[name] ?? '';
  return draft;
}

function bodyOf(draft: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = {
    acknowledgement: compact(draft.acknowledgement),
    partners: draft.partners.map((p) => ({ organisationId: p.organisationId, role: p.role })),
  };
  for (const name of TEXT_FIELDS) body[name] = draft[name].trim() || (name === 'name' || name === 'donor' ? '' : null);
  return body;
}

function ProjectFormBody({ project, associationId }: { project: Project | null; associationId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const labels = useProjectFieldLabels();
  const [draft, setDraft] = useState<Draft>(() => draftOf(project));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = error?.fields ?? {};
  const set = <K extends keyof Draft>(name: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [name]: value }));
  const text = (name: TextFieldName, extra: { type?: 'text' | 'date'; required?: boolean; hint?: string } = {}) => (
    <TextField name={name} label={labels[name] ?? name} value={draft[name]} onChange={set(name)} error={errors[name]} autoComplete="off" {...extra} />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = project
        ? await api.patch<Project>(`/projects/${project.id}`, bodyOf(draft))
        : await api.post<Project>('/projects', { associationId, ...bodyOf(draft) });
      await navigate(`/projects/${saved.id}`, { state: { notice: project ? 'saved' : 'created' }, replace: project !== null });
      setBusy(false);
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <form className="record-form" noValidate onSubmit={(event) => void submit(event)}>
      <FormErrors error={error} labels={labels} />
      <fieldset>
        <legend>{t('web.app.projects.sections.project')}</legend>
        {text('name', { required: true })}
        {text('donor', { required: true })}
        {text('programme', { hint: t('web.app.projects.programme_hint') })}
        {text('agreementNumber')}
        {text('startsOn', { type: 'date' })}
        {text('endsOn', { type: 'date' })}
      </fieldset>
      <fieldset>
        <legend>{labels.acknowledgement}</legend>
        <TranslatedInput
          name="acknowledgement"
          label={labels.acknowledgement ?? 'acknowledgement'}
          value={draft.acknowledgement}
          onChange={set('acknowledgement')}
          errors={errors}
          multiline
          hint={t('web.app.projects.acknowledgement_hint')}
        />
      </fieldset>
      <PartnerPicker associationId={associationId} partners={draft.partners} onChange={set('partners')} errors={errors} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('web.app.common.saving') : t('web.app.common.save')}
        </button>
        <Link to="/projects">{t('web.app.common.cancel')}</Link>
      </div>
    </form>
  );
}

export function NewProject() {
  const { t } = useI18n();
  const { association } = useSession();
  if (!association) return <NoAssociation title={t('web.app.projects.new_title')} />;
  return (
    <Page title={t('web.app.projects.new_title')}>
      <ProjectFormBody key={association.id} project={null} associationId={association.id} />
    </Page>
  );
}

/** A project is read and changed on one page: its staff keep it up to date. */
export function EditProject() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const { data, error } = useResource<Project>(`/projects/${id}`);
  const project = data?.id === id ? data : undefined;
  const notice = (location.state as { notice?: string } | null)?.notice;
  return (
    <Page title={project ? project.name : t('web.app.projects.detail_title')}>
      <p>
        <Link to="/projects">{t('web.app.projects.back')}</Link>
      </p>
      <Notice>{notice === 'saved' || notice === 'created' ? t(`web.app.projects.${notice}`) : null}</Notice>
      <ErrorMessage error={error} />
      {project ? <ProjectFormBody key={JSON.stringify(project)} project={project} associationId={project.associationId} /> : error ? null : <Loading />}
    </Page>
  );
}
