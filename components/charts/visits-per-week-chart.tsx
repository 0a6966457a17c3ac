'use client';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Bar chart of visits per week (recharts), with the same numbers as a table for screen readers and copying. */
export function VisitsPerWeekChart({ data }: { data: Array<{ week: string; visits: number }> }) {
  return (
    <figure>
      <div className="h-64 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" tickFormatter={(w: string) => w.slice(5)} fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Bar dataKey="visits" name="Visits" fill="#0f766e" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">Show the numbers</summary>
        <table className="mt-2 w-full text-left" data-testid="visits-per-week-table">
          <caption className="sr-only">Visits per week, last 12 weeks</caption>
          <thead><tr><th scope="col">Week starting</th><th scope="col" className="text-right">Visits</th></tr></thead>
          <tbody>{data.map((d) => <tr key={d.week}><td>{d.week}</td><td className="text-right tabular-nums">{d.visits}</td></tr>)}</tbody>
        </table>
      </details>
    </figure>
  );
}
