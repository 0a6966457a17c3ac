import { withTransaction } from '@/db';
import { revokeApiTokensOfUser, setApiTokenSessionVersion } from '@/db/repositories/api-tokens';
import { findUserById, updateUser, type UserRow } from '@/db/repositories/users';
import { audit, type Actor } from '@/lib/audit/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { assertAttemptsAllowed } from '@/lib/auth/sign-in';
import { recordSignInAttempt } from '@/db/repositories/sign-in-attempts';
import { env } from '@/core/env';
import { notFound, validationError } from '@/lib/errors';
import type { ChangePasswordInput } from './schemas';

/** What a password change did: how many other sessions and API tokens it ended. */
export interface ChangePasswordResult {
  user: UserRow;
  otherSessionsEnded: number;
}

/**
 * Changes the signed-in user's password: the current (or temporary) password must verify (else 400
 * `validation_error` on `current_password`, audited as a failure and counted as a 'password_change'
 * attempt of the account); past `SIGNIN_MAX_FAILURES_PER_ACCOUNT` (default 10) wrong ones within
 * `SIGNIN_WINDOW_MINUTES` (15) it throws 429 `rate_limited` with Retry-After, even for the right
 * password, until the window passes (audited as denied). Sign-in limits are not touched. The new one is hashed (argon2id)
 * and `must_change_password` cleared. Session rule: every OTHER browser session and API token of the
 * user ends (the session version is bumped and the others are revoked); the credential of this request
 * (`user.tokenId`: its browser session or bearer token) is carried to the new version and stays valid.
 * Audited `user.change_password`.
 */
export async function changePassword({ user, actor, input }: { user: CurrentUser; actor: Actor; input: ChangePasswordInput }): Promise<ChangePasswordResult> {
  const row = await findUserById(user.id);
  if (!row) throw notFound('The user');
  // A stolen session must not be a way to guess the password: wrong current passwords are limited per
  // account like failed sign-ins, and past the limit even the right one is refused until the window passes.
  const clientAddress = actor.clientAddress ?? 'direct';
  try {
    await assertAttemptsAllowed('password_change', [[{ userId: user.id }, env().SIGNIN_MAX_FAILURES_PER_ACCOUNT]], new Date(),
      (s) => `Too many wrong current passwords. Try again in ${Math.ceil(s / 60)} minute${Math.ceil(s / 60) === 1 ? '' : 's'}.`);
  } catch (e) {
    await audit(actor, { action: 'user.change_password', entity: 'user', entityId: user.id, outcome: 'denied', details: { reason: 'rate_limited' } });
    throw e;
  }
  if (!row.passwordHash || !(await verifyPassword(row.passwordHash, input.current_password))) {
    await recordSignInAttempt({ kind: 'password_change', email: row.email, clientAddress, userId: user.id, succeeded: false, at: new Date() });
    await audit(actor, { action: 'user.change_password', entity: 'user', entityId: user.id, outcome: 'failure', details: { reason: 'wrong_current_password' } });
    throw validationError({ current_password: ['This is not your current password.'] }, 'This is not your current password.');
  }
  const passwordHash = await hashPassword(input.new_password);
  const ended = await withTransaction(async () => {
    const fresh = await findUserById(user.id);
    if (!fresh) throw notFound('The user');
    const sessionVersion = fresh.sessionVersion + 1;
    await updateUser(user.id, { passwordHash, mustChangePassword: false, sessionVersion });
    if (user.tokenId !== undefined) await setApiTokenSessionVersion(user.tokenId, sessionVersion);
    // Revoke the others explicitly too (the bump alone already ends them): the count is reported.
    const n = await revokeApiTokensOfUser(user.id, fresh.sessionVersion, { exceptId: user.tokenId });
    await audit(actor, { action: 'user.change_password', entity: 'user', entityId: user.id, details: { other_sessions_ended: n, temporary: fresh.mustChangePassword } });
    return n;
  });
  return { user: (await findUserById(user.id)) as UserRow, otherSessionsEnded: ended };
}
