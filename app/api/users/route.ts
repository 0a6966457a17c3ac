import { NextResponse } from 'next/server';
import { z } from 'zod';
import { paginated, paginationSchema } from '@/lib/api/pagination';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { assertRole } from '@/lib/auth/current-user';
import { listUsers } from '@/lib/users/list-users';
import { registerUser } from '@/lib/users/register-user';
import { listUsersSchema } from '@/lib/users/schemas';
import { serializeUser } from '@/lib/users/serialize';

// GET /api/users/ — list users (admin only), ?q= name/email, ?role=, paginated
export const GET = withApi(async ({ req, user, query }) => {
  const page = query(paginationSchema);
  const { count, rows } = await listUsers({ user: assertRole(user, ['admin']), query: query(listUsersSchema), page });
  return paginated(req, page, count, rows.map(serializeUser));
}, { roles: ['admin'] });

// POST /api/users/ — register a patient (anyone), or a doctor/admin with a temporary password (admin only) (201)
export const POST = withApi(async ({ user, actor, body }) => {
  const input = await body(z.record(z.string(), z.unknown()));
  const { user: created } = await registerUser({ user, actor, input });
  return NextResponse.json(serializeUser(created), { status: 201 });
}, { auth: 'public' });

// Other methods — 405 with Allow: GET, POST
export const { PUT, PATCH, DELETE } = methodsNotAllowed(['GET', 'POST']);
