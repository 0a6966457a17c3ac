/** The `/api/dashboard/stats/` and `/api/dashboard/recent-activity/` operations (see lib/api/operation.ts). */
import { defineOperation, validatedByService } from '@/lib/api/operation';
import { paginationSchema } from '@/lib/api/pagination';
import { activityFiltersSchema } from '@/lib/audit/schemas';
import { dashboardStatsSchema } from './schemas';
import { auditEventListResponseSchema, dashboardStatsResponseSchema } from './serialize';

export const getDashboardStatsOperation = defineOperation({
  method: 'GET', path: '/api/dashboard/stats/', operationId: 'getDashboardStats', tag: 'Dashboard', roles: ['admin'],
  summary: 'Clinic statistics over a range of clinic dates (admin; default the last 30 days)',
  query: dashboardStatsSchema,
  success: { status: 200, description: 'The statistics.', schema: dashboardStatsResponseSchema },
});

/** The filters are resolved by `listRecentActivity` (a name to users, a clinic number to a patient), which validates them. */
export const listRecentActivityOperation = defineOperation({
  method: 'GET', path: '/api/dashboard/recent-activity/', operationId: 'listRecentActivity', tag: 'Dashboard', roles: ['admin'],
  summary: 'The audit log, newest first, filtered (admin)',
  description: 'Filters (all optional, combined): `actor` a user id or 2+ characters of a name or email; `action` one action (`record.create`) or a prefix ending in a dot (`record.`); `patient` a clinic number (`EH-000123`) or a patient\'s user id; `outcome`; `from`/`to` clinic dates, both included.',
  query: [paginationSchema, validatedByService(activityFiltersSchema)],
  success: { status: 200, description: 'A page of audit events.', schema: auditEventListResponseSchema },
});
