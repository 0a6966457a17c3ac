import { withTransaction } from '@/db';
import { createPractitioner, findPractitionerByUserId } from '@/db/repositories/practitioners';
import { lockActiveAdminsCountingOthers } from '@/db/repositories/user-admin';
import { findUserById, updateUser as updateUserRow, type NewUser, type UserRow } from '@/db/repositories/users';
import { audit, type Actor } from '@/lib/audit/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { assertNotMerged } from '@/lib/patients/merged';

import { foldName } from '@/core/text';
import { deactivateUser } from './deactivate-user';
import { DEFAULT_SLOT_MINUTES } from './create-staff-user';
import { reactivateUser } from './reactivate-user';
import type { UpdateUserInput } from './schemas';

/**
 * Updates user `id` (the user themselves or an admin): `name` and `contact_info` by either (a patient's
 * name only by an admin: the clinic corrects a patient's identity, 403 otherwise); `role` only by
 * an admin and never their own (a value equal to the current one is ignored, so a GET body may be sent
 * back); staff roles only (admin ↔ doctor: a patient's account carries a patient profile); the last
 * active admin is never demoted; `is_active` only by an admin (false deactivates, true reactivates).
 * All in one transaction, audited.
 */
export async function updateUser({ user, actor, id, input }: { user: CurrentUser; actor: Actor; id: number; input: UpdateUserInput }): Promise<UserRow> {
  const isAdmin = user.role === 'admin';
  if (!isAdmin && user.id !== id) throw forbidden('You can only change your own account.');
  return withTransaction(async () => {
    const target = await findUserById(id);
    if (!target) throw notFound('The user');
    await assertNotMerged(target, 'The user');
    const roleChange = input.role !== undefined && input.role !== target.role ? input.role : undefined;
    const activeChange = input.is_active !== undefined && input.is_active !== target.isActive ? input.is_active : undefined;
    if (roleChange) {
      if (!isAdmin || user.id === id) throw forbidden('You cannot change your own role.');
      if (roleChange === 'patient' || target.role === 'patient') {
        throw conflict('Only staff roles can be changed (admin ↔ doctor): a patient account carries a patient profile.');
      }
    }
    if (activeChange !== undefined && !isAdmin) throw forbidden('Only an admin can deactivate or reactivate accounts.');
    // A patient's name is part of their identity, which the clinic corrects (as on their profile).
    if (!isAdmin && target.role === 'patient' && input.name !== undefined && input.name !== target.name) {
      throw new AppError('forbidden', 'Patients cannot change their name.', { name: ['Only the clinic can change this. Ask at the reception.'] });
    }

    const values: Partial<NewUser> = {};
    const changed: string[] = [];
    if (input.name !== undefined && input.name !== target.name) { values.name = input.name; values.nameFolded = foldName(input.name); changed.push('name'); }
    if (input.contact_info?.phone !== undefined && input.contact_info.phone !== target.phone) { values.phone = input.contact_info.phone; changed.push('phone'); }
    if (input.contact_info?.address !== undefined && input.contact_info.address !== target.address) { values.address = input.contact_info.address; changed.push('address'); }
    if (roleChange) {
      if (target.role === 'admin' && target.isActive && (await lockActiveAdminsCountingOthers(id)) === 0) {
        throw conflict('This is the last active admin: make another user an admin first.');
      }
      values.role = roleChange;
      changed.push('role');
      if (roleChange === 'doctor' && !(await findPractitionerByUserId(id))) {
        await createPractitioner({ userId: id, specialty: 'General Practice', bookable: true, slotMinutes: DEFAULT_SLOT_MINUTES });
      }
    }
    if (changed.length) {
      await updateUserRow(id, values);
      await audit(actor, { action: 'user.update', entity: 'user', entityId: id, details: { changed, ...(roleChange ? { from: target.role, to: roleChange } : {}) } });
    }
    if (activeChange === false) await deactivateUser({ user, actor, id });
    if (activeChange === true) await reactivateUser({ user, actor, id });
    return (await findUserById(id)) as UserRow;
  });
}
