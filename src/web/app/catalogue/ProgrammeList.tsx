import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, query, toApiError, type ApiError } from '../api.js';
import { ErrorMessage, Loading, Notice } from '../components/ErrorMessage.js';
import { TextField } from '../components/Fields.js';
import { FormErrors } from '../components/FormErrors.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { NoAssociation } from '../pages/NoAssociation.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { compact, TranslatedInput } from './TranslatedInput.js';
import { pick, type Programme, type Translated } from './types.js';

interface Draft {
  code: string;
  title: Translated;
  summary: Translated;
}

/** Adds a programme, or changes the one being edited. */
function ProgrammeForm({ associationId, programme, onSaved, onCancel }: { associationId: string; programme: Programme | null; onSaved: (code: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>({ code: programme?.code ?? '', title: programme?.title ?? {}, summary: programme?.summary ?? {} });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = { code: t('web.app.catalogue.fields.code'), title: t('web.app.catalogue.fields.title'), summary: t('web.app.catalogue.fields.summary') };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = { code: draft.code, title: compact(draft.title), summary: compact(draft.summary) };
    try {
      if (programme) await api.patch(`/programmes/${programme.id}`, body);
      else await api.post('/programmes', { associationId, ...body });
      onSaved(draft.code);
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <form className="inline-form record-form" noValidate onSubmit={(event) => void submit(event)}>
      <h2>{programme ? t('web.app.catalogue.programmes.edit_title', { code: programme.code }) : t('web.app.catalogue.programmes.new')}</h2>
      <FormErrors error={error} labels={labels} />
      <TextField name="code" label={labels.code} value={draft.code} onChange={(code) => setDraft((d) => ({ ...d, code }))} error={error?.fields.code} required />
      <TranslatedInput name="title" label={labels.title} value={draft.title} onChange={(title) => setDraft((d) => ({ ...d, title }))} errors={error?.fields ?? {}} required />
      <TranslatedInput name="summary" label={labels.summary} value={draft.summary} onChange={(summary) => setDraft((d) => ({ ...d, summary }))} errors={error?.fields ?? {}} multiline />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('web.app.common.saving') : t('web.app.common.save')}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          {t('web.app.common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function ProgrammeList() {
  const { t, locale } = useI18n();
  const { association } = useSession();
  const { data, error, loading, reload } = useResource<{ items: Programme[] }>(association ? `/programmes${query({ associationId: association.id })}` : null);
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (!association) return <NoAssociation title={t('web.app.catalogue.programmes.title')} />;
  return (
    <Page
      title={t('web.app.catalogue.programmes.title')}
      actions={
        editing === null ? (
          <button type="button" onClick={() => setEditing('new')}>
            {t('web.app.catalogue.programmes.new')}
          </button>
        ) : null
      }
    >
      <p>
        <Link to="/catalogue">{t('web.app.catalogue.back')}</Link>
      </p>
      <Notice>{saved ? t('web.app.catalogue.programmes.saved', { code: saved }) : null}</Notice>
      {editing !== null ? (
        <ProgrammeForm
          key={editing === 'new' ? 'new' : editing.id}
          associationId={association.id}
          programme={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(code) => {
            setSaved(code);
            setEditing(null);
            reload();
          }}
        />
      ) : null}
      <ErrorMessage error={error} />
      {!data && loading ? <Loading /> : null}
      {data && data.items.length === 0 ? <p>{t('web.app.catalogue.programmes.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('web.app.catalogue.programmes.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.app.catalogue.fields.code')}</th>
                <th scope="col">{t('web.app.catalogue.fields.title')}</th>
                <th scope="col">{t('web.app.common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/catalogue?${new URLSearchParams({ programme: p.id }).toString()}`}>{p.code}</Link>
                  </th>
                  <td>{pick(p.title, locale)}</td>
                  <td>
                    <button type="button" className="secondary small" onClick={() => setEditing(p)}>
                      {t('web.app.catalogue.programmes.edit', { code: p.code })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
