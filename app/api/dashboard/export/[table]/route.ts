/** `/api/dashboard/export/{table}/`; what it does, who may call it and its schemas: lib/reports/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { csvResponse } from '@/lib/reports/csv';
import { exportDashboardTable } from '@/lib/reports/export-dashboard-table';
import { exportDashboardTableOperation } from '@/lib/reports/operations';

export const GET = withApi(exportDashboardTableOperation, async ({ user, params, query }) => {
  const { filename, csv } = await exportDashboardTable({ user, table: params.table, from: query.from, to: query.to, granularity: query.granularity });
  return csvResponse(csv, filename);
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
