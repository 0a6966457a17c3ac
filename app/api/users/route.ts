/** `/api/users/`; what each method does, who may call it and its schemas: lib/users/operations.ts. */
import { paginated } from '@/lib/api/pagination';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { listUsers } from '@/lib/users/list-users';
import { createUserOperation, listUsersOperation } from '@/lib/users/operations';
import { registerUser } from '@/lib/users/register-user';
import { serializeUser } from '@/lib/users/serialize';

export const GET = withApi(listUsersOperation, async ({ req, user, query }) => {
  const { count, rows } = await listUsers({ user, query, page: query });
  return paginated(req, query, count, rows.map(serializeUser));
});

export const POST = withApi(createUserOperation, async ({ user, actor, body }) =>
  serializeUser((await registerUser({ user, actor, input: body })).user));

export const { PUT, PATCH, DELETE } = methodsNotAllowed(['GET', 'POST']);
