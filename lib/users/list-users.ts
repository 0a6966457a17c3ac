import { listUsersPage } from '@/db/repositories/user-admin';
import type { UserRow } from '@/db/repositories/users';
import { pageWindow, type Pagination } from '@/lib/api/pagination';
import type { CurrentUser } from '@/lib/auth/current-user';
import { forbidden } from '@/lib/errors';
import { foldName } from '@/core/text';
import type { ListUsersInput } from './schemas';

/**
 * Lists users for an admin: `q` matches every word in the (accent- and case-folded) name, or a fragment
 * of the email; `role` filters. By name then id. Throws `forbidden` for anyone but an admin.
 */
export async function listUsers({ user, query, page }: { user: CurrentUser; query: ListUsersInput; page: Pagination }): Promise<{ count: number; rows: UserRow[] }> {
  if (user.role !== 'admin') throw forbidden('Only an admin can list users.');
  const text = query.q?.trim() ?? '';
  const words = text ? foldName(text).split(' ').filter(Boolean) : [];
  return listUsersPage({ words, emailFragment: text ? text.toLowerCase() : undefined, role: query.role, ...pageWindow(page) });
}
