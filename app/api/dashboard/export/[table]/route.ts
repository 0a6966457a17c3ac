import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { dashboardStatsSchema } from '@/lib/dashboard/schemas';
import { csvResponse } from '@/lib/reports/csv';
import { exportDashboardTable } from '@/lib/reports/export-dashboard-table';

// GET /api/dashboard/export/{table}/?from=&to=&granularity= — one dashboard table as a CSV download (admin only)
export const GET = withApi<{ table: string }>(async ({ user, params, query }) => {
  const q = query(dashboardStatsSchema);
  const { filename, csv } = await exportDashboardTable({ user, table: params.table, from: q.from, to: q.to, granularity: q.granularity });
  return csvResponse(csv, filename);
}, { roles: ['admin'] });

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
