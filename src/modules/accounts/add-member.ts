import type { Config, Locale } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { AuthUser } from '../../platform/auth/access.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { isLocale, type Messages } from '../../platform/i18n/catalogue.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { findAssociation } from '../associations/repository.js';
import { checkAccountFields } from './account-fields.js';
import { createUser } from './create-user.js';
import { INVITATION_LINK_DAYS, issuePasswordLink } from './password-link.js';
import { addMembership, findUserByEmail, listMembers, type MemberRow } from './repository.js';
import type { Role } from './tables.js';

export interface AddMemberDeps {
  db: Db;
  config: Config;
  messages: Messages;
}

export interface AddMemberOptions {
  associationId: string;
  email: string;
  /** Needed only when the account does not exist yet. */
  displayName?: string;
  role: Role;
  /** Language of the invitation; the association's by default. */
  locale?: Locale;
  invitedBy: AuthUser;
}

export interface AddMemberResult {
  member: MemberRow;
  /** True when the account was created, and so invited. */
  created: boolean;
}

/**
 * Grants a role in an association to the person with this address. Someone without an account gets
 * one without a password and an invitation mail whose link lets them choose it.
 */
export async function addMember(deps: AddMemberDeps, options: AddMemberOptions): Promise<AddMemberResult> {
  const { db, config, messages } = deps;
  const association = await findAssociation(db, options.associationId);
  if (!association) throw new AppError('not_found', { values: { what: 'association' } });
  const locale: Locale = options.locale ?? (isLocale(association.defaultLocale) ? association.defaultLocale : config.defaultLocale);

  return db.transaction(async (tx) => {
    let user = await findUserByEmail(tx, options.email.trim());
    const created = user === null;
    if (!user) {
      const displayName = options.displayName?.trim() ?? '';
      if (!displayName) throw fieldError('displayName', 'required');
      checkAccountFields({ email: options.email, displayName, locale });
      user = await createUser(tx, { email: options.email, displayName, password: null, locale });
    }
    await addMembership(tx, user.id, association.id, options.role);
    if (!user.passwordHash && !user.disabledAt) {
      const tr = messages.translator(locale);
      const link = await issuePasswordLink(tx, config, user.id, INVITATION_LINK_DAYS * 24);
      await enqueueMail(tx, messages, {
        to: user.email,
        locale,
        template: 'accounts.mail.invitation',
        associationId: association.id,
        values: {
          name: user.displayName,
          inviter: options.invitedBy.displayName,
          association: association.name,
          role: tr.t(`accounts.roles.${options.role}`),
          link,
          days: INVITATION_LINK_DAYS,
        },
      });
    }
    const [member] = await listMembers(tx, association.id, user.id);
    return { member: member!, created };
  });
}
