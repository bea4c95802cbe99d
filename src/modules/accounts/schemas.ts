import { Type } from '@sinclair/typebox';
import { MIN_PASSWORD_LENGTH } from '../../platform/auth/passwords.js';
import { DateTime, Nullable } from '../../platform/http/schema-types.js';

export const Email = Type.String({ format: 'email', maxLength: 254 });

export const SignInBody = Type.Object({
  email: Email,
  password: Type.String({ minLength: 1, maxLength: 200 }),
});

export const Membership = Type.Object({
  associationId: Type.String({ format: 'uuid' }),
  role: Type.Union([Type.Literal('admin'), Type.Literal('staff'), Type.Literal('trainer'), Type.Literal('assessor')]),
});

export const SessionUser = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  displayName: Type.String(),
  locale: Type.String(),
  isPlatformAdmin: Type.Boolean(),
  personId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
});

export const SessionInfo = Type.Object({
  user: SessionUser,
  memberships: Type.Array(Membership),
  /** Send back as the `x-csrf-token` header on every state-changing request made with the cookie. */
  csrfToken: Type.String(),
});

export const CreateTokenBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) });

export const ApiToken = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: DateTime(),
  lastUsedAt: Nullable(DateTime()),
  revokedAt: Nullable(DateTime()),
});

export const NewApiToken = Type.Intersect([
  ApiToken,
  Type.Object({ token: Type.String({ description: 'Shown once; send as `Authorization: Bearer <token>`.' }) }),
]);

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const LocaleEnum = Type.Union([Type.Literal('en'), Type.Literal('ru'), Type.Literal('uz'), Type.Literal('kk'), Type.Literal('lv')]);
const RoleEnum = Type.Union([Type.Literal('admin'), Type.Literal('staff'), Type.Literal('trainer'), Type.Literal('assessor')]);
const MailStatus = Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed')]);

export const SignUpBody = Type.Object({
  email: Email,
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 200 }),
  locale: LocaleEnum,
});

export const PasswordResetBody = Type.Object({ email: Email });

export const PasswordResetAccepted = Type.Object({
  message: Type.String({ description: 'The same answer whether or not an account has this address.' }),
});

export const PasswordResetConfirmBody = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 200, description: 'The `token` parameter of the link in the mail.' }),
  password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 200 }),
});

export const AssociationParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const RoleParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  userId: Type.String({ format: 'uuid' }),
  role: RoleEnum,
});

export const Member = Type.Object({
  userId: Type.String({ format: 'uuid' }),
  email: Type.String(),
  displayName: Type.String(),
  invited: Type.Boolean({ description: 'True until the invited person has chosen a password.' }),
  roles: Type.Array(RoleEnum),
});

export const AddMemberBody = Type.Object({
  email: Email,
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Needed when no account has this address yet.' })),
  role: RoleEnum,
  locale: Type.Optional(LocaleEnum),
});

export const OutboxQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const OutboxItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  toAddress: Type.String(),
  subject: Type.String(),
  locale: Type.String(),
  template: Type.String(),
  associationId: Nullable(Type.String({ format: 'uuid' })),
  status: MailStatus,
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  createdAt: DateTime(),
  nextAttemptAt: DateTime(),
  sentAt: Nullable(DateTime()),
});

export const OutboxList = Type.Object({
  items: Type.Array(OutboxItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const OutboxMailBody = Type.Intersect([OutboxItem, Type.Object({ textBody: Type.String() })]);
