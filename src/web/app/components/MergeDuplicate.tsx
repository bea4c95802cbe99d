import { useEffect, useState } from 'react';
import { api, query, toApiError, type ApiError } from '../api.js';
import { useI18n } from '../i18n.js';
import { useResource } from '../use-resource.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { ErrorMessage } from './ErrorMessage.js';

interface Candidate {
  id: string;
  label: string;
  detail: string;
}

const DEBOUNCE_MS = 300;

/**
 * Finds a duplicate of the record on this page and merges it in, after a confirmation. Works for
 * people and organisations alike: `collection` is the API path, `describe` turns a search hit into
 * a line the user can recognise.
 */
export function MergeDuplicate<T extends { id: string }>({
  collection,
  target,
  associationId,
  lead,
  describe,
  onMerged,
}: {
  collection: '/people' | '/organisations';
  target: { id: string; label: string };
  associationId: string;
  lead: string;
  describe: (item: T) => Omit<Candidate, 'id'>;
  onMerged: (duplicateLabel: string) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Candidate | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const { data, error: searchError } = useResource<{ items: T[] }>(
    q ? `${collection}${query({ associationId, q, pageSize: 10 })}` : null,
  );
  const candidates = (data?.items ?? []).filter((item) => item.id !== target.id).map((item) => ({ id: item.id, ...describe(item) }));

  const merge = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`${collection}/${target.id}/merge`, { duplicateId: chosen.id });
      const label = chosen.label;
      setChosen(null);
      setText('');
      setQ('');
      onMerged(label);
    } catch (caught) {
      setChosen(null);
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="merge" aria-labelledby="merge-heading">
      <h2 id="merge-heading">{t('web.app.merge.title')}</h2>
      <p>{lead}</p>
      <ErrorMessage error={error ?? searchError} />
      <div className="field search-box" role="search">
        <label htmlFor="merge-q">{t('web.app.merge.search_label')}</label>
        <input id="merge-q" type="search" value={text} autoComplete="off" onChange={(event) => setText(event.target.value)} />
      </div>
      {q && data ? (
        candidates.length > 0 ? (
          <ul className="candidates" aria-label={t('web.app.merge.results')}>
            {candidates.map((c) => (
              <li key={c.id}>
                <span>
                  <strong>{c.label}</strong>
                  {c.detail ? <span className="muted"> — {c.detail}</span> : null}
                </span>
                <button type="button" className="secondary" onClick={() => setChosen(c)}>
                  {t('web.app.merge.choose', { name: c.label })}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p role="status">{t('web.app.merge.no_results')}</p>
        )
      ) : null}
      <ConfirmDialog
        open={chosen !== null}
        title={t('web.app.merge.confirm_title')}
        confirmLabel={t('web.app.merge.confirm')}
        busy={busy}
        onConfirm={() => void merge()}
        onCancel={() => setChosen(null)}
      >
        <p>{t('web.app.merge.confirm_text', { duplicate: chosen?.label ?? '', target: target.label })}</p>
      </ConfirmDialog>
    </section>
  );
}
