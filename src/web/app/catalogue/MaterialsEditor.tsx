import { useState, type FormEvent } from 'react';
import { api, toApiError, type ApiError } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { SelectField, TextField } from '../components/Fields.js';
import { useI18n } from '../i18n.js';
import { compact, TranslatedInput } from './TranslatedInput.js';
import { pick, type Material, type MaterialVisibility, type Translated } from './types.js';

function sizeText(bytes: number, formatNumber: (n: number) => string): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** A course's materials: links and uploaded files, each public or for participants only. */
export function MaterialsEditor({ courseId, materials, onChange }: { courseId: string; materials: Material[]; onChange: () => void }) {
  const { t, locale, formatNumber } = useI18n();
  const [kind, setKind] = useState<'file' | 'link'>('file');
  const [title, setTitle] = useState<Translated>({});
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [visibility, setVisibility] = useState<MaterialVisibility>('participants');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileInputKey, setFileInputKey] = useState(0);
  const errors = error?.fields ?? {};

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChange();
      return true;
    } catch (caught) {
      setError(toApiError(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const done = await run(async () => {
      if (kind === 'link') {
        await api.post(`/courses/${courseId}/materials`, { title: compact(title), url, visibility });
      } else {
        const form = new FormData();
        form.append('title', JSON.stringify(compact(title)));
        form.append('visibility', visibility);
        if (file) form.append('file', file, file.name);
        await api.post(`/courses/${courseId}/materials/files`, form);
      }
    });
    if (done) {
      setTitle({});
      setUrl('');
      setFile(null);
      setFileInputKey((k) => k + 1);
    }
  };

  const visibilityOptions = [
    { value: 'participants', label: t('web.app.catalogue.materials.participants') },
    { value: 'public', label: t('web.app.catalogue.materials.public') },
  ];

  return (
    <section aria-labelledby="materials-heading" className="materials-editor">
      <h2 id="materials-heading">{t('web.app.catalogue.materials.title')}</h2>
      {materials.length === 0 ? <p>{t('web.app.catalogue.materials.none')}</p> : null}
      <ul className="candidates">
        {materials.map((m) => (
          <li key={m.id}>
            <span>
              <a href={m.kind === 'link' ? (m.url ?? '#') : (m.file?.downloadUrl ?? '#')} rel={m.kind === 'link' ? 'noopener noreferrer' : undefined}>
                {pick(m.title, locale)}
              </a>{' '}
              <span className="muted">
                {m.file ? `${m.file.fileName}, ${sizeText(m.file.size, formatNumber)} · ` : ''}
                {t(`web.app.catalogue.materials.${m.visibility}`)}
              </span>
            </span>
            <span className="page-actions">
              <button
                type="button"
                className="secondary small"
                disabled={busy}
                onClick={() => void run(() => api.patch(`/courses/${courseId}/materials/${m.id}`, { visibility: m.visibility === 'public' ? 'participants' : 'public' }))}
              >
                {t(m.visibility === 'public' ? 'web.app.catalogue.materials.make_private' : 'web.app.catalogue.materials.make_public')}
              </button>
              <button type="button" className="danger small" disabled={busy} onClick={() => void run(() => api.delete(`/courses/${courseId}/materials/${m.id}`))}>
                {t('web.app.catalogue.materials.remove', { title: pick(m.title, locale) })}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <form className="inline-form" noValidate onSubmit={(event) => void add(event)}>
        <h3>{t('web.app.catalogue.materials.add')}</h3>
        <ErrorMessage error={error} />
        <SelectField
          name="material-kind"
          label={t('web.app.catalogue.materials.kind')}
          value={kind}
          onChange={(value) => setKind(value as 'file' | 'link')}
          options={[
            { value: 'file', label: t('web.app.catalogue.materials.kind_file') },
            { value: 'link', label: t('web.app.catalogue.materials.kind_link') },
          ]}
        />
        <TranslatedInput name="title" label={t('web.app.catalogue.fields.title')} value={title} onChange={setTitle} errors={errors} required={kind === 'link'} hint={kind === 'file' ? t('web.app.catalogue.materials.title_hint') : undefined} />
        {kind === 'link' ? (
          <TextField name="url" label={t('web.app.catalogue.materials.url')} value={url} onChange={setUrl} error={errors.url} type="url" required />
        ) : (
          <div className={errors.file ? 'field field-invalid' : 'field'}>
            <label htmlFor="field-file">{t('web.app.catalogue.materials.file')}</label>
            <p className="hint" id="field-file-hint">
              {t('web.app.catalogue.materials.file_hint')}
            </p>
            <input
              key={fileInputKey}
              id="field-file"
              type="file"
              aria-describedby={errors.file ? 'field-file-hint field-file-error' : 'field-file-hint'}
              aria-invalid={errors.file ? 'true' : undefined}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
            {errors.file ? (
              <p className="field-error" id="field-file-error">
                {errors.file}
              </p>
            ) : null}
          </div>
        )}
        <SelectField name="visibility" label={t('web.app.catalogue.materials.visibility')} value={visibility} onChange={(v) => setVisibility(v as MaterialVisibility)} options={visibilityOptions} error={errors.visibility} />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('web.app.catalogue.materials.add_button')}
          </button>
        </div>
      </form>
    </section>
  );
}
