'use client';
/**
 * The recharts drawing of `BarsChart` (components/dashboard/bars-chart.tsx), loaded only once a chart
 * is shown (`next/dynamic`), so recharts stays out of the dashboard's first load. Sideways bars write
 * each category's full name beside its bar, wrapped between words over as many lines as it needs (the
 * name column takes up to two fifths of the width); nothing is cut short. Not focusable
 * (`accessibilityLayer={false}`): the box is hidden from assistive technology and the table under it
 * carries the numbers.
 */
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { charsPerLine, nameColumnWidth, wrapLabel, type BarDatum } from './bars-chart-layout';

const FILL = '#0f766e';
const MUTED = '#94a3b8';
const FONT_PX = 12;
const LINE_PX = 15;

/** The tooltip's heading: the bar's longer name when it has one. */
const tooltipLabel = (label: unknown, p: ReadonlyArray<{ payload?: unknown }> | undefined) =>
  (p?.[0]?.payload as { name?: string } | undefined)?.name ?? String(label);

/** A category name beside its sideways bar, in lines of at most `chars` characters (tspans keep their spaces). */
function WrappedTick({ x, y, payload, chars }: { x?: number; y?: number; payload?: { value?: unknown }; chars: number }) {
  const label = String(payload?.value ?? '');
  const lines = wrapLabel(label, chars);
  const top = (y ?? 0) - ((lines.length - 1) * LINE_PX) / 2;
  return (
    <text x={x} y={top} textAnchor="end" dominantBaseline="central" fontSize={FONT_PX} fill="#334155" className="bars-chart-label" data-label={label}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : LINE_PX}>{i < lines.length - 1 ? `${line} ` : line}</tspan>
      ))}
    </text>
  );
}

/** Fills its parent (which sets the height); `sideways` lays bars out horizontally with wrapped names. */
export default function BarsChartDrawing({ data, valueName, sideways }: { data: BarDatum[]; valueName: string; sideways: boolean }) {
  const [width, setWidth] = useState(0);
  const rows = data.map((d) => ({ ...d, name: d.name ?? d.label }));
  const cells = rows.map((d, i) => <Cell key={`${d.label}-${i}`} fill={d.muted ? MUTED : FILL} />);
  if (!sideways) {
    return (
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={FONT_PX} minTickGap={8} />
          <YAxis allowDecimals={false} fontSize={FONT_PX} />
          <Tooltip labelFormatter={tooltipLabel} />
          <Bar dataKey="value" name={valueName} isAnimationActive={false}>{cells}</Bar>
        </BarChart>
      </ResponsiveContainer>
    );
  }
  const axisWidth = nameColumnWidth(width);
  return (
    <ResponsiveContainer width="100%" height="100%" onResize={(w) => setWidth(w)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} fontSize={FONT_PX} />
        <YAxis type="category" dataKey="label" width={axisWidth} interval={0} tick={<WrappedTick chars={charsPerLine(axisWidth)} />} />
        <Tooltip labelFormatter={tooltipLabel} />
        <Bar dataKey="value" name={valueName} isAnimationActive={false} maxBarSize={28}>{cells}</Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

