/**
 * One dashboard table as a CSV download (admin only): the same numbers as the table under its chart
 * on `/admin` (both come from `dashboardTable`), for the same clinic-date range.
 */
import type { CurrentUser } from '@/lib/auth/current-user';
import { getDashboardStats } from '@/lib/dashboard/get-dashboard-stats';
import type { DashboardStatsInput } from '@/lib/dashboard/schemas';
import { AppError } from '@/lib/errors';
import { toCsv } from './csv';
import { DASHBOARD_TABLE_IDS, dashboardTable, isDashboardTableId } from './dashboard-tables';

/**
 * `{ filename, csv }` of dashboard table `table` over the range (`from`/`to` clinic dates, default the
 * last 30 days; `granularity` day|week|month). Filename: `ehealth-<table>-<from>-to-<to>.csv`.
 * Throws `not_found` for an unknown table (before any database work), `validation_error` for a bad
 * range, `unauthenticated`/`forbidden` unless the user is an admin.
 */
export async function exportDashboardTable(opts: { user: CurrentUser | null; table: string } & DashboardStatsInput): Promise<{ filename: string; csv: string }> {
  const { user, table, ...range } = opts;
  if (!isDashboardTableId(table)) {
    throw new AppError('not_found', `There is no dashboard table of that name. Tables: ${DASHBOARD_TABLE_IDS.join(', ')}.`, undefined, { tables: [...DASHBOARD_TABLE_IDS] });
  }
  const stats = await getDashboardStats({ user, ...range });
  const t = dashboardTable(stats, table);
  return { filename: `ehealth-${t.id}-${stats.range.from}-to-${stats.range.to}.csv`, csv: toCsv(t.header, t.rows) };
}
