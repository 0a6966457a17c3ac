/**
 * Opaque API bearer tokens for third-party systems: `ehr_` + 32 random bytes (base64url), shown once,
 * stored as a SHA-256 hex hash. A token works until it expires (`API_TOKEN_TTL_HOURS`, default 12),
 * is revoked, its user is deactivated, or its user's session version is bumped.
 */
import crypto from 'node:crypto';
import { createApiToken, findApiTokenWithUser, revokeApiToken, touchApiToken } from '@/db/repositories/api-tokens';
import type { UserRow } from '@/db/repositories/users';
import { env } from '@/core/env';

/** SHA-256 hex of a token. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Issues a new token for `user`: `{ token, expiresAt }` (the token itself is never stored). */
export async function issueApiToken(user: UserRow, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = `ehr_${crypto.randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(now.getTime() + env().API_TOKEN_TTL_HOURS * 3_600_000);
  await createApiToken({ userId: user.id, kind: 'api', tokenHash: hashToken(token), sessionVersion: user.sessionVersion, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/**
 * Opens a server-side browser session for `user` (lifetime `SESSION_MAX_AGE_HOURS`); returns its id,
 * which travels only inside the encrypted session cookie.
 */
export async function openBrowserSession(user: Pick<UserRow, 'id' | 'sessionVersion'>, now = new Date()): Promise<string> {
  const sid = `ses_${crypto.randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(now.getTime() + env().SESSION_MAX_AGE_HOURS * 3_600_000);
  await createApiToken({ userId: user.id, kind: 'session', tokenHash: hashToken(sid), sessionVersion: user.sessionVersion, createdAt: now, expiresAt });
  return sid;
}

/** The user of browser session `sid` when it is valid now, else null. */
export async function resolveBrowserSession(sid: string, now = new Date()): Promise<UserRow | null> {
  const r = await resolveCredential(sid, 'session', now);
  return r?.user ?? null;
}

/** Browser session `sid`'s `{ user, tokenId }` (its row id) when it is valid now, else null. */
export async function resolveBrowserSessionRow(sid: string, now = new Date()): Promise<{ user: UserRow; tokenId: number } | null> {
  return resolveCredential(sid, 'session', now);
}

/** Ends browser session `sid` (sign-out); returns whether it was open. */
export async function closeBrowserSession(sid: string): Promise<boolean> {
  return revokeApiToken(hashToken(sid));
}

/** The token's `{ user, tokenId }` when it is valid now, else null (unknown, expired, revoked, stale, deactivated). */
export async function resolveApiToken(token: string, now = new Date()): Promise<{ user: UserRow; tokenId: number } | null> {
  if (!token.startsWith('ehr_')) return null;
  return resolveCredential(token, 'api', now);
}

async function resolveCredential(value: string, kind: 'api' | 'session', now: Date): Promise<{ user: UserRow; tokenId: number } | null> {
  if (value.length > 100) return null;
  const row = await findApiTokenWithUser(hashToken(value));
  if (!row) return null;
  const { token: t, user } = row;
  if (t.kind !== kind || t.revokedAt || t.expiresAt.getTime() <= now.getTime()) return null;
  if (!user.isActive || t.sessionVersion !== user.sessionVersion) return null;
  // Record use at most once a minute per token to keep reads cheap.
  if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > 60_000) await touchApiToken(t.id, now);
  return { user, tokenId: t.id };
}

/** Revokes `token`; returns whether it was active. */
export async function revokeApiTokenValue(token: string): Promise<boolean> {
  return revokeApiToken(hashToken(token));
}
