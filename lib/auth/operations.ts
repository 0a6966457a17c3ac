/** The `/api/auth/login/` and `/api/auth/logout/` operations (see lib/api/operation.ts). */
import { defineOperation, named } from '@/lib/api/operation';
import { loginSchema } from './schemas';
import { loginResponseSchema, logoutResponseSchema } from './serialize';

export const loginOperation = defineOperation({
  method: 'POST', path: '/api/auth/login/', operationId: 'login', tag: 'Auth', auth: 'public', allowTemporaryPassword: true,
  summary: 'Sign in with email and password: a bearer token',
  description: 'Send the token as `Authorization: Bearer <token>`. Failed attempts are limited per account and per address (429 with `Retry-After`).',
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
