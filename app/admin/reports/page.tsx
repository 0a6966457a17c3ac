import type { Metadata } from 'next';
import { DataTable } from '@/components/dashboard/data-table';
import { PrintButton } from '@/components/dashboard/print-button';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { toAppError } from '@/lib/api/with-api';
import { requirePageUser } from '@/lib/auth/page-guard';
import type { FieldErrors } from '@/lib/errors';
import { getMonthlyReport, monthlyReportTables, previousClinicMonth, type MonthlyReport } from '@/lib/reports/monthly-report';

export const metadata: Metadata = { title: 'Monthly report' };

const input = 'min-h-11 rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-rose-600';
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthName = (m: string) => `${MONTH_NAMES[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

/**
 * The monthly summary report, printable: a month picker (GET form, default the previous clinic month),
 * the report as plain tables, Print and Download CSV. Printing hides the site header and the controls.
 */
export default async function MonthlyReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(['admin'], '/admin/reports');
  const sp = await searchParams;
  const raw = Array.isArray(sp.month) ? sp.month[0] : sp.month;
  const month = raw?.trim() ? raw.trim().slice(0, 20) : undefined;
  let report: MonthlyReport | null = null;
  let errors: FieldErrors = {};
  let message = '';
  try {
    report = await getMonthlyReport({ user, month });
  } catch (e) {
    const app = toAppError(e);
    if (app?.code !== 'validation_error') throw e;
    errors = app.fields ?? {};
    message = app.message;
  }
  const shown = report?.month ?? month ?? previousClinicMonth();
  const monthErr = errors.month?.[0];
  return (
    <div className="flex flex-col gap-4 print:gap-2">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">Monthly report{report ? `: ${monthName(report.month)}` : ''}</h1>
        {report && <p className="text-slate-700" data-testid="report-clinic">{report.clinicName} · {report.from} to {report.to} (clinic time, {report.timeZone})</p>}
      </div>

      <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-end sm:justify-between print:hidden">
        <form method="get" action="/admin/reports" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex flex-col gap-1">
            <label htmlFor="report-month" className="font-medium">Month</label>
            <input id="report-month" name="month" type="month" defaultValue={shown} placeholder="YYYY-MM" pattern="\d{4}-\d{2}"
              aria-invalid={monthErr ? true : undefined} aria-describedby={monthErr ? 'report-month-err' : undefined} className={input} />
            {monthErr && <p id="report-month-err" className="text-sm text-rose-700">{monthErr}</p>}
          </div>
          <Button type="submit">Show report</Button>
        </form>
        {report && (
          <div className="flex flex-wrap items-center gap-3">
            <PrintButton />
            <a href={`/api/reports/monthly/?month=${report.month}&format=csv`} download className="inline-flex min-h-11 items-center text-teal-800 underline underline-offset-4">
              Download CSV<span className="sr-only"> of the {monthName(report.month)} report</span>
            </a>
          </div>
        )}
      </div>

      {report ? (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2 print:block" data-testid="monthly-report">
          {monthlyReportTables(report).map((t) => (
            <section key={t.id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:mb-3 print:break-inside-avoid print:border-0 print:p-0 print:shadow-none">
              <DataTable table={t} testId={`report-${t.id}`} rowHeader={t.id === 'diagnoses' ? 3 : 0} />
            </section>
          ))}
        </div>
      ) : (
        <Notice tone="error">{message} Choose a month that has started, as YYYY-MM.</Notice>
      )}
    </div>
  );
}
