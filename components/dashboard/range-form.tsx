/**
 * The dashboard's date range picker (server component, a plain GET form: works before scripts load):
 * from/to clinic dates and the granularity, each with its error next to it, plus quick range links.
 */
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import type { FieldErrors } from '@/lib/errors';
import { rangeQuery, type QuickRange } from '@/lib/reports/dashboard-page';

const input = 'min-h-11 w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-rose-600';

function Err({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? <p id={id} className="text-sm text-rose-700">{errors[0]}</p> : null;
}

/** `values` are what the inputs show (the resolved range, or what was typed when it was refused). */
export function RangeForm({ values, errors = {}, quick, timeZone }: {
  values: { from?: string; to?: string; granularity?: string }; errors?: FieldErrors; quick: QuickRange[]; timeZone: string;
}) {
  const bad = (f: string) => (errors[f]?.length ? true : undefined);
  const current = (q: QuickRange) => q.from === values.from && q.to === values.to && q.granularity === values.granularity;
  return (
    <section aria-labelledby="range-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden">
      <h2 id="range-heading" className="sr-only">Date range</h2>
      <form key={`${values.from}|${values.to}|${values.granularity}`} method="get" action="/admin" className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end" data-testid="range-form">
        <div className="flex flex-col gap-1">
          <label htmlFor="range-from" className="font-medium">From</label>
          <input id="range-from" name="from" type="date" defaultValue={values.from} aria-invalid={bad('from')} aria-describedby={bad('from') && 'range-from-err'} className={input} />
          <Err id="range-from-err" errors={errors.from} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="range-to" className="font-medium">To</label>
          <input id="range-to" name="to" type="date" defaultValue={values.to} aria-invalid={bad('to')} aria-describedby={bad('to') && 'range-to-err'} className={input} />
          <Err id="range-to-err" errors={errors.to} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="range-granularity" className="font-medium">Group visits by</label>
          <select id="range-granularity" name="granularity" defaultValue={values.granularity ?? 'day'} aria-invalid={bad('granularity')} aria-describedby={bad('granularity') && 'range-granularity-err'} className={input}>
            <option value="day">Day</option>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </select>
          <Err id="range-granularity-err" errors={errors.granularity} />
        </div>
        <Button type="submit">Show</Button>
      </form>
      <p className="mt-2 text-sm text-slate-600">Both dates included, in clinic days ({timeZone}).</p>
      <nav aria-label="Quick ranges" className="mt-1 flex flex-wrap gap-x-4">
        {quick.map((q) => (
          <Link key={q.label} href={`/admin?${rangeQuery(q)}`} aria-current={current(q) ? 'true' : undefined}
            className="inline-flex min-h-11 items-center text-sm text-teal-800 underline underline-offset-4 aria-[current=true]:font-semibold aria-[current=true]:no-underline">
            {q.label}
          </Link>
        ))}
      </nav>
    </section>
  );
}
