/**
 * A report table as an accessible HTML table (server component): caption, column headers
 * (`scope="col"`), one row header per row (`scope="row"`), numbers right-aligned; an empty cell
 * (null) shows a dash and says "no value" to screen readers. Words wrap only at spaces (the page
 * otherwise breaks anywhere), column headers too, so most tables fit a phone. A table still wider than
 * its box scrolls inside it and shows it: a shadow on the edge that hides columns (only while there is
 * more that way), and a "Scroll sideways for more →" line under it.
 */
import type { CSSProperties } from 'react';
import type { ReportTable } from '@/lib/reports/dashboard-tables';

/**
 * Scroll shadows without scripts: white covers scroll with the content (`local`) and hide the shadows
 * (fixed to the box) at an end that is reached; where columns are hidden, the shadow shows.
 */
const SCROLL_SHADOWS: CSSProperties = {
  background: [
    'linear-gradient(to right, white 30%, rgb(255 255 255 / 0)) left center / 2.5rem 100% no-repeat local',
    'linear-gradient(to left, white 30%, rgb(255 255 255 / 0)) right center / 2.5rem 100% no-repeat local',
    'radial-gradient(farthest-side at 0 50%, rgb(15 23 42 / 0.25), rgb(15 23 42 / 0)) left center / 0.875rem 100% no-repeat scroll',
    'radial-gradient(farthest-side at 100% 50%, rgb(15 23 42 / 0.25), rgb(15 23 42 / 0)) right center / 0.875rem 100% no-repeat scroll',
  ].join(', '),
};

/**
 * The "scroll sideways" line shows exactly while its table overflows: it is hidden unless the
 * scroller's scroll timeline is active, which it is only when there is something to scroll (CSS
 * scroll-driven animations; the keyframes hold one value, so scrolling changes nothing). Browsers
 * without them show the line on phones under tables of `WIDE_TABLE_COLUMNS` or more columns.
 * Unlayered, so it wins over the `sm:hidden` fallback utility.
 */
const SCROLL_HINT_CSS = `
.data-table-box{timeline-scope:--data-table}
.data-table-scroller{scroll-timeline:--data-table x}
@supports (animation-timeline: scroll()){
  .data-table-hint{display:block;max-height:0;margin-top:0;overflow:hidden;animation:data-table-overflows linear both;animation-timeline:--data-table}
}
@keyframes data-table-overflows{from,to{max-height:3rem;margin-top:.25rem}}
@media print{.data-table-hint{display:none}}
`;

/** Without scroll-driven animations: tables with this many columns get the "scroll sideways" line on phones. */
export const WIDE_TABLE_COLUMNS = 3;

/** `table` with its caption; `rowHeader` is the column that names each row (default the first). */
export function DataTable({ table, rowHeader = 0, captionHidden = false, testId }: { table: ReportTable; rowHeader?: number; captionHidden?: boolean; testId?: string }) {
  const numeric = table.header.map((_, j) => table.rows.some((r) => typeof r[j] === 'number') && table.rows.every((r) => r[j] === null || typeof r[j] === 'number'));
  const align = (j: number) => (numeric[j] ? 'whitespace-nowrap text-right tabular-nums' : 'text-left');
  // Headers wrap between words even over number columns ("Share of all diagnoses (%)").
  const headAlign = (j: number) => (numeric[j] ? 'text-right' : 'text-left');
  return (
    <div className="data-table-box">
      <style href="data-table-scroll-hint" precedence="default">{SCROLL_HINT_CSS}</style>
      {/* A keyboard user scrolls a table wider than the screen once it has focus: a named, focusable region. */}
      <div className="data-table-scroller overflow-x-auto" style={SCROLL_SHADOWS} data-testid="table-scroller" tabIndex={0} role="region" aria-label={`${table.title} (table)`}>
      <table className="w-full border-collapse text-sm [overflow-wrap:normal]" data-testid={testId ?? `table-${table.id}`}>
        <caption className={captionHidden ? 'sr-only' : 'mb-1 text-left font-semibold'}>{table.title}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {table.header.map((h, j) => <th key={h} scope="col" className={`px-2 py-1 align-bottom font-semibold ${headAlign(j)}`}>{h}</th>)}
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
      </div>
      <p className={`data-table-hint mt-1 text-xs text-slate-600 print:hidden ${table.header.length >= WIDE_TABLE_COLUMNS ? 'sm:hidden' : 'hidden'}`} aria-hidden="true" data-testid="scroll-hint">
        Scroll sideways for more →
      </p>
      {table.note && <p className="mt-1 text-xs text-slate-600">{table.note}</p>}
    </div>
  );
}
