'use client';
/**
 * A small bar chart (recharts) of labelled counts: upright bars over time or categories, or sideways
 * bars (`sideways`) for long names such as diagnoses and doctors. Decorative for assistive technology
 * (`aria-hidden`): the table under it carries the same numbers. No animation (stable screenshots).
 */
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** One bar: its axis label, value, and optional longer tooltip name and muted colour. */
export interface BarDatum {
  label: string;
  value: number;
  name?: string;
  muted?: boolean;
}

const FILL = '#0f766e';
const MUTED = '#94a3b8';
const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Bars with their value name (tooltip), e.g. "Visits". */
export function BarsChart({ data, valueName, sideways = false, height }: { data: BarDatum[]; valueName: string; sideways?: boolean; height?: number }) {
  const h = height ?? (sideways ? Math.max(140, data.length * 30 + 40) : 220);
  const rows = data.map((d) => ({ ...d, name: d.name ?? d.label }));
  return (
    <div className="w-full" style={{ height: h }} aria-hidden="true" data-bars={data.length}>
      <ResponsiveContainer width="100%" height="100%">
        {sideways ? (
          <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} fontSize={12} />
            <YAxis type="category" dataKey="label" width={110} fontSize={12} tickFormatter={(s: string) => short(s, 14)} interval={0} />
            <Tooltip labelFormatter={(_l, p) => (p?.[0]?.payload as { name?: string } | undefined)?.name ?? String(_l)} />
            <Bar dataKey="value" name={valueName} isAnimationActive={false}>
              {rows.map((d, i) => <Cell key={`${d.label}-${i}`} fill={d.muted ? MUTED : FILL} />)}
            </Bar>
          </BarChart>
        ) : (
          <BarChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" fontSize={12} minTickGap={8} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip labelFormatter={(_l, p) => (p?.[0]?.payload as { name?: string } | undefined)?.name ?? String(_l)} />
            <Bar dataKey="value" name={valueName} isAnimationActive={false}>
              {rows.map((d, i) => <Cell key={`${d.label}-${i}`} fill={d.muted ? MUTED : FILL} />)}
            </Bar>
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
