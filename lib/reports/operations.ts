/** The downloads of the admin dashboard: one table as CSV, and the monthly report (see lib/api/operation.ts). */
import { z } from 'zod';
import { defineOperation } from '@/lib/api/operation';
import { textPathParam } from '@/lib/api/params';
import { dashboardStatsSchema } from '@/lib/dashboard/schemas';
import { DASHBOARD_TABLE_IDS } from './dashboard-tables';
import { monthlyReportQuerySchema } from './monthly-report';
import { monthlyReportResponseSchema } from './serialize';

/** The table is checked by `exportDashboardTable` after the range (a 404 listing the tables). */
export const exportDashboardTableOperation = defineOperation({
  method: 'GET', path: '/api/dashboard/export/{table}/', operationId: 'exportDashboardTable', tag: 'Dashboard', roles: ['admin'],
  summary: 'One dashboard table as a CSV download (admin)',
  description: 'The same numbers as the table under its chart on the admin dashboard, for the range. UTF-8 with a byte-order mark, CRLF line ends, text cells quoted (formula characters neutralised).',
  params: { table: textPathParam(z.enum(DASHBOARD_TABLE_IDS).meta({ description: 'The table (any other name is a 404 listing them).' })) },
  query: dashboardStatsSchema,
  success: {
    status: 200, description: 'The CSV file.', contentType: 'text/csv',
    headers: z.object({ 'Content-Disposition': z.string().meta({ example: 'attachment; filename="ehealth-visits-2025-12-01-to-2025-12-31.csv"' }) }),
  },
  errors: ['not_found'],
});

export const getMonthlyReportOperation = defineOperation({
  method: 'GET', path: '/api/reports/monthly/', operationId: 'getMonthlyReport', tag: 'Dashboard', roles: ['admin'],
  summary: 'The clinic\'s monthly summary report (admin), as JSON or CSV',
  description: '`month` defaults to the previous clinic month; `format=csv` answers the same report as one CSV download (a `Section` column).',
  query: monthlyReportQuerySchema,
  success: { status: 200, description: 'The report (JSON, or CSV with `format=csv`).', schema: monthlyReportResponseSchema, alsoAs: ['text/csv'] },
});
