import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { AuthContext, AuthUser, Membership } from '../../platform/auth/access.js';
import { apiTokens, memberships, passwordResets, sessions, users, type Role } from './tables.js';

export interface UserRow extends AuthUser {
  passwordHash: string | null;
  disabledAt: Date | null;
}

const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  locale: users.locale,
  isPlatformAdmin: users.isPlatformAdmin,
  personId: users.personId,
  passwordHash: users.passwordHash,
  disabledAt: users.disabledAt,
};

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | null> {
  const rows = await db
    .select(userColumns)
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return rows[0] ?? null;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | null> {
  const rows = await db.select(userColumns).from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function countPlatformAdmins(db: DbOrTx): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.isPlatformAdmin, true), isNull(users.disabledAt)));
  return rows[0]?.n ?? 0;
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return rows[0]?.n ?? 0;
}

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string | null;
  locale: string;
  isPlatformAdmin?: boolean;
  personId?: string | null;
}

export async function insertUser(db: DbOrTx, user: NewUser): Promise<UserRow> {
  const rows = await db.insert(users).values(user).returning(userColumns);
  return rows[0]!;
}

export async function updateUserLocale(db: DbOrTx, userId: string, locale: string): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function updateUserPassword(db: DbOrTx, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function addMembership(db: DbOrTx, userId: string, associationId: string, role: Role): Promise<void> {
  await db.insert(memberships).values({ userId, associationId, role }).onConflictDoNothing();
}

export async function membershipsOf(db: DbOrTx, userId: string): Promise<Membership[]> {
  return db
    .select({ associationId: memberships.associationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
}

export async function insertSession(db: DbOrTx, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
  await db.insert(sessions).values({ tokenHash, userId, expiresAt });
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOf(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** The user's memberships, read in the same statement as the user: every authenticated request needs both. */
const membershipsOfUser = sql<Membership[]>`coalesce((
  select json_agg(json_build_object('associationId', ${memberships.associationId}, 'role', ${memberships.role}))
  from ${memberships} where ${memberships.userId} = ${users.id}
), '[]'::json)`;

function authFor(row: (AuthUser & { memberships: Membership[] }) | undefined, via: AuthContext['via']): AuthContext | null {
  if (!row) return null;
  const { memberships: userMemberships, ...user } = row;
  return { user, memberships: userMemberships, via };
}

const authUserColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  locale: users.locale,
  isPlatformAdmin: users.isPlatformAdmin,
  personId: users.personId,
};

/** A live session's user, with when the session ends. */
export interface SessionCredential {
  auth: AuthContext;
  expiresAt: Date;
}

export async function findSessionCredential(db: DbOrTx, hash: string): Promise<SessionCredential | null> {
  const rows = await db
    .select({ ...authUserColumns, memberships: membershipsOfUser, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, sql`now()`), isNull(users.disabledAt)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const { expiresAt, ...auth } = row;
  return { auth: authFor(auth, 'session')!, expiresAt };
}

/** A live API token's user, with what recording its use needs. */
export interface TokenCredential {
  auth: AuthContext;
  tokenId: string;
  lastUsedAt: Date | null;
}

export async function findTokenCredential(db: DbOrTx, hash: string): Promise<TokenCredential | null> {
  const rows = await db
    .select({ ...authUserColumns, memberships: membershipsOfUser, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt), isNull(users.disabledAt)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const { tokenId, lastUsedAt, ...auth } = row;
  return { auth: authFor(auth, 'token')!, tokenId, lastUsedAt };
}

export async function recordTokenUse(db: DbOrTx, tokenId: string): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, tokenId));
}

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export async function insertApiToken(
  db: DbOrTx,
  token: { userId: string; name: string; tokenHash: string; prefix: string },
): Promise<ApiTokenRow> {
  const rows = await db.insert(apiTokens).values(token).returning(tokenColumns);
  return rows[0]!;
}

export async function listApiTokens(db: DbOrTx, userId: string): Promise<ApiTokenRow[]> {
  return db.select(tokenColumns).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(apiTokens.createdAt);
}

/** Returns false when the token does not exist or belongs to someone else. */
export async function revokeApiToken(db: DbOrTx, userId: string, tokenId: string): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function insertPasswordReset(
  db: DbOrTx,
  reset: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(passwordResets).values(reset);
}

/** True when the token is unused, unexpired and its account enabled; the token stays usable. */
export async function isPasswordResetLive(db: DbOrTx, tokenHash: string): Promise<boolean> {
  const rows = await db
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * Marks a live token used and returns its user, in one statement, so two requests racing with the
 * same link cannot both succeed.
 */
export async function consumePasswordReset(db: DbOrTx, tokenHash: string): Promise<string | null> {
  const rows = await db
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .from(users)
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, sql`now()`),
        eq(users.id, passwordResets.userId),
        isNull(users.disabledAt),
      ),
    )
    .returning({ userId: passwordResets.userId });
  return rows[0]?.userId ?? null;
}

/** Once a password is chosen, every other link sent to the account stops working. */
export async function closePasswordResetsOf(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

/** Serialises first-run setup, so two people submitting the form at once cannot both become administrator. */
export async function lockAccountCreation(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
}
const SETUP_LOCK_KEY = 7_304_185_222;

export interface MemberRow {
  userId: string;
  email: string;
  displayName: string;
  /** Invited but has not chosen a password yet. */
  invited: boolean;
  roles: Role[];
}

export async function listMembers(db: DbOrTx, associationId: string, userId?: string): Promise<MemberRow[]> {
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      invited: sql<boolean>`${users.passwordHash} is null`,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.associationId, associationId), userId === undefined ? undefined : eq(users.id, userId)))
    .orderBy(users.displayName, users.id, memberships.role);
  const byUser = new Map<string, MemberRow>();
  for (const { role, ...user } of rows) {
    const member = byUser.get(user.userId) ?? { ...user, roles: [] };
    member.roles.push(role);
    byUser.set(user.userId, member);
  }
  return [...byUser.values()];
}

/** Returns false when the user did not hold the role there. */
export async function removeMembership(db: DbOrTx, userId: string, associationId: string, role: Role): Promise<boolean> {
  const rows = await db
    .delete(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.associationId, associationId), eq(memberships.role, role)))
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

/** Links an account to the person it belongs to in the register; only an account without one is linked. */
export async function linkUserPerson(db: DbOrTx, userId: string, personId: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ personId })
    .where(and(eq(users.id, userId), isNull(users.personId)))
    .returning({ id: users.id });
  return rows.length > 0;
}
