/**
 * A report table as an accessible HTML table (server component): caption, column headers
 * (`scope="col"`), one row header per row (`scope="row"`), numbers right-aligned; an empty cell
 * (null) shows a dash and says "no value" to screen readers. Words wrap only at spaces (the page
 * otherwise breaks anywhere); a table wider than its box scrolls inside it.
 */
import type { ReportTable } from '@/lib/reports/dashboard-tables';

/** `table` with its caption; `rowHeader` is the column that names each row (default the first). */
export function DataTable({ table, rowHeader = 0, captionHidden = false, testId }: { table: ReportTable; rowHeader?: number; captionHidden?: boolean; testId?: string }) {
  const numeric = table.header.map((_, j) => table.rows.some((r) => typeof r[j] === 'number') && table.rows.every((r) => r[j] === null || typeof r[j] === 'number'));
  const align = (j: number) => (numeric[j] ? 'whitespace-nowrap text-right tabular-nums' : 'text-left');
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm [overflow-wrap:normal]" data-testid={testId ?? `table-${table.id}`}>
        <caption className={captionHidden ? 'sr-only' : 'mb-1 text-left font-semibold'}>{table.title}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {table.header.map((h, j) => <th key={h} scope="col" className={`px-2 py-1 font-semibold ${align(j)}`}>{h}</th>)}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 && (
            <tr><td colSpan={table.header.length} className="px-2 py-2 text-slate-600">Nothing in this range.</td></tr>
          )}
          {table.rows.map((r, i) => (
            <tr key={i} className="border-b border-slate-100 last:border-0">
              {table.header.map((_, j) => {
                const v = r[j] ?? null;
                const content = v === null ? <><span aria-hidden="true">—</span><span className="sr-only">no value</span></> : v;
                const cls = `px-2 py-1 ${align(j)}`;
                return j === rowHeader
                  ? <th key={j} scope="row" className={`${cls} font-normal`}>{content}</th>
                  : <td key={j} className={cls}>{content}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note && <p className="mt-1 text-xs text-slate-600">{table.note}</p>}
    </div>
  );
}
