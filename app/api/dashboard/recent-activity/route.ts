/** `/api/dashboard/recent-activity/`; what it does, who may call it and its schemas: lib/dashboard/operations.ts. */
import { paginated, pageWindow } from '@/lib/api/pagination';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { listRecentActivity } from '@/lib/dashboard/list-recent-activity';
import { listRecentActivityOperation } from '@/lib/dashboard/operations';
import { serializeActivityItem } from '@/lib/dashboard/serialize';

export const GET = withApi(listRecentActivityOperation, async ({ req, user, query }) => {
  const filters = Object.fromEntries(new URL(req.url).searchParams); // validated by the service
  const { count, rows } = await listRecentActivity({ user, filters, page: pageWindow(query) });
  return paginated(req, query, count, rows.map(serializeActivityItem));
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
