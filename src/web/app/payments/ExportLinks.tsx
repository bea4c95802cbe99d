import { useI18n } from '../i18n.js';
import { EXPORT_KINDS } from './types.js';

/**
 * Downloads of the participant list, attendance and payments. Plain links: the browser sends the
 * session cookie, and `lang` asks for the headers in the language on screen.
 */
export function ExportLinks({ sessionId }: { sessionId: string }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="exports-heading">
      <h2 id="exports-heading">{t('web.app.payments.exports.heading')}</h2>
      <p>{t('web.app.payments.exports.lead')}</p>
      <ul className="plain">
        {EXPORT_KINDS.map((kind) => (
          <li key={kind}>
            <strong>{t(`web.app.payments.exports.${kind}`)}</strong>:{' '}
            {(['xlsx', 'csv'] as const).map((format, index) => (
              <span key={format}>
                {index > 0 ? ' · ' : null}
                <a
                  href={`/api/v1/sessions/${sessionId}/exports/${kind}.${format}?lang=${locale}`}
                  download
                  aria-label={t('web.app.payments.exports.download', { what: t(`web.app.payments.exports.${kind}`), format: t(`web.app.payments.exports.${format}`) })}
                >
                  {t(`web.app.payments.exports.${format}`)}
                </a>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
