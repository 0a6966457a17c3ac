import { withTransaction } from '@/db';
import { findUserById, updateUser, type UserRow } from '@/db/repositories/users';
import { audit, type Actor } from '@/lib/audit/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { forbidden, notFound } from '@/lib/errors';
import { assertNotMerged } from '@/lib/patients/merged';


/** Reactivates user `id` (admin only): they may sign in again (old sessions stay ended). Idempotent. */
export async function reactivateUser({ user, actor, id }: { user: CurrentUser; actor: Actor; id: number }): Promise<UserRow> {
  if (user.role !== 'admin') throw forbidden('Only an admin can reactivate accounts.');
  return withTransaction(async () => {
    const target = await findUserById(id);
    if (!target) throw notFound('The user');
    await assertNotMerged(target, 'The user'); // a merged-away record never signs in again
    if (target.isActive) return target;
    await updateUser(id, { isActive: true });
    await audit(actor, { action: 'user.reactivate', entity: 'user', entityId: id });
    return (await findUserById(id)) as UserRow;
  });
}
