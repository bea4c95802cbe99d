import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, toApiError, type ApiError } from '../api.js';
import { ErrorMessage, errorText, Loading } from '../components/ErrorMessage.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { useResource } from '../use-resource.js';
import { AttendanceTabs } from './AttendanceTabs.js';
import './attendance.css';
import { cameraAvailable, startScanner, type Scanner } from './qr-scanner.js';
import { dayFormatter, type AttendanceListView, type CheckInView } from './types.js';

type Outcome = { kind: 'done'; result: CheckInView } | { kind: 'refused'; error: ApiError };

/** The camera part: a video preview and a switch; every code read is handed to `onCode`. */
function CameraScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const scanner = useRef<Scanner | null>(null);
  const handler = useRef(onCode);
  const [on, setOn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    handler.current = onCode;
  }, [onCode]);
  useEffect(() => () => scanner.current?.stop(), []);

  const start = async () => {
    setProblem(null);
    try {
      scanner.current = await startScanner(video.current!, (text) => handler.current(text));
      setOn(true);
    } catch (error) {
      const name = (error as { name?: string }).name;
      setProblem(t(name === 'NotAllowedError' ? 'web.app.attendance.check_in.camera_refused' : 'web.app.attendance.check_in.camera_failed'));
    }
  };
  const stop = () => {
    scanner.current?.stop();
    scanner.current = null;
    setOn(false);
  };

  if (!cameraAvailable()) return <p className="muted">{t('web.app.attendance.check_in.camera_unavailable')}</p>;
  return (
    <section className="scanner" aria-labelledby="scanner-heading">
      <h2 id="scanner-heading">{t('web.app.attendance.check_in.camera_heading')}</h2>
      <video ref={video} hidden={!on} aria-label={t('web.app.attendance.check_in.camera_label')} />
      {problem ? (
        <div className="alert alert-error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      <p>
        {on ? (
          <button type="button" className="secondary" onClick={stop}>
            {t('web.app.attendance.check_in.camera_stop')}
          </button>
        ) : (
          <button type="button" className="secondary" onClick={() => void start()}>
            {t('web.app.attendance.check_in.camera_start')}
          </button>
        )}
      </p>
    </section>
  );
}

/**
 * Check-in at the door: scan the ticket's QR code with the device camera, or type the code. The
 * answer says at once who it is (in their own script), or why they cannot be checked in.
 */
export function CheckInPage() {
  const i18n = useI18n();
  const { t, tag, formatDateTime } = i18n;
  const { id = '' } = useParams();
  const { data, error } = useResource<AttendanceListView>(`/sessions/${id}/attendance`);
  const list = data?.session.id === id ? data : undefined;
  const [dayId, setDayId] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [recent, setRecent] = useState<CheckInView[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const todayDay = list?.session.days.find((d) => d.day === list.today);
  const chosenDay = dayId || todayDay?.id || '';

  const checkIn = async (text: string) => {
    if (!text.trim()) return;
    setBusy(true);
    try {
      const result = await api.post<CheckInView>(`/sessions/${id}/check-in`, { code: text, ...(chosenDay ? { dayId: chosenDay } : {}) });
      setOutcome({ kind: 'done', result });
      setRecent((r) => [result, ...r.filter((x) => x.registrationId !== result.registrationId || x.dayId !== result.dayId)].slice(0, 10));
      setCode('');
    } catch (caught) {
      setOutcome({ kind: 'refused', error: toApiError(caught) });
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void checkIn(code);
  };

  if (!list) {
    return (
      <Page title={t('web.app.attendance.check_in.title_short')}>
        <ErrorMessage error={error} />
        {error ? null : <Loading />}
      </Page>
    );
  }
  const { session } = list;
  const formatDay = dayFormatter(tag, session.timeZone);
  const dayLabel = (id: string) => {
    const day = session.days.find((d) => d.id === id);
    return day ? formatDay(day.startsAt) : '';
  };

  return (
    <Page title={t('web.app.attendance.check_in.title', { title: session.title })}>
      <AttendanceTabs sessionId={id} canManage={list.canManage} />
      <div className="field">
        <label htmlFor="check-in-day">{t('web.app.attendance.check_in.day')}</label>
        {todayDay ? null : (
          <p className="hint" id="check-in-day-hint">
            {t('web.app.attendance.check_in.no_day_today')}
          </p>
        )}
        <select id="check-in-day" value={chosenDay} onChange={(event) => setDayId(event.target.value)} aria-describedby={todayDay ? undefined : 'check-in-day-hint'}>
          {todayDay ? null : <option value="">{t('web.app.attendance.check_in.choose_day')}</option>}
          {session.days.map((d) => (
            <option key={d.id} value={d.id}>
              {formatDay(d.startsAt)}
              {d.id === todayDay?.id ? ` — ${t('web.app.attendance.today')}` : ''}
            </option>
          ))}
        </select>
      </div>
      <form className="record-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="check-in-code">{t('web.app.attendance.check_in.code')}</label>
          <p className="hint" id="check-in-code-hint">
            {t('web.app.attendance.check_in.code_hint')}
          </p>
          <input
            ref={input}
            id="check-in-code"
            className="code-input"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            autoFocus
            aria-describedby="check-in-code-hint"
          />
        </div>
        <div className="form-actions">
          <button type="submit" disabled={busy || !code.trim()}>
            {t('web.app.attendance.check_in.submit')}
          </button>
        </div>
      </form>
      <div aria-live="polite" role="status">
        {outcome?.kind === 'done' ? (
          <div className={outcome.result.status === 'checked_in' ? 'alert alert-ok check-in-result' : 'alert alert-ok check-in-result already'}>
            <p>
              <span className="name">{outcome.result.fullName}</span>
              {outcome.result.nameLatin ? <span className="muted">{outcome.result.nameLatin} · </span> : null}
              <span>
                {t(outcome.result.status === 'checked_in' ? 'web.app.attendance.check_in.done' : 'web.app.attendance.check_in.already', {
                  day: dayLabel(outcome.result.dayId),
                  time: formatDateTime(outcome.result.recordedAt),
                })}
              </span>
            </p>
          </div>
        ) : null}
      </div>
      {outcome?.kind === 'refused' ? (
        <div className="alert alert-error check-in-result" role="alert">
          <p>{errorText(outcome.error, i18n)}</p>
          {Object.values(outcome.error.fields).map((text) => (
            <p key={text}>{text}</p>
          ))}
        </div>
      ) : null}
      <CameraScanner onCode={(text) => void checkIn(text)} />
      {recent.length > 0 ? (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('web.app.attendance.check_in.recent')}</h2>
          <ul>
            {recent.map((r) => (
              <li key={`${r.registrationId}:${r.dayId}`}>
                {r.fullName} — <code>{r.ticketCode}</code> — {dayLabel(r.dayId)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
