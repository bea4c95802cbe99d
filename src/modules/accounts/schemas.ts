import { Type } from '@sinclair/typebox';
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
