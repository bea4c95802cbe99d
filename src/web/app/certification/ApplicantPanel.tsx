import { useRef, useState, type FormEvent } from 'react';
import { api, request, toApiError, type ApiError } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { SelectField, TextField } from '../components/Fields.js';
import { useI18n } from '../i18n.js';
import { numberOrText } from './LevelsEditor.js';
import { DOCUMENT_TYPES, type Application } from './types.js';

/** What the applicant may do while the application is in their hands: details, documents, and (re)submitting. */
export function ApplicantPanel({ application, onChange }: { application: Application; onChange: (next: Application) => void }) {
  const { t } = useI18n();
  const [experience, setExperience] = useState(application.experienceYears === null ? '' : String(application.experienceYears));
  const [statement, setStatement] = useState(application.statement ?? '');
  const [documentType, setDocumentType] = useState<string>('diploma');
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const base = `/applications/${application.id}`;

  const run = async (action: () => Promise<Application>) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await action());
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const saveDetails = (event: FormEvent) => {
    event.preventDefault();
    void run(() => api.patch<Application>(base, { experienceYears: numberOrText(experience) ?? null, statement: statement || null }));
  };

  const upload = (event: FormEvent) => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) return;
    const form = new FormData();
    form.append('documentType', documentType);
    form.append('file', chosen);
    void run(async () => {
      const next = await api.post<Application>(`${base}/documents`, form);
      if (file.current) file.current.value = '';
      return next;
    });
  };

  if (!application.canEdit) return null;
  const resubmission = application.status === 'needs_info';
  return (
    <section aria-labelledby="applicant-heading">
      <h2 id="applicant-heading">{t('web.app.certification.detail.your_part')}</h2>
      <ErrorMessage error={error} />
      <form className="record-form" noValidate onSubmit={saveDetails}>
        <TextField name="experienceYears" label={t('web.app.certification.apply.experience')} value={experience} onChange={setExperience} error={error?.fields.experienceYears} />
        <div className="field">
          <label htmlFor="field-statement">{t('web.app.certification.detail.statement')}</label>
          <textarea id="field-statement" rows={3} value={statement} onChange={(event) => setStatement(event.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="secondary" disabled={busy}>
            {t('web.app.common.save')}
          </button>
        </div>
      </form>
      <form className="record-form" noValidate onSubmit={upload}>
        <h3>{t('web.app.certification.detail.add_document')}</h3>
        <p className="hint">{t('web.app.certification.detail.document_hint')}</p>
        <SelectField
          name="documentType"
          label={t('web.app.certification.form.document_type')}
          value={documentType}
          onChange={setDocumentType}
          error={error?.fields.documentType}
          options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`certification.document_type.${d}`) }))}
        />
        <div className={error?.fields.file ? 'field field-invalid' : 'field'}>
          <label htmlFor="field-file">{t('web.app.certification.detail.file')}</label>
          <input id="field-file" type="file" ref={file} accept="application/pdf,image/jpeg,image/png" aria-describedby={error?.fields.file ? 'field-file-error' : undefined} />
          {error?.fields.file ? (
            <p className="field-error" id="field-file-error">
              {error.fields.file}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="secondary" disabled={busy}>
            {t('web.app.certification.detail.upload')}
          </button>
        </div>
      </form>
      {application.documents.length > 0 ? (
        <ul>
          {application.documents.map((d) => (
            <li key={d.id}>
              {t(`certification.document_type.${d.documentType}`)}: {d.fileName}{' '}
              <button type="button" className="link-button" disabled={busy} onClick={() => void run(() => request<Application>('DELETE', `${base}/documents/${d.id}`))}>
                {t('web.app.certification.detail.remove_document', { name: d.fileName })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="record-form">
        {resubmission ? (
          <div className="field">
            <label htmlFor="field-answer">{t('web.app.certification.detail.answer')}</label>
            <textarea id="field-answer" rows={3} value={answer} onChange={(event) => setAnswer(event.target.value)} />
          </div>
        ) : null}
        <div className="form-actions">
          <button type="button" disabled={busy} onClick={() => void run(() => api.post<Application>(`${base}/submit`, { note: answer || null }))}>
            {resubmission ? t('web.app.certification.detail.resubmit') : t('web.app.certification.detail.submit')}
          </button>
        </div>
      </div>
    </section>
  );
}
