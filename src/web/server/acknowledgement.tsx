import { INTL_LOCALE } from '../../platform/i18n/catalogue.js';
import type { Locale } from '../../config.js';
import { escapeHtml } from './render.js';

export interface AcknowledgementText {
  text: string;
  /** The language the text is in; marked on the element when it differs from the page's. */
  lang: Locale;
}

/**
 * The donor's statement that ends every public page produced under a project. A plain function
 * of its props (no hooks, no context), so any server-rendered page or document can place it last.
 */
export function AcknowledgementNote({ acknowledgement, label, pageLocale }: { acknowledgement: AcknowledgementText | null; label: string; pageLocale: Locale }) {
  if (!acknowledgement) return null;
  return (
    <aside className="acknowledgement" aria-label={label}>
      <p lang={acknowledgement.lang !== pageLocale ? INTL_LOCALE[acknowledgement.lang] : undefined}>{acknowledgement.text}</p>
    </aside>
  );
}

/** The same note as an HTML string, for documents built without React (e-mails, exports). */
export function acknowledgementHtml(acknowledgement: AcknowledgementText | null, label: string, pageLocale: Locale): string {
  if (!acknowledgement) return '';
  const lang = acknowledgement.lang !== pageLocale ? ` lang="${INTL_LOCALE[acknowledgement.lang]}"` : '';
  return `<aside class="acknowledgement" aria-label="${escapeHtml(label)}"><p${lang}>${escapeHtml(acknowledgement.text)}</p></aside>`;
}
