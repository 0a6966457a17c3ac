/** `/api/users/{id}/reset-password/`; what it does, who may call it and its schemas: lib/users/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { resetPasswordOperation } from '@/lib/users/operations';
import { resetPassword } from '@/lib/users/reset-password';
import { serializeResetPassword } from '@/lib/users/serialize';

export const POST = withApi(resetPasswordOperation, async ({ user, actor, params }) => {
  const { user: target, temporaryPassword } = await resetPassword({ user, actor, id: params.id });
  return serializeResetPassword(target, temporaryPassword);
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(['POST']);
