/** The `/api/auth/login/`, `/api/auth/logout/` and `/api/auth/password/` operations (see lib/api/operation.ts). */
import { defineOperation, named } from '@/lib/api/operation';
import { changePasswordSchema } from '@/lib/users/schemas';
import { loginSchema } from './schemas';
import { changePasswordResponseSchema, loginResponseSchema, logoutResponseSchema } from './serialize';

export const loginOperation = defineOperation({
  method: 'POST', path: '/api/auth/login/', operationId: 'login', tag: 'Auth', auth: 'public', allowTemporaryPassword: true,
  summary: 'Sign in with email and password: a bearer token',
  description: 'Send the token as `Authorization: Bearer <token>`. Failed attempts are limited per account and per address (429 with `Retry-After`). '
    + 'With a temporary password (`must_change_password: true`) the token works only on `POST /api/auth/password/` and logout until the password is changed.',
  body: named(loginSchema, 'Login'),
  success: { status: 200, description: 'The token, when it expires, and the user.', schema: loginResponseSchema },
  errors: ['unauthenticated', 'rate_limited'],
});

/** Also for a user with a temporary password (they may always sign out). */
export const logoutOperation = defineOperation({
  method: 'POST', path: '/api/auth/logout/', operationId: 'logout', tag: 'Auth', allowTemporaryPassword: true,
  summary: 'Revoke the bearer token of the request',
  success: { status: 200, description: 'Whether a token was revoked (false for a browser session).', schema: logoutResponseSchema },
});

/** Also for a user with a temporary password: this is how an account created through the API finishes its set-up. */
export const changePasswordOperation = defineOperation({
  method: 'POST', path: '/api/auth/password/', operationId: 'changePassword', tag: 'Auth', allowTemporaryPassword: true,
  summary: 'Change one\'s own password (also replaces a temporary one)',
  description: 'The current (or temporary) password must match. The new one needs at least 8 characters and must not be in the '
    + 'shipped list of common passwords (400 `validation_error` on `new_password`). Clears `must_change_password`. Every other '
    + 'browser session and API token of the user ends; the session or token of this request stays valid. '
    + 'Wrong current passwords are limited per account like failed sign-ins: past the limit the answer is 429 `rate_limited` '
    + 'with `Retry-After`, even for the right password, until the window passes.',
  body: named(changePasswordSchema, 'ChangePassword'),
  success: { status: 200, description: 'The user and how many other sessions ended.', schema: changePasswordResponseSchema },
  errors: ['rate_limited'],
});
