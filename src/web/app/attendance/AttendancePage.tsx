import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { api, toApiError, type ApiError } from '../api.js';
import { ErrorMessage, Loading } from '../components/ErrorMessage.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { useResource } from '../use-resource.js';
import { AttendanceTabs } from './AttendanceTabs.js';
import './attendance.css';
import { dayFormatter, type AttendanceListView, type AttendanceRowView, type MarkView } from './types.js';

const cellKey = (registrationId: string, dayId: string) => `${registrationId}:${dayId}`;

/**
 * The per-day tick list: every confirmed registrant by every day of the session. Each tick is
 * saved at once; a failed save is undone on screen and said why.
 */
export function AttendancePage() {
  const { t, tag, formatNumber } = useI18n();
  const { id = '' } = useParams();
  const { data, error } = useResource<AttendanceListView>(`/sessions/${id}/attendance`);
  const [changes, setChanges] = useState<Record<string, boolean>>({});
  const [saving, setSaving] = useState<Set<string>>(new Set());
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [filter, setFilter] = useState('');
  const list = data?.session.id === id ? data : undefined;

  const present = (row: AttendanceRowView, dayId: string) => changes[cellKey(row.registrationId, dayId)] ?? row.marks[dayId] === true;

  const rows = useMemo(() => {
    if (!list) return [];
    const words = filter.trim().toLowerCase();
    if (!words) return list.rows;
    return list.rows.filter((r) => [r.fullName, r.nameLatin ?? '', r.ticketCode].some((text) => text.toLowerCase().includes(words)));
  }, [list, filter]);

  if (!list) {
    return (
      <Page title={t('web.app.attendance.title_short')}>
        <ErrorMessage error={error} />
        {error ? null : <Loading />}
      </Page>
    );
  }

  const { session } = list;
  const formatDay = dayFormatter(tag, session.timeZone);

  const tick = async (row: AttendanceRowView, dayId: string, value: boolean) => {
    const key = cellKey(row.registrationId, dayId);
    setSaveError(null);
    setChanges((c) => ({ ...c, [key]: value }));
    setSaving((s) => new Set(s).add(key));
    try {
      await api.put<MarkView>(`/sessions/${id}/attendance`, { registrationId: row.registrationId, dayId, present: value });
    } catch (caught) {
      setChanges((c) => ({ ...c, [key]: !value }));
      setSaveError(toApiError(caught));
    } finally {
      setSaving((s) => {
        const next = new Set(s);
        next.delete(key);
        return next;
      });
    }
  };

  const totals = session.days.map((d) => list.rows.filter((r) => present(r, d.id)).length);
  return (
    <Page title={t('web.app.attendance.title', { title: session.title })}>
      <AttendanceTabs sessionId={id} canManage={list.canManage} />
      <p className="lead">{t('web.app.attendance.lead', { zone: session.timeZone })}</p>
      <ErrorMessage error={saveError} />
      {list.rows.length === 0 ? (
        <p>{t('web.app.attendance.empty')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="attendance-filter">{t('web.app.attendance.filter')}</label>
            <input id="attendance-filter" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} autoComplete="off" />
          </div>
          <div className="table-wrap">
            <table className="data-table tick-grid">
              <caption>{t('web.app.attendance.caption', { count: list.rows.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('web.app.attendance.columns.name')}</th>
                  <th scope="col">{t('web.app.attendance.columns.ticket')}</th>
                  {session.days.map((d) => (
                    <th key={d.id} scope="col" className={d.day === list.today ? 'day today' : 'day'}>
                      {formatDay(d.startsAt)}
                      {d.day === list.today ? <span className="latin">{t('web.app.attendance.today')}</span> : null}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.registrationId}>
                    <th scope="row">
                      {row.fullName}
                      {row.nameLatin ? <span className="latin">{row.nameLatin}</span> : null}
                    </th>
                    <td>
                      <code>{row.ticketCode}</code>
                    </td>
                    {session.days.map((d) => {
                      const key = cellKey(row.registrationId, d.id);
                      return (
                        <td key={d.id} className={[d.day === list.today ? 'tick today' : 'tick', saving.has(key) ? 'saving' : ''].join(' ')}>
                          <input
                            type="checkbox"
                            checked={present(row, d.id)}
                            aria-label={t('web.app.attendance.tick_label', { name: row.fullName, day: formatDay(d.startsAt) })}
                            onChange={(event) => void tick(row, d.id, event.target.checked)}
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={2}>{t('web.app.attendance.present_total')}</td>
                  {totals.map((count, i) => (
                    <td key={session.days[i]!.id} className="tick num">
                      {formatNumber(count)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
