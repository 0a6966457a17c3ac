import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { csvResponse } from '@/lib/reports/csv';
import { getMonthlyReport, monthlyReportQuerySchema, toMonthlyReportCsv } from '@/lib/reports/monthly-report';
import { serializeMonthlyReport } from '@/lib/reports/serialize';

// GET /api/reports/monthly/?month=YYYY-MM&format=json|csv — the clinic's monthly summary report (admin only; default the previous clinic month, JSON)
export const GET = withApi(async ({ user, query }) => {
  const q = query(monthlyReportQuerySchema);
  const report = await getMonthlyReport({ user, month: q.month });
  if (q.format === 'csv') return csvResponse(toMonthlyReportCsv(report), `ehealth-monthly-report-${report.month}.csv`);
  return serializeMonthlyReport(report);
}, { roles: ['admin'] });

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
