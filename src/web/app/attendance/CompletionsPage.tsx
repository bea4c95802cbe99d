import { useState } from 'react';
import { useParams } from 'react-router';
import { api, toApiError, type ApiError } from '../api.js';
import { ArchiveDownload } from '../components/ArchiveDownload.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { ErrorMessage, Loading, Notice } from '../components/ErrorMessage.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { useResource } from '../use-resource.js';
import { AttendanceTabs } from './AttendanceTabs.js';
import './attendance.css';
import { CompletionRow } from './CompletionRow.js';
import { OverrideDialog } from './OverrideDialog.js';
import type { CompletionListView, CompletionView } from './types.js';

/**
 * Who completed the session: computed from the rule whenever the list is opened, the trainer's test
 * results, staff overrides with their reasons and history, and each completer's certificate.
 */
export function CompletionsPage() {
  const { t, formatNumber } = useI18n();
  const { id = '' } = useParams();
  const { data, error, reload } = useResource<CompletionListView>(`/sessions/${id}/completions`);
  const [overriding, setOverriding] = useState<CompletionView | null>(null);
  const [removing, setRemoving] = useState<CompletionView | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = data?.session.id === id ? data : undefined;

  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setActionError(null);
    try {
      await run();
      setOverriding(null);
      setRemoving(null);
      setNotice(done);
      reload();
    } catch (caught) {
      setActionError(toApiError(caught));
      setRemoving(null);
    } finally {
      setBusy(false);
    }
  };

  if (!list) {
    return (
      <Page title={t('web.app.attendance.completions.title_short')}>
        <ErrorMessage error={error} />
        {error ? null : <Loading />}
      </Page>
    );
  }
  const { session } = list;
  const withScore = session.requiresFinalTest || list.items.some((i) => i.testScore !== null);
  const completed = list.items.filter((i) => i.completed).length;
  const rule = session.requiresFinalTest
    ? t('web.app.attendance.completions.rule_with_test', { percent: session.minAttendancePercent, days: list.dayCount, score: formatNumber(session.minTestScore ?? 0) })
    : t('web.app.attendance.completions.rule', { percent: session.minAttendancePercent, days: list.dayCount });

  return (
    <Page title={t('web.app.attendance.completions.title', { title: session.title })}>
      <AttendanceTabs sessionId={id} canManage={list.canManage} />
      <p className="lead">{rule}</p>
      <Notice>{notice ? t(`web.app.attendance.completions.notice.${notice}`) : null}</Notice>
      {overriding ? null : <ErrorMessage error={actionError} />}
      <dl className="counts">
        <div className="count">
          <dt>{t('web.app.attendance.completions.count_completed')}</dt>
          <dd>{formatNumber(completed)}</dd>
        </div>
        <div className="count">
          <dt>{t('web.app.attendance.completions.count_total')}</dt>
          <dd>{formatNumber(list.items.length)}</dd>
        </div>
      </dl>
      <div className="form-actions">
        <button type="button" className="secondary" disabled={busy} onClick={() => void act(() => api.post(`/sessions/${id}/completions/compute`), 'computed')}>
          {t('web.app.attendance.completions.compute')}
        </button>
      </div>
      {list.canManage && completed > 0 ? (
        <ArchiveDownload start={`/sessions/${id}/certificate-archives`} download={(jobId) => `/sessions/${id}/certificate-archives/${jobId}`} />
      ) : null}
      {list.items.length === 0 ? (
        <p>{t('web.app.attendance.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('web.app.attendance.completions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.app.attendance.columns.name')}</th>
                <th scope="col">{t('web.app.attendance.completions.attendance')}</th>
                {withScore ? <th scope="col">{t('web.app.attendance.completions.score')}</th> : null}
                <th scope="col">{t('web.app.attendance.completions.status_heading')}</th>
                <th scope="col">{t('web.app.common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <CompletionRow
                  key={item.registrationId}
                  sessionId={id}
                  item={item}
                  dayCount={list.dayCount}
                  withScore={withScore}
                  canManage={list.canManage}
                  onOverride={(it) => {
                    setActionError(null);
                    setOverriding(it);
                  }}
                  onRemoveOverride={setRemoving}
                  onChanged={() => {
                    setNotice('score_saved');
                    reload();
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <OverrideDialog
        item={overriding}
        busy={busy}
        error={overriding ? actionError : null}
        onConfirm={(done, reason) =>
          void act(() => api.put(`/sessions/${id}/completions/${overriding!.registrationId}/override`, { completed: done, reason }), 'overridden')
        }
        onCancel={() => setOverriding(null)}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('web.app.attendance.completions.remove_title', { name: removing?.fullName ?? '' })}
        confirmLabel={t('web.app.attendance.completions.remove_override')}
        busy={busy}
        onConfirm={() => void act(() => api.delete(`/sessions/${id}/completions/${removing!.registrationId}/override`), 'override_removed')}
        onCancel={() => setRemoving(null)}
      >
        <p>{t('web.app.attendance.completions.remove_text')}</p>
      </ConfirmDialog>
    </Page>
  );
}
