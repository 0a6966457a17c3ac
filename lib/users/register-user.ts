import crypto from 'node:crypto';
import { z } from 'zod';
import { withTransaction } from '@/db';
import { findUserById, updateUser, type UserRow } from '@/db/repositories/users';
import { ROLES } from '@/core/vocabulary';
import type { Actor } from '@/lib/audit/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { forbidden, validationError, zodFieldErrors } from '@/lib/errors';
import { registerPatient } from '@/lib/patients/register-patient';
import { flattenContactInfo, registerPatientSchema } from '@/lib/patients/schemas';
import { createStaffUser } from './create-staff-user';

const roleOnly = z.object({ role: z.enum(ROLES, { message: 'Choose patient, doctor or admin.' }).optional() });

/** A readable random temporary password (16 characters, ~96 bits). */
export function generateTemporaryPassword(): string {
  return crypto.randomBytes(12).toString('base64url');
}

export interface RegisterUserOptions {
  /** The caller: null (signed out) or any role; only an admin may create staff. */
  user: CurrentUser | null;
  actor: Actor;
  /** Raw input: `registerPatientSchema` fields for a patient; `{ role, email, name?, password?, specialty? }` for staff. */
  input: unknown;
  /** Staff without a `password`: generate a temporary one (the admin page); otherwise a password is required. */
  generatePassword?: boolean;
}

/**
 * `POST /api/users/` and the admin's "new staff" form. A patient (role absent or `patient`; phone and
 * address in `contact_info: { phone, address }` or flat) is registered by anyone through
 * `registerPatient`: a signed-out caller or a patient as a self-registration (a matching patient → 409
 * without candidates), a doctor or an admin as staff (409 with the candidates unless
 * `confirm_new_patient: true`; see lib/patients/duplicate-guard.ts). A doctor or an admin only by an admin, through
 * `createStaffUser`, with the given password taken as temporary (the user must change it at first
 * sign-in). Returns the user row and, only when it was generated, the temporary password (to show once).
 */
export async function registerUser({ user, actor, input, generatePassword = false }: RegisterUserOptions): Promise<{ user: UserRow; temporaryPassword?: string }> {
  const r = roleOnly.safeParse(input ?? {});
  if (!r.success) throw validationError(zodFieldErrors(r.error.issues));
  const role = r.data.role ?? 'patient';
  if (role === 'patient') {
    const p = registerPatientSchema.safeParse(flattenContactInfo(input));
    if (!p.success) throw validationError(zodFieldErrors(p.error.issues));
    const staff = user?.role === 'doctor' || user?.role === 'admin';
    const { userId } = await registerPatient(p.data, actor, { audience: staff ? 'staff' : 'self' });
    return { user: (await findUserById(userId)) as UserRow };
  }
  if (user?.role !== 'admin') throw forbidden('Only an admin can create doctor and admin accounts.');
  const raw = flattenContactInfo(input) as Record<string, unknown>;
  const given = typeof raw.password === 'string' && raw.password !== '' ? raw.password : undefined;
  const temporaryPassword = given ?? (generatePassword ? generateTemporaryPassword() : undefined);
  const staffInput = {
    role, email: raw.email as string, password: temporaryPassword as string,
    name: typeof raw.name === 'string' && raw.name.trim() ? raw.name : undefined,
    specialty: role === 'doctor' && typeof raw.specialty === 'string' && raw.specialty.trim() ? raw.specialty : undefined,
    ...(raw.phone !== undefined ? { phone: raw.phone as string | null } : {}),
    ...(raw.address !== undefined ? { address: raw.address as string | null } : {}),
  };
  const id = await withTransaction(async () => {
    const created = await createStaffUser({ input: staffInput, actor: { userId: user.id, kind: actor.kind, clientAddress: actor.clientAddress, requestId: actor.requestId } });
    await updateUser(created.id, { mustChangePassword: true });
    return created.id;
  });
  return { user: (await findUserById(id)) as UserRow, ...(given ? {} : { temporaryPassword }) };
}
