import { useState, type FormEvent } from 'react';
import { api, toApiError, type ApiError } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useI18n } from '../i18n.js';
import type { CompletionView, HistoryEntryView } from './types.js';

/** The final test result, saved when the trainer presses Enter or leaves the field. */
function ScoreInput({ sessionId, item, onSaved }: { sessionId: string; item: CompletionView; onSaved: () => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(item.testScore === null ? '' : String(item.testScore));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `score-${item.registrationId}`;

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    const text = value.trim().replace(',', '.');
    const score = text === '' ? null : Number(text);
    if (score === item.testScore || (score !== null && Number.isNaN(score))) return;
    setBusy(true);
    setError(null);
    try {
      await api.put(`/sessions/${sessionId}/test-results`, { registrationId: item.registrationId, score });
      onSaved();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <label htmlFor={id} className="visually-hidden">
        {t('web.app.attendance.completions.score_label', { name: item.fullName })}
      </label>
      <input
        id={id}
        className="score-input"
        inputMode="decimal"
        value={value}
        disabled={busy}
        aria-invalid={error ? 'true' : undefined}
        onChange={(event) => setValue(event.target.value)}
        onBlur={() => void save()}
      />
      {error ? <p className="field-error">{error.fields.score ?? error.message}</p> : null}
    </form>
  );
}

/** Every change of one registrant's completion, loaded when asked for. */
function History({ sessionId, registrationId }: { sessionId: string; registrationId: string }) {
  const { t, formatDateTime } = useI18n();
  const [items, setItems] = useState<HistoryEntryView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState(false);

  const toggle = async () => {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    try {
      setItems((await api.get<{ items: HistoryEntryView[] }>(`/sessions/${sessionId}/completions/${registrationId}/history`)).items);
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  return (
    <>
      <button type="button" className="link-button" aria-expanded={open} onClick={() => void toggle()}>
        {t('web.app.attendance.completions.history')}
      </button>
      {open ? (
        <>
          <ErrorMessage error={error} />
          {items ? (
            <ol className="history-list">
              {items.length === 0 ? <li>{t('web.app.attendance.completions.history_empty')}</li> : null}
              {items.map((h) => (
                <li key={h.id}>
                  {formatDateTime(h.at)} — {t(`web.app.attendance.completions.kind.${h.kind}`)}:{' '}
                  {t(h.completed ? 'web.app.attendance.completions.status.completed' : 'web.app.attendance.completions.status.not_completed')}
                  {h.kind !== 'computed' && h.reason ? ` — “${h.reason}”` : ''}
                  {h.actorName ? ` (${h.actorName})` : ''}
                </li>
              ))}
            </ol>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export interface CompletionRowProps {
  sessionId: string;
  item: CompletionView;
  dayCount: number;
  withScore: boolean;
  canManage: boolean;
  onOverride: (item: CompletionView) => void;
  onRemoveOverride: (item: CompletionView) => void;
  onChanged: () => void;
}

export function CompletionRow({ sessionId, item, dayCount, withScore, canManage, onOverride, onRemoveOverride, onChanged }: CompletionRowProps) {
  const { t, formatNumber } = useI18n();
  return (
    <tr>
      <th scope="row">
        {item.fullName}
        {item.nameLatin ? <span className="latin">{item.nameLatin}</span> : null}
      </th>
      <td className="num">{t('web.app.attendance.completions.days', { attended: item.attendedDays, days: dayCount, percent: formatNumber(item.attendancePercent) })}</td>
      {withScore ? (
        <td>
          <ScoreInput key={`${item.testScore}`} sessionId={sessionId} item={item} onSaved={onChanged} />
        </td>
      ) : null}
      <td>
        <span className={item.completed ? 'completion-status completed' : 'completion-status not-completed'}>
          {t(item.completed ? 'web.app.attendance.completions.status.completed' : 'web.app.attendance.completions.status.not_completed')}
        </span>
        {item.overridden ? (
          <span className="override-note">
            {t('web.app.attendance.completions.overridden', { reason: item.overrideReason ?? '' })}
          </span>
        ) : null}
        <History sessionId={sessionId} registrationId={item.registrationId} />
      </td>
      <td>
        {item.completed ? (
          <p>
            <a href={`/api/v1/sessions/${sessionId}/completions/${item.registrationId}/certificate.pdf`} download>
              {t('web.app.attendance.completions.certificate')}
            </a>
          </p>
        ) : null}
        {canManage ? (
          <p>
            {item.overridden ? (
              <button type="button" className="secondary small" onClick={() => onRemoveOverride(item)}>
                {t('web.app.attendance.completions.remove_override')}
              </button>
            ) : (
              <button type="button" className="secondary small" onClick={() => onOverride(item)}>
                {t('web.app.attendance.completions.override')}
              </button>
            )}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
