import { findUserById, updateUser } from '@/db/repositories/users';
import { audit, type Actor } from '@/lib/audit/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { notFound, validationError } from '@/lib/errors';
import type { ChangePasswordInput } from './schemas';

/**
 * Changes the signed-in user's password: the current (or temporary) password must verify; the new one
 * is hashed (argon2id) and `must_change_password` cleared. Sessions are left as they are.
 */
export async function changePassword({ user, actor, input }: { user: CurrentUser; actor: Actor; input: ChangePasswordInput }): Promise<void> {
  const row = await findUserById(user.id);
  if (!row) throw notFound('The user');
  if (!row.passwordHash || !(await verifyPassword(row.passwordHash, input.current_password))) {
    await audit(actor, { action: 'user.change_password', entity: 'user', entityId: user.id, outcome: 'failure' });
    throw validationError({ current_password: ['This is not your current password.'] }, 'This is not your current password.');
  }
  const passwordHash = await hashPassword(input.new_password);
  await updateUser(user.id, { passwordHash, mustChangePassword: false });
  await audit(actor, { action: 'user.change_password', entity: 'user', entityId: user.id });
}
