import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { paginated, pageWindow, paginationSchema } from '@/lib/api/pagination';
import { listRecentActivity } from '@/lib/dashboard/list-recent-activity';

// GET /api/dashboard/recent-activity/ — the audit log, newest first, paginated (admin only)
export const GET = withApi(async ({ req, user, query }) => {
  const p = query(paginationSchema);
  const { count, rows } = await listRecentActivity({ user, page: pageWindow(p) });
  return paginated(req, p, count, rows);
}, { roles: ['admin'] });

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
