import type { Messages } from '../../platform/i18n/catalogue.js';
import type { CertificateCredentials } from './certificate-credential.js';
import type { CertificateStatusLists } from './status-lists.js';

/** What the certification use cases need beyond the database. */
export interface CertificationDeps {
  messages: Messages;
  /** Base URL of the deployment, for links in mails. */
  publicUrl: string;
  /** Where a certificate's credential status lives (revocation and suspension bits). */
  statusLists: CertificateStatusLists;
  /** Signs each certificate's credential as it is written. */
  credentials: CertificateCredentials;
}
