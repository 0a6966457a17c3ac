import { withTransaction } from '@/db';
import { revokeApiTokensOfUser } from '@/db/repositories/api-tokens';
import { findUserById, updateUser, type UserRow } from '@/db/repositories/users';
import { audit, type Actor } from '@/lib/audit/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { hashPassword } from '@/lib/auth/password';
import { conflict, forbidden, notFound } from '@/lib/errors';
import { assertNotMerged } from '@/lib/patients/merged';
import { generateTemporaryPassword } from './register-user';

/**
 * An admin resets user `id`'s password to a new random temporary one (16 characters, ~96 bits),
 * returned once for the admin to hand over and never stored in clear. The user must change it at the
 * next sign-in (`must_change_password`), and every browser session and API token of theirs ends at once
 * (session version bumped and all open tokens revoked). Audited `user.reset_password` (refusals too).
 * Errors: 403 for a non-admin or for one's own account (use the password change instead, which needs
 * the current password); 404 for an unknown user, and 404 with `merged_into` (the survivor's user id)
 * for a patient merged into another; 409 `conflict` for an account without an email
 * (a walk-in patient record cannot sign in).
 */
export async function resetPassword({ user, actor, id }: { user: CurrentUser; actor: Actor; id: number }): Promise<{ user: UserRow; temporaryPassword: string }> {
  if (user.role !== 'admin') throw forbidden('Only an admin can reset passwords.');
  if (id === user.id) {
    await audit(actor, { action: 'user.reset_password', entity: 'user', entityId: id, outcome: 'failure', details: { reason: 'own_account' } });
    throw forbidden('You cannot reset your own password here: change it from your account menu.');
  }
  const target = await findUserById(id);
  if (!target) throw notFound('The user');
  await assertNotMerged(target, 'This user');
  if (!target.email) {
    await audit(actor, { action: 'user.reset_password', entity: 'user', entityId: id, outcome: 'failure', details: { reason: 'no_email' } });
    throw conflict('This account has no email address, so it cannot sign in: add an email first.');
  }
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await withTransaction(async () => {
    const fresh = (await findUserById(id)) as UserRow;
    await updateUser(id, { passwordHash, mustChangePassword: true, sessionVersion: fresh.sessionVersion + 1 });
    const n = await revokeApiTokensOfUser(id, fresh.sessionVersion);
    await audit(actor, { action: 'user.reset_password', entity: 'user', entityId: id, details: { sessions_ended: n } });
    return n;
  });
  return { user: (await findUserById(id)) as UserRow, temporaryPassword };
}
