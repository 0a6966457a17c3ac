/** `/api/auth/password/`; what it does, who may call it and its schemas: lib/auth/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { changePasswordOperation } from '@/lib/auth/operations';
import { serializeChangePassword } from '@/lib/auth/serialize';
import { changePassword } from '@/lib/users/change-password';

export const POST = withApi(changePasswordOperation, async ({ user, actor, body }) => {
  const { user: changed, otherSessionsEnded } = await changePassword({ user, actor, input: body });
  return serializeChangePassword(changed, otherSessionsEnded);
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(['POST']);
