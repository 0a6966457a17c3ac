import { findUserById, type UserRow } from '@/db/repositories/users';
import type { CurrentUser } from '@/lib/auth/current-user';
import { forbidden, notFound } from '@/lib/errors';
import { assertNotMerged } from '@/lib/patients/merged';


/**
 * User `id` for the user themselves or an admin; `not_found` when there is none, `forbidden` for others;
 * `not_found` with `merged_into` (the survivor's user id) for a patient merged into another.
 */
export async function getUserOrThrow({ user, id }: { user: CurrentUser; id: number }): Promise<UserRow> {
  if (user.role !== 'admin' && user.id !== id) throw forbidden('You can only see your own account.');
  const row = await findUserById(id);
  if (!row) throw notFound('The user');
  await assertNotMerged(row, 'The user');
  return row;
}
