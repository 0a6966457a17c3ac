'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ROLES } from '@/core/vocabulary';
import { action, type ActionState } from '@/lib/api/action';
import { deactivateUser } from '@/lib/users/deactivate-user';
import { reactivateUser } from '@/lib/users/reactivate-user';
import { registerUser } from '@/lib/users/register-user';
import { resetPassword } from '@/lib/users/reset-password';
import { updateUser } from '@/lib/users/update-user';

/** What the "new staff" form gets back: the temporary password, shown once and never stored in clear. */
export interface StaffCreatedState extends ActionState {
  temporaryPassword?: string;
  createdEmail?: string;
}

const staffFormSchema = z.object({
  role: z.enum(['doctor', 'admin'], { message: 'Choose doctor or admin.' }),
  email: z.string().trim().min(1, 'Enter an email address.'),
  name: z.string().trim().optional(),
  specialty: z.string().trim().optional(),
});

/** New staff form → a doctor or admin with a generated temporary password (must change at first sign-in). */
export const createStaffAction = action(staffFormSchema, async (input, { user, actor }) => {
  const { user: created, temporaryPassword } = await registerUser({ user, actor, input, generatePassword: true });
  revalidatePath('/admin/users');
  const state: StaffCreatedState = { ok: true, message: `Created ${created.name} (${created.role}).`, temporaryPassword, createdEmail: created.email ?? undefined };
  return state;
}, { roles: ['admin'] });

const idField = z.coerce.number().int().positive();

/** Role select → the new role (admin ↔ doctor; never one's own; never the last active admin). */
export const changeRoleAction = action(z.object({ id: idField, role: z.enum(ROLES) }), async ({ id, role }, { user, actor }) => {
  const u = await updateUser({ user, actor, id, input: { role } });
  revalidatePath('/admin/users');
  return { ok: true, message: `${u.name} is now ${u.role === 'admin' ? 'an admin' : `a ${u.role}`}.` };
}, { roles: ['admin'] });

/** Deactivate / reactivate button (after its confirmation). */
export const setActiveAction = action(z.object({ id: idField, active: z.enum(['true', 'false']) }), async ({ id, active }, { user, actor }) => {
  const u = active === 'true' ? await reactivateUser({ user, actor, id }) : await deactivateUser({ user, actor, id });
  revalidatePath('/admin/users');
  return { ok: true, message: `${u.name} is ${u.isActive ? 'active again' : 'deactivated and signed out'}.` };
}, { roles: ['admin'] });

/** What the "reset password" confirmation gets back: the new temporary password, shown once. */
export interface PasswordResetState extends ActionState {
  temporaryPassword?: string;
}

/** Reset password button (after its confirmation) → a new temporary password; the user's sessions and tokens end. */
export const resetPasswordAction = action(z.object({ id: idField }), async ({ id }, { user, actor }) => {
  const { user: u, temporaryPassword } = await resetPassword({ user, actor, id });
  revalidatePath('/admin/users');
  const state: PasswordResetState = { ok: true, message: `${u.name}'s password was reset and they were signed out everywhere.`, temporaryPassword };
  return state;
}, { roles: ['admin'] });
