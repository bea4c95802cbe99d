import { useState } from 'react';
import { query, type ApiError } from '../api.js';
import { SelectField } from '../components/Fields.js';
import { useI18n } from '../i18n.js';
import { ActionDialog } from './ActionDialog.js';
import { useResource } from '../use-resource.js';

interface ProjectPage {
  items: Array<{ id: string; name: string; donor: string }>;
}

/** Waives a registrant's fee under one of the association's donor projects. */
export function SponsorDialog({
  associationId,
  defaultProjectId,
  name,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  associationId: string;
  defaultProjectId: string | null;
  name: string;
  busy: boolean;
  error: ApiError | null;
  onConfirm: (projectId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { data } = useResource<ProjectPage>(`/projects${query({ associationId, pageSize: 100 })}`);
  const [chosen, setChosen] = useState('');
  const projectId = chosen || defaultProjectId || data?.items[0]?.id || '';
  const fieldError = error?.fields.projectId;
  return (
    <ActionDialog
      title={t('web.app.payments.sponsor.title', { name })}
      confirmLabel={t('web.app.payments.sponsor.confirm')}
      busy={busy || !projectId}
      onConfirm={() => onConfirm(projectId)}
      onCancel={onCancel}
    >
      <p>{t('web.app.payments.sponsor.text')}</p>
      {error && !fieldError ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
      {data && data.items.length === 0 ? (
        <p>{t('web.app.payments.sponsor.none')}</p>
      ) : (
        <SelectField
          name="projectId"
          label={t('web.app.payments.sponsor.project')}
          value={projectId}
          onChange={setChosen}
          required
          error={fieldError}
          options={(data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.donor})` }))}
        />
      )}
    </ActionDialog>
  );
}
