/**
 * One dashboard panel (server component): a heading, the chart, its numbers as a table under a
 * "Show as table" disclosure, and a "Download CSV" link for the same table and range.
 */
import type { ReportTable } from '@/lib/reports/dashboard-tables';
import { DataTable } from './data-table';

/** `children` is the chart (decorative); the table carries the numbers for screen readers and copying. */
export function ChartPanel({ heading, table, downloadHref, rowHeader, children, className = '', open = false }: {
  heading: string; table: ReportTable; downloadHref: string; rowHeader?: number; children?: React.ReactNode; className?: string;
  /** Show the table at first (a panel without a chart). */
  open?: boolean;
}) {
  const headingId = `panel-${table.id}`;
  return (
    <section aria-labelledby={headingId} className={`min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${className}`} data-testid={`panel-${table.id}`}>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-3">
        <h2 id={headingId} className="text-lg font-semibold">{heading}</h2>
        <a href={downloadHref} download className="inline-flex min-h-11 items-center text-sm text-teal-800 underline underline-offset-4 hover:text-teal-950">
          Download CSV<span className="sr-only">: {table.title}</span>
        </a>
      </div>
      {children && <div data-testid={`chart-${table.id}`}>{children}</div>}
      <details className="mt-2" open={open || undefined}>
        <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium">Show as table</summary>
        <DataTable table={table} rowHeader={rowHeader} captionHidden />
      </details>
    </section>
  );
}
