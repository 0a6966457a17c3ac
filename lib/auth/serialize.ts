/** The API's answers to signing in and out with a bearer token: their schemas and serializers. */
import { z } from 'zod';
import type { UserRow } from '@/db/repositories/users';
import { toClinicIso } from '@/core/time';
import { instantField } from '@/lib/api/response-fields';
import { serializeUser, userResponseSchema } from '@/lib/users/serialize';

export const loginResponseSchema = z.object({
  token: z.string().meta({ description: 'Send as `Authorization: Bearer <token>`.' }),
  expires_at: instantField,
  user: userResponseSchema,
  must_change_password: z.boolean().meta({ description: 'True while the password is temporary: the token then works only on `POST /api/auth/password/` and `POST /api/auth/logout/` until the password is changed.' }),
}).meta({ id: 'LoginResponse' });

export const logoutResponseSchema = z.object({
  revoked: z.boolean().meta({ description: 'True when the bearer token of the request was revoked.' }),
}).meta({ id: 'LogoutResponse' });

/** `{ token, expires_at, user, must_change_password }` of `POST /api/auth/login/`. */
export function serializeLogin(token: string, expiresAt: Date, user: UserRow): z.input<typeof loginResponseSchema> {
  return { token, expires_at: toClinicIso(expiresAt), user: serializeUser(user), must_change_password: user.mustChangePassword };
}

/** `{ revoked }` of `POST /api/auth/logout/`. */
export function serializeLogout(revoked: boolean): z.input<typeof logoutResponseSchema> {
  return { revoked };
}

export const changePasswordResponseSchema = z.object({
  user: userResponseSchema,
  other_sessions_ended: z.int().min(0).meta({ description: 'How many other browser sessions and API tokens of the user were ended; the credential of this request stays valid.' }),
}).meta({ id: 'ChangePasswordResponse' });

/** `{ user, other_sessions_ended }` of `POST /api/auth/password/`. */
export function serializeChangePassword(user: UserRow, otherSessionsEnded: number): z.input<typeof changePasswordResponseSchema> {
  return { user: serializeUser(user), other_sessions_ended: otherSessionsEnded };
}
