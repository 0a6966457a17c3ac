/** `/api/dashboard/stats/`; what it does, who may call it and its schemas: lib/dashboard/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { getDashboardStats } from '@/lib/dashboard/get-dashboard-stats';
import { getDashboardStatsOperation } from '@/lib/dashboard/operations';
import { serializeDashboardStats } from '@/lib/dashboard/serialize';

export const GET = withApi(getDashboardStatsOperation, async ({ user, query }) =>
  serializeDashboardStats(await getDashboardStats({ user, from: query.from, to: query.to, granularity: query.granularity })));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
