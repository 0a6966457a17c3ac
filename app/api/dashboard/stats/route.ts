import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { getDashboardStats } from '@/lib/dashboard/get-dashboard-stats';
import { dashboardStatsSchema } from '@/lib/dashboard/schemas';
import { serializeDashboardStats } from '@/lib/dashboard/serialize';

// GET /api/dashboard/stats/?from=&to=&granularity= — admin dashboard statistics (clinic dates, default last 30 days)
export const GET = withApi(async ({ user, query }) => {
  const q = query(dashboardStatsSchema);
  return serializeDashboardStats(await getDashboardStats({ user, from: q.from, to: q.to, granularity: q.granularity }));
}, { roles: ['admin'] });

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
