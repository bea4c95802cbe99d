import type { ReactNode } from 'react';
import { useI18n } from '../i18n.js';

/**
 * Every screen: the document title and one heading. The shell moves focus to this heading after
 * each navigation, so screen-reader users hear where they are.
 */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <title>{`${title} · ${t('app.name')}`}</title>
      <div className="page-head">
        <h1 tabIndex={-1}>{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </>
  );
}
