import { idParam } from '@/lib/api/params';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { assertRole } from '@/lib/auth/current-user';
import { deactivateUser } from '@/lib/users/deactivate-user';
import { getUserOrThrow } from '@/lib/users/get-user';
import { updateUserSchema } from '@/lib/users/schemas';
import { serializeUser } from '@/lib/users/serialize';
import { updateUser } from '@/lib/users/update-user';

type P = { id: string };

// GET /api/users/{id}/ — one user (self or admin)
export const GET = withApi<P>(async ({ params, user }) =>
  serializeUser(await getUserOrThrow({ user: assertRole(user), id: idParam(params.id, 'The user') })));

// PUT /api/users/{id}/ — update name, contact_info; role and is_active by an admin (never one's own role)
export const PUT = withApi<P>(async ({ params, user, actor, body }) => {
  const id = idParam(params.id, 'The user');
  const input = await body(updateUserSchema);
  return serializeUser(await updateUser({ user: assertRole(user), actor, id, input }));
});

// DELETE /api/users/{id}/ — deactivate (admin only); the account and its records stay
export const DELETE = withApi<P>(async ({ params, user, actor }) =>
  serializeUser(await deactivateUser({ user: assertRole(user, ['admin']), actor, id: idParam(params.id, 'The user') })), { roles: ['admin'] });

// Other methods — 405 with Allow: GET, PUT, DELETE
export const { POST, PATCH } = methodsNotAllowed(['GET', 'PUT', 'DELETE']);
