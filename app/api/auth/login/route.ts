/** `/api/auth/login/`; what it does, who may call it and its schemas: lib/auth/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { loginOperation } from '@/lib/auth/operations';
import { serializeLogin } from '@/lib/auth/serialize';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { issueApiToken } from '@/lib/auth/tokens';

export const POST = withApi(loginOperation, async ({ body, clientAddress, requestId }) => {
  const user = await signInWithPassword(body, { via: 'api', clientAddress, requestId });
  const { token, expiresAt } = await issueApiToken(user);
  return serializeLogin(token, expiresAt, user);
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(['POST']);
