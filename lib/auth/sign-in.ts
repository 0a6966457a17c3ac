/**
 * Password sign-in shared by the sign-in page (next-auth credentials) and `POST /api/auth/login/`:
 * rate limits kept in the database (so several MySQL app processes share them), argon2id verification,
 * deactivated accounts refused, every attempt recorded and audited.
 */
import { countFailuresSince, recordSignInAttempt, type AttemptKey } from '@/db/repositories/sign-in-attempts';
import type { AttemptKind } from '@/core/vocabulary';
import { findUserByEmail, type UserRow } from '@/db/repositories/users';
import { audit, type Actor } from '@/lib/audit/audit';
import { env } from '@/core/env';
import { AppError, rateLimited, unauthenticated } from '@/lib/errors';
import { normalizeEmail } from '@/core/text';
import { hashPassword, verifyPassword } from './password';

let dummyHash: Promise<string> | undefined;

/**
 * Throws `rate_limited` (429, `message`, Retry-After seconds until the oldest failure in the window
 * leaves it; `message(seconds)` when given) when any `[key, max]` of `checks` has reached `max` failed attempts of `kind` within
 * `SIGNIN_WINDOW_MINUTES` (default 15). Kinds are counted apart (db/repositories/sign-in-attempts.ts).
 */
export async function assertAttemptsAllowed(kind: AttemptKind, checks: Array<[AttemptKey, number]>, now = new Date(), message?: (retryAfterSeconds: number) => string): Promise<void> {
  const windowMs = env().SIGNIN_WINDOW_MINUTES * 60_000;
  const since = new Date(now.getTime() - windowMs);
  for (const [by, max] of checks) {
    const { count, oldest } = await countFailuresSince(kind, by, since);
    if (count >= max) {
      const retryAt = (oldest ?? now).getTime() + windowMs;
      const seconds = Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000));
      throw rateLimited(seconds, message?.(seconds));
    }
  }
}

/**
 * Throws `rate_limited` (with Retry-After seconds) when the account or the client address has reached
 * its failed sign-in limit within the window (`SIGNIN_MAX_FAILURES_PER_ACCOUNT` / `_PER_ADDRESS` in
 * `SIGNIN_WINDOW_MINUTES`, defaults 10 and 30 in 15 minutes). Only sign-in attempts count: refused
 * registrations and wrong current passwords have their own limits.
 */
export async function assertSignInAllowed(email: string | null, clientAddress: string, now = new Date()): Promise<void> {
  const e = env();
  const checks: Array<[AttemptKey, number]> = [[{ clientAddress }, e.SIGNIN_MAX_FAILURES_PER_ADDRESS]];
  if (email) checks.unshift([{ email }, e.SIGNIN_MAX_FAILURES_PER_ACCOUNT]);
  await assertAttemptsAllowed('sign_in', checks, now);
}

/**
 * Checks `email` + `password` and returns the active user, or throws: `rate_limited` (429),
 * `unauthenticated` "Invalid email or password." (401, same message whether the email exists or not),
 * or `unauthenticated` for a deactivated account (only once the password was right). A user with a
 * temporary password signs in too (audited with `must_change_password`): the page sends them to
 * /account/password, and an API token works only on `POST /api/auth/password/` and logout until the
 * password is changed (lib/api/with-api.ts answers 403 `password_change_required` elsewhere).
 */
export async function signInWithPassword(input: { email: string; password: string }, actor: Omit<Actor, 'userId' | 'kind'> & { via: 'page' | 'api' }): Promise<UserRow> {
  const email = normalizeEmail(input.email);
  const clientAddress = actor.clientAddress ?? 'direct';
  await assertSignInAllowed(email, clientAddress);
  const user = email ? await findUserByEmail(email) : undefined;
  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(user.passwordHash, input.password);
  else await verifyPassword(await (dummyHash ??= hashPassword('timing-equaliser')), input.password); // same cost either way
  const baseAudit = { userId: user?.id ?? null, kind: 'user' as const, clientAddress, requestId: actor.requestId };
  if (!ok || !user) {
    await recordSignInAttempt({ kind: 'sign_in', email, clientAddress, userId: user?.id ?? null, succeeded: false, at: new Date() });
    await audit(baseAudit, { action: 'auth.sign_in', entity: 'user', entityId: user?.id ?? null, outcome: 'failure', details: { via: actor.via, reason: 'bad_credentials' } });
    throw unauthenticated('Invalid email or password.');
  }
  if (!user.isActive) {
    await recordSignInAttempt({ kind: 'sign_in', email, clientAddress, userId: user.id, succeeded: false, at: new Date() });
    await audit(baseAudit, { action: 'auth.sign_in', entity: 'user', entityId: user.id, outcome: 'denied', details: { via: actor.via, reason: 'deactivated' } });
    throw new AppError('unauthenticated', 'This account is deactivated. Ask the clinic administrator.');
  }
  await recordSignInAttempt({ kind: 'sign_in', email, clientAddress, userId: user.id, succeeded: true, at: new Date() });
  await audit(baseAudit, { action: 'auth.sign_in', entity: 'user', entityId: user.id, details: { via: actor.via, ...(user.mustChangePassword ? { must_change_password: true } : {}) } });
  return user;
}
