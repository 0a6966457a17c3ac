import { withTransaction } from '@/db';
import { lockActiveAdminsCountingOthers } from '@/db/repositories/user-admin';
import { bumpSessionVersion, findUserById, updateUser, type UserRow } from '@/db/repositories/users';
import { audit, type Actor } from '@/lib/audit/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { conflict, forbidden, notFound } from '@/lib/errors';
import { assertNotMerged } from '@/lib/patients/merged';


/**
 * Deactivates user `id` (admin only): the account stays with all its records, sign-in is refused, and the
 * session version is bumped so every browser session and API token ends at once. The last active admin
 * cannot be deactivated (checked in the same transaction), and nobody deactivates their own account (403:
 * it would lock them out at once; another admin does it). Deactivating an inactive user changes nothing.
 */
export async function deactivateUser({ user, actor, id }: { user: CurrentUser; actor: Actor; id: number }): Promise<UserRow> {
  if (user.role !== 'admin') throw forbidden('Only an admin can deactivate accounts.');
  if (id === user.id) throw forbidden('You cannot deactivate your own account: ask another admin.');
  return withTransaction(async () => {
    const target = await findUserById(id);
    if (!target) throw notFound('The user');
    await assertNotMerged(target, 'The user');
    if (!target.isActive) return target;
    if (target.role === 'admin' && (await lockActiveAdminsCountingOthers(id)) === 0) {
      throw conflict('This is the last active admin: make another user an admin first.');
    }
    await updateUser(id, { isActive: false });
    await bumpSessionVersion(id);
    await audit(actor, { action: 'user.deactivate', entity: 'user', entityId: id, details: { self: id === user.id } });
    return (await findUserById(id)) as UserRow;
  });
}
