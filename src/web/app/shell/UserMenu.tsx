import { useState } from 'react';
import { Link } from 'react-router';
import { api, toApiError, type ApiError } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useI18n } from '../i18n.js';
import { useSession } from '../session.js';

export function UserMenu() {
  const { t } = useI18n();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const signOut = async () => {
    try {
      await api.delete('/session');
      window.location.assign('/');
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  return (
    <details
      className="user-menu"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        setOpen(false);
        event.currentTarget.querySelector('summary')?.focus();
      }}
    >
      <summary aria-label={t('web.app.user_menu.label', { name: user.displayName })}>{user.displayName}</summary>
      <ul>
        <li>
          <Link to="/tokens" onClick={() => setOpen(false)}>
            {t('web.app.user_menu.tokens')}
          </Link>
        </li>
        <li>
          <button type="button" className="link-button" onClick={() => void signOut()}>
            {t('web.sign_out')}
          </button>
        </li>
      </ul>
      <ErrorMessage error={error} />
    </details>
  );
}
