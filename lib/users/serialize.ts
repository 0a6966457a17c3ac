/** The API's User shape (the seed's field names; never a password or hash): its schema and its serializer. */
import { z } from 'zod';
import type { UserRow } from '@/db/repositories/users';
import { ROLES } from '@/core/vocabulary';
import { toClinicIso } from '@/core/time';
import { paginatedSchema } from '@/lib/api/pagination';
import { idField, instantField } from '@/lib/api/response-fields';

/** `contact_info` of a user or a patient profile. */
export const contactInfoResponseSchema = z.object({
  phone: z.string().nullable().meta({ description: 'E.164', example: '+254712345678' }),
  address: z.string().nullable(),
});

export const userResponseSchema = z.object({
  id: idField,
  email: z.email().nullable().meta({ description: 'Null for a patient without an account (imported, walk-in).' }),
  name: z.string(),
  role: z.enum(ROLES),
  contact_info: contactInfoResponseSchema,
  is_active: z.boolean(),
  date_joined: instantField,
}).meta({ id: 'User', description: 'A user. No password or hash ever appears.' });

export const userListResponseSchema = paginatedSchema(userResponseSchema, 'UserList');

export type UserJson = z.input<typeof userResponseSchema>;

/** `UserRow` → `{ id, email, name, role, contact_info: {phone, address}, is_active, date_joined }`. */
export function serializeUser(u: UserRow): UserJson {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    contact_info: { phone: u.phone, address: u.address },
    is_active: u.isActive,
    date_joined: toClinicIso(u.dateJoined),
  };
}

export const resetPasswordResponseSchema = z.object({
  user: userResponseSchema,
  temporary_password: z.string().meta({ description: 'Shown this once: give it to the user, who must change it at the next sign-in. Their sessions and API tokens have ended.' }),
}).meta({ id: 'ResetPasswordResponse' });

/** `{ user, temporary_password }` of `POST /api/users/{id}/reset-password/`. */
export function serializeResetPassword(u: UserRow, temporaryPassword: string): z.input<typeof resetPasswordResponseSchema> {
  return { user: serializeUser(u), temporary_password: temporaryPassword };
}
