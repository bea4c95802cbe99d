import { useI18n } from '../i18n.js';
import './certification.css';

/** A status as a labelled badge: application, certificate or scheme. */
export function StatusBadge({ kind, status }: { kind: 'application' | 'certificate' | 'scheme'; status: string }) {
  const { t } = useI18n();
  return <span className={`status cert-status cert-${status}`}>{t(`certification.${kind}_status.${status}`)}</span>;
}
