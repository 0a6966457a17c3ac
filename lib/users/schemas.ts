/** zod schemas of user management, shared by the admin page's actions and `/api/users/`. */
import { z } from 'zod';
import { ROLES } from '@/core/vocabulary';
import { personName } from '@/lib/patients/schemas';
import { toE164 } from '@/core/phone';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { COMMON_PASSWORD_MESSAGE, notCommonPassword } from '@/lib/auth/common-passwords';

const PHONE_MESSAGE = 'Enter a valid phone number, e.g. 0712 345 678 or +254 712 345 678.';

/** `GET /api/users/?q=&role=` and the admin list: search by name or email, filter by role. */
export const listUsersSchema = z.object({
  q: z.string().trim().max(100, 'At most 100 characters.').optional(),
  role: z.preprocess((v) => (v === '' ? undefined : v), z.enum(ROLES, { message: 'Choose patient, doctor or admin.' }).optional()),
});
export type ListUsersInput = z.infer<typeof listUsersSchema>;

/**
 * `PUT /api/users/{id}/`: every member optional (absent = unchanged). `contact_info.phone`/`address`
 * (or a flat `phone`/`address`): `''` or null clears; a phone is stored as E.164. `role` only by an admin, never one's own; `is_active` only by an admin
 * (false deactivates, true reactivates). Other members (`id`, `email`, `date_joined`, …) are ignored.
 */
const updatePhone = z.string().trim().max(32, 'At most 32 characters.').nullable()
  .superRefine((v, ctx) => { if (v && !toE164(v)) ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE }); })
  .transform((v) => (v ? (toE164(v) as string) : null)).optional();
const updateAddress = z.string().trim().max(500, 'At most 500 characters.').nullable().transform((v) => (v ? v : null)).optional();

export const updateUserSchema = z.object({
  name: personName.optional(),
  contact_info: z.object({ phone: updatePhone, address: updateAddress }).optional(),
  /** Flat forms of `contact_info.phone`/`address`, still accepted (`contact_info` wins when both are given). */
  phone: updatePhone,
  address: updateAddress,
  role: z.enum(ROLES, { message: 'Choose patient, doctor or admin.' }).optional(),
  is_active: z.boolean({ message: 'Use true or false.' }).optional(),
}).transform(({ phone, address, contact_info, ...rest }) => {
  const c = { phone: contact_info?.phone !== undefined ? contact_info.phone : phone, address: contact_info?.address !== undefined ? contact_info.address : address };
  return { ...rest, ...(c.phone !== undefined || c.address !== undefined ? { contact_info: c } : {}) };
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/**
 * The password change form and `POST /api/auth/password/`: the current (or temporary) password and a
 * new one (≥ 8 characters, not in the shipped list of common passwords, not the current one);
 * `confirm_password` is checked when given (the form sends it, API clients may leave it out).
 */
export const changePasswordSchema = z.object({
  current_password: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(1024),
  new_password: z.string({ error: 'Enter a new password.' }).min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(1024, 'Use at most 1024 characters.')
    .refine((v) => v.trim().length > 0, 'A password cannot be only spaces.')
    .refine(notCommonPassword, COMMON_PASSWORD_MESSAGE),
  confirm_password: z.string().optional(),
}).superRefine((v, ctx) => {
  if (v.confirm_password !== undefined && v.confirm_password !== v.new_password) ctx.addIssue({ code: 'custom', path: ['confirm_password'], message: 'The two new passwords differ.' });
  if (v.current_password === v.new_password) ctx.addIssue({ code: 'custom', path: ['new_password'], message: 'Choose a password different from the current one.' });
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
