/**
 * The one server-side helper every page, server action and route handler uses to learn who is asking:
 * a bearer token (`Authorization: Bearer …`) or the browser session, checked against the database
 * (active account, current session version) on every request.
 */
import { cache } from 'react';
import { getToken } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import type { UserRow } from '@/db/repositories/users';
import type { Role } from '@/core/vocabulary';
import type { Actor } from '@/lib/audit/audit';
import { forbidden as forbiddenError, unauthenticated } from '@/lib/errors';
import { resolveApiToken, resolveBrowserSessionRow } from './tokens';

export interface CurrentUser {
  id: number;
  name: string;
  email: string | null;
  role: Role;
  /** How the request authenticated. */
  via: 'session' | 'token';
  /** The `api_tokens` row of the credential used: the bearer token, or the browser session. */
  tokenId?: number;
  mustChangePassword: boolean;
}

function toCurrent(u: UserRow, via: CurrentUser['via'], tokenId?: number): CurrentUser {
  return { id: u.id, name: u.name, email: u.email, role: u.role, via, tokenId, mustChangePassword: u.mustChangePassword };
}

/** The browser session's user, or null (no cookie, signed out, expired, deactivated, or session version bumped). */
export const getSessionUser = cache(async (): Promise<CurrentUser | null> => {
  let jar: Awaited<ReturnType<typeof cookies>>;
  try {
    jar = await cookies();
  } catch {
    return null; // outside a request (scripts, tests): there is no browser session
  }
  const req = { headers: {}, cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])) };
  const token = await getToken({ req: req as never, secret: process.env.NEXTAUTH_SECRET });
  if (!token || typeof token.sid !== 'string') return null;
  const r = await resolveBrowserSessionRow(token.sid);
  if (!r || r.user.id !== token.uid) return null;
  return toCurrent(r.user, 'session', r.tokenId);
});

/**
 * The user behind `req`: the bearer token when an Authorization header is present (an invalid one is
 * never silently replaced by the cookie), else the browser session. Null when neither is valid.
 */
export async function getRequestUser(req: Request): Promise<CurrentUser | null> {
  const auth = req.headers.get('authorization');
  if (auth !== null) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    if (!m) return null;
    const r = await resolveApiToken(m[1]);
    return r ? toCurrent(r.user, 'token', r.tokenId) : null;
  }
  return getSessionUser();
}

/**
 * Throws `unauthenticated` (401) when there is no user and `forbidden` (403) when the user's role is
 * not in `roles` (any role when `roles` is empty). Returns the user.
 */
export function assertRole(user: CurrentUser | null, roles: readonly Role[] = []): CurrentUser {
  if (!user) throw unauthenticated();
  if (roles.length && !roles.includes(user.role)) throw forbiddenError();
  return user;
}

/** The audit actor for `user` on a request. */
export function actorOf(user: CurrentUser | null, ctx: { clientAddress?: string | null; requestId?: string | null } = {}): Actor {
  return { userId: user?.id ?? null, kind: user?.via === 'token' ? 'token' : 'user', clientAddress: ctx.clientAddress, requestId: ctx.requestId };
}
