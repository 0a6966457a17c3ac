/** `/api/reports/monthly/`; what it does, who may call it and its schemas: lib/reports/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { csvResponse } from '@/lib/reports/csv';
import { getMonthlyReport, toMonthlyReportCsv } from '@/lib/reports/monthly-report';
import { getMonthlyReportOperation } from '@/lib/reports/operations';
import { serializeMonthlyReport } from '@/lib/reports/serialize';

export const GET = withApi(getMonthlyReportOperation, async ({ user, query }) => {
  const report = await getMonthlyReport({ user, month: query.month });
  if (query.format === 'csv') return csvResponse(toMonthlyReportCsv(report), `ehealth-monthly-report-${report.month}.csv`);
  return serializeMonthlyReport(report);
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
