import { Link, NavLink } from 'react-router';
import { useI18n } from '../i18n.js';

/** The attendance screens of one session, and the way back to it. */
export function AttendanceTabs({ sessionId, canManage }: { sessionId: string; canManage: boolean }) {
  const { t } = useI18n();
  const base = `/events/sessions/${sessionId}`;
  const tabs = [
    { to: `${base}/attendance`, label: t('web.app.attendance.tabs.tick_list') },
    { to: `${base}/check-in`, label: t('web.app.attendance.tabs.check_in') },
    { to: `${base}/completions`, label: t('web.app.attendance.tabs.completions') },
    ...(canManage ? [{ to: `${base}/attendance/import`, label: t('web.app.attendance.tabs.import') }] : []),
  ];
  return (
    <nav className="attendance-tabs" aria-label={t('web.app.attendance.tabs.label')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end>
              {tab.label}
            </NavLink>
          </li>
        ))}
        <li className="back">
          <Link to={base}>{t('web.app.attendance.back')}</Link>
        </li>
      </ul>
    </nav>
  );
}
