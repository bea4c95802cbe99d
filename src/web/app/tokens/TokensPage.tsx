import { useState, type FormEvent } from 'react';
import { api, toApiError, type ApiError } from '../api.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { ErrorMessage, Loading, Notice } from '../components/ErrorMessage.js';
import { TextField } from '../components/Fields.js';
import { FormErrors } from '../components/FormErrors.js';
import { useFocusOnMount } from '../components/focus.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { useResource } from '../use-resource.js';

interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The secret, once: it is stored only as a hash and cannot be shown again. */
function NewSecret({ token }: { token: ApiToken & { token: string } }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const copy = async () => {
    await navigator.clipboard.writeText(token.token);
    setCopied(true);
  };
  return (
    <section className="secret" aria-labelledby="secret-heading">
      <h2 id="secret-heading" tabIndex={-1} ref={heading}>
        {t('web.app.tokens.created_title', { name: token.name })}
      </h2>
      <p>{t('web.app.tokens.created_text')}</p>
      <p>
        <code className="secret-value">{token.token}</code>
      </p>
      <button type="button" className="secondary" onClick={() => void copy().catch(() => setCopied(false))}>
        {t('web.app.tokens.copy')}
      </button>
      <Notice>{copied ? t('web.app.tokens.copied') : null}</Notice>
    </section>
  );
}

export function TokensPage() {
  const { t, formatDateTime } = useI18n();
  const { data, error: loadError, reload } = useResource<{ items: ApiToken[] }>('/tokens');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<(ApiToken & { token: string }) | null>(null);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [revokeError, setRevokeError] = useState<ApiError | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    try {
      setCreated(await api.post<ApiToken & { token: string }>('/tokens', { name: name.trim() }));
      setName('');
      reload();
    } catch (caught) {
      setFormError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setRevokeError(null);
    try {
      await api.delete(`/tokens/${revoking.id}`);
      if (created?.id === revoking.id) setCreated(null);
      setRevoked(revoking.name);
      reload();
    } catch (caught) {
      setRevokeError(toApiError(caught));
    } finally {
      setRevoking(null);
      setBusy(false);
    }
  };

  const labels = { name: t('web.app.tokens.name') };
  return (
    <Page title={t('web.app.tokens.title')}>
      <p className="lead">{t('web.app.tokens.lead')}</p>
      {created ? <NewSecret key={created.id} token={created} /> : null}
      <form className="record-form inline-form" noValidate onSubmit={(event) => void create(event)}>
        <FormErrors error={formError} labels={labels} />
        <TextField name="name" label={labels.name} hint={t('web.app.tokens.name_hint')} value={name} onChange={setName} error={formError?.fields.name} required autoComplete="off" />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('web.app.tokens.create')}
          </button>
        </div>
      </form>
      <Notice>{revoked ? t('web.app.tokens.revoked_notice', { name: revoked }) : null}</Notice>
      <ErrorMessage error={loadError ?? revokeError} />
      {!data && !loadError ? <Loading /> : null}
      {data && data.items.length === 0 ? <p>{t('web.app.tokens.empty')}</p> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('web.app.tokens.list_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.app.tokens.name')}</th>
                <th scope="col">{t('web.app.tokens.columns.prefix')}</th>
                <th scope="col">{t('web.app.tokens.columns.created')}</th>
                <th scope="col">{t('web.app.tokens.columns.last_used')}</th>
                <th scope="col">{t('web.app.tokens.columns.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('web.app.common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{formatDateTime(token.createdAt)}</td>
                  <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('web.app.tokens.never')}</td>
                  <td>{token.revokedAt ? t('web.app.tokens.revoked', { date: formatDateTime(token.revokedAt) }) : t('web.app.tokens.active')}</td>
                  <td>
                    {token.revokedAt ? null : (
                      <button type="button" className="secondary small" onClick={() => setRevoking(token)}>
                        {t('web.app.tokens.revoke')}
                        <span className="visually-hidden"> {token.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ConfirmDialog
        open={revoking !== null}
        title={t('web.app.tokens.revoke_title')}
        confirmLabel={t('web.app.tokens.revoke')}
        busy={busy}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      >
        <p>{t('web.app.tokens.revoke_text', { name: revoking?.name ?? '' })}</p>
      </ConfirmDialog>
    </Page>
  );
}
