/** `/api/users/{id}/`; what each method does, who may call it and its schemas: lib/users/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { deactivateUser } from '@/lib/users/deactivate-user';
import { getUserOrThrow } from '@/lib/users/get-user';
import { deactivateUserOperation, getUserOperation, updateUserOperation } from '@/lib/users/operations';
import { serializeUser } from '@/lib/users/serialize';
import { updateUser } from '@/lib/users/update-user';

export const GET = withApi(getUserOperation, async ({ user, params }) =>
  serializeUser(await getUserOrThrow({ user, id: params.id })));

export const PUT = withApi(updateUserOperation, async ({ user, actor, params, body }) =>
  serializeUser(await updateUser({ user, actor, id: params.id, input: body })));

export const DELETE = withApi(deactivateUserOperation, async ({ user, actor, params }) =>
  serializeUser(await deactivateUser({ user, actor, id: params.id })));

export const { POST, PATCH } = methodsNotAllowed(['GET', 'PUT', 'DELETE']);
