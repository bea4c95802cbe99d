import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { isLocale, type Messages } from '../../platform/i18n/catalogue.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { issuePasswordLink, RESET_LINK_HOURS } from './password-link.js';
import { findUserByEmail } from './repository.js';

export interface RequestPasswordResetDeps {
  db: Db;
  config: Config;
  messages: Messages;
}

export interface RequestPasswordResetOptions {
  email: string;
}

/**
 * Queues a reset link for the account with this address, in the account's language. Says nothing
 * about whether the account exists: callers answer the same either way.
 */
export async function requestPasswordReset(deps: RequestPasswordResetDeps, options: RequestPasswordResetOptions): Promise<void> {
  const { db, config, messages } = deps;
  const user = await findUserByEmail(db, options.email.trim());
  if (!user || user.disabledAt) return;
  await db.transaction(async (tx) => {
    const link = await issuePasswordLink(tx, config, user.id, RESET_LINK_HOURS);
    await enqueueMail(tx, messages, {
      to: user.email,
      locale: isLocale(user.locale) ? user.locale : config.defaultLocale,
      template: 'accounts.mail.password_reset',
      values: { name: user.displayName, link, hours: RESET_LINK_HOURS },
    });
  });
}
