import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { loginSchema } from '@/lib/auth/schemas';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { issueApiToken } from '@/lib/auth/tokens';
import { toClinicIso } from '@/core/time';
import { serializeUser } from '@/lib/users/serialize';

// POST /api/auth/login/ — email + password → {token, expires_at, user}; 403 (reason password_change_required, no token) while the password is temporary
export const POST = withApi(async ({ body, clientAddress, requestId }) => {
  const input = await body(loginSchema);
  const user = await signInWithPassword(input, { via: 'api', clientAddress, requestId });
  const { token, expiresAt } = await issueApiToken(user);
  return { token, expires_at: toClinicIso(expiresAt), user: serializeUser(user) };
}, { auth: 'public', allowTemporaryPassword: true });

// Other methods — 405 with Allow: POST
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(['POST']);
