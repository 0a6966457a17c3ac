import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { paginated, pageWindow, paginationSchema } from '@/lib/api/pagination';
import { listRecentActivity } from '@/lib/dashboard/list-recent-activity';
import { serializeActivityItem } from '@/lib/dashboard/serialize';

// GET /api/dashboard/recent-activity/ — the audit log, newest first, filtered (?actor=&action=&patient=&outcome=&from=&to=) and paginated (admin only)
export const GET = withApi(async ({ req, user, query }) => {
  const p = query(paginationSchema);
  const filters = Object.fromEntries(new URL(req.url).searchParams);
  const { count, rows } = await listRecentActivity({ user, filters, page: pageWindow(p) });
  return paginated(req, p, count, rows.map(serializeActivityItem));
}, { roles: ['admin'] });

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
